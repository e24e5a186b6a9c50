/** Live news of meetings (job progress, completion, edits) for the browsers watching them. */
@NullMarked
package dev.verbatim.server.events;

import org.jspecify.annotations.NullMarked;
