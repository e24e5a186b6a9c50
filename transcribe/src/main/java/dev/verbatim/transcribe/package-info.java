/**
 * Turns 16 kHz mono PCM speech into timed words with an offline Vosk model, and timed words of one
 * or more speaker tracks into a {@link dev.verbatim.core.Transcript}.
 *
 * <p>This package does not decode media files (callers pass raw s16le PCM, as the ingest module
 * produces it), does not diarize: a single mixed recording becomes one speaker's words, and only
 * per-speaker tracks give speaker turns. It does not download models either: they must already be
 * unpacked under {@link dev.verbatim.transcribe.TranscribeProperties#modelRoot()}.
 */
@NullMarked
package dev.verbatim.transcribe;

import org.jspecify.annotations.NullMarked;
