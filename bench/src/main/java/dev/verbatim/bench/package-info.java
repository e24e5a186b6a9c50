/**
 * The search benchmark: {@link dev.verbatim.bench.SearchBenchmark} builds a synthetic corpus with
 * {@link dev.verbatim.bench.CorpusGenerator}, indexes it in the Lucene {@code MeetingIndex} and in
 * PostgreSQL full-text search, and compares their latencies on one query mix. Run by {@code
 * scripts/bench-search.sh}; nothing here runs in the build.
 */
@NullMarked
package dev.verbatim.bench;

import org.jspecify.annotations.NullMarked;
