/**
 * Turns 16 kHz mono PCM speech into timed words with an offline Vosk model, and timed words of one
 * or more speaker tracks into a {@link dev.verbatim.core.Transcript}.
 *
 * <p>This package does not decode media files (callers pass raw s16le PCM, as the ingest module
 * produces it). A single mixed recording is split into speakers by voice on request ({@link
 * dev.verbatim.transcribe.Transcriber#transcribeSpeakers}); per-speaker tracks know theirs. It does
 * not download models either: they must already be unpacked under {@link
 * dev.verbatim.transcribe.TranscribeProperties#modelRoot()}.
 */
@NullMarked
package dev.verbatim.transcribe;

import org.jspecify.annotations.NullMarked;
