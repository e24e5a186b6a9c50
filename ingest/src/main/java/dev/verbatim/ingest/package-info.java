/**
 * Accepts uploaded recordings: checks by content that a file is audio or video, describes it as a
 * {@link dev.verbatim.core.SourceFile}, streams its audio as 16 kHz mono 16-bit PCM, and mixes
 * per-participant tracks into one AAC file for playback.
 *
 * <p>This package does not transcribe, store, or name files, and it never trusts a file name or
 * extension. It does not decode video frames, seek, or keep whole recordings in memory: the PCM is
 * pulled frame by frame, so the caller decides how much to hold. It knows nothing of HTTP or of
 * where uploads live; Spring appears only in {@link IngestConfiguration} and {@link
 * IngestProperties}, so {@link MediaReader} can be built with {@code new}.
 */
@NullMarked
package dev.verbatim.ingest;

import org.jspecify.annotations.NullMarked;
