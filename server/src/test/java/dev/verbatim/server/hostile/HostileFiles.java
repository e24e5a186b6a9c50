package dev.verbatim.server.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Files nobody should upload, and multipart bodies no browser would send. */
final class HostileFiles {

  private HostileFiles() {}

  /** A multipart body with the Content-Type that announces its boundary. */
  record Multipart(String contentType, BodyPublisher body) {}

  /**
   * One file part named exactly {@code fileName} (as raw UTF-8 in the part header, the way the name
   * reaches the server whatever a client does to it), after the form fields.
   */
  static Multipart multipart(String fileName, BodyPublisher content, Map<String, String> fields) {
    String boundary = "hostile-" + UUID.randomUUID();
    List<BodyPublisher> parts = new ArrayList<>();
    fields.forEach(
        (name, value) ->
            parts.add(
                text(
                    "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")));
    parts.add(
        text(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
    parts.add(content);
    parts.add(text("\r\n--" + boundary + "--\r\n"));
    return new Multipart(
        "multipart/form-data; boundary=" + boundary,
        BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)));
  }

  /** A multipart body with form fields only: no file part at all. */
  static Multipart fieldsOnly(Map<String, String> fields) {
    String boundary = "hostile-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return new Multipart("multipart/form-data; boundary=" + boundary, text(body.toString()));
  }

  /** A canonical 44-byte WAV header for mono PCM whose data chunk claims {@code dataBytes}. */
  static byte[] wavHeader(int sampleRate, int bitsPerSample, long dataBytes) {
    int blockAlign = bitsPerSample / 8;
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII));
    header.putInt((int) Math.min(0xFFFF_FFFFL, dataBytes + 36));
    header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    header.put("fmt ".getBytes(StandardCharsets.US_ASCII));
    header.putInt(16);
    header.putShort((short) 1); // PCM
    header.putShort((short) 1); // mono
    header.putInt(sampleRate);
    header.putInt(sampleRate * blockAlign);
    header.putShort((short) blockAlign);
    header.putShort((short) bitsPerSample);
    header.put("data".getBytes(StandardCharsets.US_ASCII));
    header.putInt((int) dataBytes);
    return header.array();
  }

  /**
   * {@code seconds} of silence as an 8 kHz, 8-bit WAV, made as it is read: nothing of it is ever in
   * memory or on the client's disk. Unsigned 8-bit PCM is silent at 0x80, not at 0.
   */
  static BodyPublisher silentWav(long seconds) {
    int rate = 8000;
    long data = seconds * rate;
    byte[] header = wavHeader(rate, 8, data);
    Supplier<InputStream> stream =
        () ->
            new SequenceInputStream(
                new ByteArrayInputStream(header), new Silence(data, (byte) 0x80));
    return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(stream), header.length + data);
  }

  /** {@code length} bytes of one value, generated on the fly. */
  private static final class Silence extends InputStream {
    private long left;
    private final byte value;

    Silence(long length, byte value) {
      this.left = length;
      this.value = value;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return value & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      Arrays.fill(b, off, off + n, value);
      left -= n;
      return n;
    }
  }

  static byte[] png() {
    return Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }

  /** A one-page PDF with no content: enough for anything that reads magic bytes. */
  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
            + "trailer <</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static BodyPublisher bytes(byte[] content) {
    return BodyPublishers.ofByteArray(content);
  }

  static BodyPublisher file(java.nio.file.Path file) {
    try {
      return BodyPublishers.ofFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BodyPublisher text(String value) {
    return BodyPublishers.ofString(value, StandardCharsets.UTF_8);
  }
}
