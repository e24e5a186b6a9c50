/**
 * Search across meetings: the API, the search page and completions, over the Lucene index that
 * {@code index} keeps in step with the database. A query only ever sees the meetings its caller may
 * see: the access check is a filter inside the Lucene query.
 */
@NullMarked
package dev.verbatim.server.search;

import org.jspecify.annotations.NullMarked;
