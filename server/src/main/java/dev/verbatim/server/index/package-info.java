/** Keeps the Lucene index (module {@code search}) in step with the meetings in the database. */
@NullMarked
package dev.verbatim.server.index;

import org.jspecify.annotations.NullMarked;
