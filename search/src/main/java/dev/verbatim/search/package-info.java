/**
 * The Lucene index of meetings and the queries over it.
 *
 * <p>Not yet built: search arrives with its own issue. This module exists so the module graph is in
 * place and guarded.
 */
@NullMarked
package dev.verbatim.search;

import org.jspecify.annotations.NullMarked;
