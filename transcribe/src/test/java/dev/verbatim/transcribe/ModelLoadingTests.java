package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.verbatim.testsupport.SpeechModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoadingTests {

  @TempDir Path root;

  private Transcriber transcriber(Map<String, Path> models) {
    return new Transcriber(
        new TranscribeProperties(
            root, models, "en", 1, Duration.ofSeconds(30), Duration.ofMillis(700), true));
  }

  private static void transcribeSilence(Transcriber transcriber, String language) {
    transcriber.transcribe(new ByteArrayInputStream(new byte[3200]), language, 100, 1, p -> {});
  }

  @Test
  void missingModelDirectoryIsNamed() {
    try (Transcriber transcriber = transcriber(Map.of("en", Path.of("nowhere")))) {
      assertThatExceptionOfType(SpeechModelMissingException.class)
          .isThrownBy(() -> transcribeSilence(transcriber, "en"))
          .satisfies(e -> assertThat(e.path()).isEqualTo(root.resolve("nowhere")))
          .withMessageContaining(root.resolve("nowhere").toString())
          .withMessageContaining("does not exist");
    }
  }

  @Test
  void incompleteModelDirectoryNamesTheMissingFile() throws IOException {
    Path broken = Files.createDirectories(root.resolve("broken/conf"));
    Files.writeString(broken.resolve("model.conf"), "--min-active=200\n");
    try (Transcriber transcriber = transcriber(Map.of("en", root.resolve("broken")))) {
      assertThatExceptionOfType(SpeechModelMissingException.class)
          .isThrownBy(() -> transcribeSilence(transcriber, "en"))
          .satisfies(e -> assertThat(e.path()).isEqualTo(root.resolve("broken")))
          .withMessageContaining(root.resolve("broken").toString())
          .withMessageContaining("am/final.mdl");
    }
  }

  @Test
  void corruptModelFailsWithItsPathAndVosksReason() throws IOException {
    Path real = SpeechModel.english();
    Path corrupt = root.resolve("corrupt");
    try (Stream<Path> files = Files.walk(real)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = corrupt.resolve(real.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.createSymbolicLink(copy, file);
      }
    }
    Path model = corrupt.resolve("am/final.mdl");
    Files.delete(model);
    Files.write(model, Arrays.copyOf(Files.readAllBytes(real.resolve("am/final.mdl")), 1000));

    try (Transcriber transcriber = transcriber(Map.of("en", corrupt))) {
      assertThatExceptionOfType(SpeechModelMissingException.class)
          .isThrownBy(() -> transcribeSilence(transcriber, "en"))
          .satisfies(e -> assertThat(e.path()).isEqualTo(corrupt))
          .withMessageContaining(corrupt.toString())
          .withCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void modelWithoutDecodingGraphIsRejected() throws IOException {
    Path model = root.resolve("nograph");
    Files.createDirectories(model.resolve("am"));
    Files.createDirectories(model.resolve("conf"));
    Files.writeString(model.resolve("am/final.mdl"), "");
    Files.writeString(model.resolve("conf/model.conf"), "");
    try (Transcriber transcriber = transcriber(Map.of("en", model))) {
      assertThatExceptionOfType(SpeechModelMissingException.class)
          .isThrownBy(() -> transcribeSilence(transcriber, "en"))
          .withMessageContaining("graph/");
    }
  }

  @Test
  void unknownLanguageNamesTheConfiguredOnes() {
    try (Transcriber transcriber = transcriber(Map.of("en", Path.of("en"), "de", Path.of("de")))) {
      assertThatExceptionOfType(UnknownLanguageException.class)
          .isThrownBy(() -> transcribeSilence(transcriber, "fr"))
          .withMessageContaining("'fr'")
          .withMessageContaining("[de, en]");
    }
  }

  @Test
  void languagesAreTheConfiguredOnes() {
    try (Transcriber transcriber = transcriber(Map.of("en", Path.of("en"), "de", Path.of("de")))) {
      assertThat(transcriber.languages()).containsExactlyInAnyOrder("en", "de");
    }
  }
}
