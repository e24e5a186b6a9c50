/** The pipeline from recordings to a meeting document, and the document on disk. */
@NullMarked
package dev.verbatim.server.pipeline;

import org.jspecify.annotations.NullMarked;
