package dev.verbatim.server.pipeline;

import dev.verbatim.core.SourceFile;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One stream of speech to recognise: a whole file, or one channel of it.
 *
 * @param channel the channel to take, or -1 to downmix them all
 */
record TrackSource(
    Path file, SourceFile probe, int channel, String speakerId, @Nullable String speakerName) {}
