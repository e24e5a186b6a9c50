/**
 * Turns a transcript into minutes, and minutes into documents people share.
 *
 * <p>Not yet built: the minutes engine arrives with its own issue. Until then the pipeline writes
 * empty minutes, and this module exists so the module graph is in place and guarded.
 */
@NullMarked
package dev.verbatim.minutes;

import org.jspecify.annotations.NullMarked;
