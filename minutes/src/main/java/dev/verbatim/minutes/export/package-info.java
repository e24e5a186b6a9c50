/**
 * Minutes as documents people share: Markdown, PDF and Word minutes, and the transcript as WebVTT,
 * SRT and plain text. {@link dev.verbatim.minutes.export.MinutesDocuments} is the entry point.
 *
 * <p>Every name and every word of the transcript is treated as hostile input: each format escapes
 * it for its own syntax.
 */
@NullMarked
package dev.verbatim.minutes.export;

import org.jspecify.annotations.NullMarked;
