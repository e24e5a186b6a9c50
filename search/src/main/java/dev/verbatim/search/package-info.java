/**
 * The Lucene index of meetings and the queries over it.
 *
 * <p>{@link dev.verbatim.search.MeetingIndex} holds one document per transcript segment, one per
 * meeting (title, participants, summary, keywords, decisions) and one per action item, and answers
 * {@link dev.verbatim.search.SearchQuery search queries} with HTML-safe highlighted snippets.
 */
@NullMarked
package dev.verbatim.search;

import org.jspecify.annotations.NullMarked;
