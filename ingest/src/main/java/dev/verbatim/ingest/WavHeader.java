package dev.verbatim.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads how long a WAV file says it is.
 *
 * <p>FFmpeg clamps a WAV's duration to the bytes actually present, so a recording cut short looks
 * complete to it; only the RIFF header still knows how much audio was meant to follow.
 */
final class WavHeader {

  /** Writers that stream WAV leave the size unset as 0 or all ones; such sizes declare nothing. */
  private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

  private static final int MAX_CHUNKS = 64;

  private WavHeader() {}

  /** Returns the duration the {@code data} chunk declares, if the file is a RIFF WAVE with one. */
  static OptionalLong declaredMillis(Path file) {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      if (!readFully(channel, header)
          || header.getInt(0) != fourCc("RIFF")
          || header.getInt(8) != fourCc("WAVE")) {
        return OptionalLong.empty();
      }
      long byteRate = 0;
      ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < MAX_CHUNKS; i++) {
        chunk.clear();
        if (!readFully(channel, chunk)) {
          return OptionalLong.empty();
        }
        int id = chunk.getInt(0);
        long size = Integer.toUnsignedLong(chunk.getInt(4));
        long body = channel.position();
        if (id == fourCc("fmt ")) {
          ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
          if (!readFully(channel, fmt)) {
            return OptionalLong.empty();
          }
          byteRate = Integer.toUnsignedLong(fmt.getInt(8));
        } else if (id == fourCc("data")) {
          if (byteRate == 0 || size == 0 || size == UNKNOWN_SIZE) {
            return OptionalLong.empty();
          }
          return OptionalLong.of(size * 1000 / byteRate);
        }
        // Chunks are padded to an even length.
        channel.position(body + size + (size & 1));
      }
      return OptionalLong.empty();
    } catch (IOException e) {
      // The header is a hint for a warning; FFmpeg decides whether the file is readable.
      return OptionalLong.empty();
    }
  }

  private static boolean readFully(SeekableByteChannel channel, ByteBuffer buffer)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int fourCc(String id) {
    return id.charAt(0) | id.charAt(1) << 8 | id.charAt(2) << 16 | id.charAt(3) << 24;
  }
}
