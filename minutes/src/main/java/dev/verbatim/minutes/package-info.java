/**
 * Turns a transcript into minutes (sentences, summary, chapters, keywords, decisions and action
 * items, each linked to the segments it came from), and minutes into documents people share.
 *
 * <p>{@link dev.verbatim.minutes.MinutesWriter} is the entry point. Everything runs offline; an
 * OpenAI-compatible chat API, when configured, only refines what the offline engine found.
 */
@NullMarked
package dev.verbatim.minutes;

import org.jspecify.annotations.NullMarked;
