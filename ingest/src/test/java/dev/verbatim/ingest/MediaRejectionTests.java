package dev.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.ingest.MediaRejectedException.Reason;
import dev.verbatim.testsupport.Media;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable recordings are turned away with a reason and a readable message. */
class MediaRejectionTests {

  @TempDir static Path dir;
  static Path wav;

  @BeforeAll
  static void renderMeeting() {
    wav = Recordings.meeting(dir);
  }

  @Test
  void rejectsPdfRenamedToMp3() throws IOException {
    Path pdf = Files.writeString(dir.resolve("minutes.mp3"), smallPdf(), StandardCharsets.US_ASCII);

    assertRejected(pdf, Reason.NOT_MEDIA).hasMessageContaining("PDF");
  }

  @Test
  void rejectsPngImage() throws IOException {
    Path png = dir.resolve("slide.png");
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xFF0000);
    ImageIO.write(image, "png", png.toFile());

    assertRejected(png, Reason.NOT_MEDIA).hasMessageContaining("image/png");
  }

  @Test
  void rejectsRandomBytesNamedLikeAudio() throws IOException {
    byte[] noise = new byte[64 * 1024];
    new Random(42).nextBytes(noise);
    Path file = Files.write(dir.resolve("noise.m4a"), noise);

    assertRejected(file, Reason.NOT_MEDIA);
  }

  @Test
  void rejectsZeroLengthFile() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.wav"));

    assertRejected(empty, Reason.EMPTY).hasMessageContaining("empty");
  }

  @Test
  void rejectsVideoWithoutAudio() {
    Path video = Media.silentVideo(dir.resolve("screen.mp4"), 2);

    assertRejected(video, Reason.NO_AUDIO).hasMessageContaining("without an audio track");
  }

  @Test
  void rejectsM4aCutBeforeItsIndex() {
    // ffmpeg writes the moov index at the end, so the first half is media with nothing to play.
    Path m4a = Media.convert(wav, dir.resolve("whole.m4a"), "-c:a", "aac");
    Path half = Recordings.cut(m4a, dir.resolve("half.m4a"), 0.5);

    assertRejected(half, Reason.UNREADABLE)
        .hasMessageContaining("damaged or cut short")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void rejectsMp3CutToItsFirstBytes() {
    Path mp3 = Media.convert(wav, dir.resolve("whole.mp3"));
    Path stub = Recordings.cut(mp3, dir.resolve("stub.mp3"), 0.005);

    assertRejected(stub, Reason.UNREADABLE);
  }

  @Test
  void rejectsFileLargerThanTheLimit() {
    MediaReader strict = new MediaReader(100 * 1024);

    assertThatThrownBy(() -> strict.probe(wav))
        .isInstanceOfSatisfying(
            MediaRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessageContaining("meeting.wav")
        .hasMessageContaining("100.0 KB");
    assertThatThrownBy(() -> strict.decode(wav, -1))
        .isInstanceOfSatisfying(
            MediaRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void rejectsMissingFileAsUnreadable() {
    assertRejected(dir.resolve("never-uploaded.wav"), Reason.UNREADABLE)
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesAChannelTheFileDoesNotHave() {
    assertThatThrownBy(() -> Recordings.READER.decode(wav, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 1 channel");
  }

  /** Asserts that both probe and decode reject {@code file} for {@code reason}, naming it. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      Path file, Reason reason) {
    String name = file.getFileName().toString();
    ThrowingConsumer<MediaRejectedException> rejection =
        e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.file()).isEqualTo(file);
        };
    assertThatThrownBy(() -> Recordings.READER.decode(file, -1).close())
        .isInstanceOfSatisfying(MediaRejectedException.class, rejection)
        .hasMessageContaining(name);
    return assertThatThrownBy(() -> Recordings.READER.probe(file))
        .isInstanceOfSatisfying(MediaRejectedException.class, rejection)
        .hasMessageContaining(name);
  }

  /** A one-page PDF with a correct cross-reference table, written by hand. */
  private static String smallPdf() {
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    StringBuilder xref = new StringBuilder("xref\n0 4\n0000000000 65535 f \n");
    for (int i = 0; i < objects.length; i++) {
      xref.append(String.format(Locale.ROOT, "%010d 00000 n \n", pdf.length()));
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xrefAt = pdf.length();
    return pdf.append(xref)
        .append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n")
        .append(xrefAt)
        .append("\n%%EOF\n")
        .toString();
  }
}
