package dev.verbatim.core;

import java.util.List;

/**
 * One input recording as it was received and probed.
 *
 * @param mediaType the type detected from the content, never from the file name
 * @param container the demuxer that read it, such as {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec the audio codec, such as {@code aac}
 * @param sampleRate the original sample rate in Hz, before resampling to 16 kHz
 * @param warnings problems that did not stop processing, such as a truncated file
 */
public record SourceFile(
    String name,
    String sha256,
    String mediaType,
    String container,
    String codec,
    long durationMs,
    int channels,
    int sampleRate,
    List<String> warnings) {

  public SourceFile {
    warnings = List.copyOf(warnings);
  }
}
