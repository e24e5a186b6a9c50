package dev.verbatim.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.SourceFile;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class MeetingDocumentsTests {

  private final MeetingDocuments documents = new MeetingDocuments(JsonMapper.builder().build());

  @TempDir Path dir;

  @Test
  void writesTheSchemaFieldNamesExactly() throws IOException {
    Path file = dir.resolve("meeting.json");

    documents.write(meeting("Plan <b>&amp; \"quotes\""), file);

    String json = Files.readString(file);
    assertThat(json)
        .contains(
            "\"schema\" : \"verbatim/meeting@1\"",
            "\"date\" : \"2026-03-02\"",
            "\"durationMs\" : 4000",
            "\"sha256\"",
            "\"mediaType\" : \"audio/mpeg\"",
            "\"talkTimeMs\" : 1500",
            "\"speakerId\" : \"S1\"",
            "\"name\" : null",
            "\"confidence\" : 0.97",
            "\"actionItems\" : [ ]");
    assertThat(documents.read(file)).isEqualTo(meeting("Plan <b>&amp; \"quotes\""));
  }

  @Test
  void replacesADocumentWholeAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("meeting.json");
    documents.write(meeting("first"), file);

    documents.write(meeting("second"), file);

    assertThat(documents.read(file).title()).isEqualTo("second");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void leavesNothingBehindWhenTheDocumentCannotBeSerialised() throws IOException {
    // A word serialiser that fails once the document is half written.
    SimpleModule exploding = new SimpleModule();
    exploding.addSerializer(
        Word.class,
        new ValueSerializer<Word>() {
          @Override
          public void serialize(Word word, JsonGenerator gen, SerializationContext context) {
            throw new IllegalStateException("cannot serialise");
          }
        });
    MeetingDocuments failing =
        new MeetingDocuments(JsonMapper.builder().addModule(exploding).build());

    assertThatThrownBy(() -> failing.write(meeting("x"), dir.resolve("meeting.json")))
        .isInstanceOf(RuntimeException.class);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void writesDocumentsOthersCanRead() throws IOException {
    Path file = dir.resolve("meeting.json");

    documents.write(meeting("x"), file);

    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void failsWithThePathWhenTheTargetCannotBeWritten() throws IOException {
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");

    assertThatThrownBy(() -> documents.write(meeting("x"), blocker.resolve("meeting.json")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("not-a-dir")
        .hasCauseInstanceOf(IOException.class);
  }

  private static Meeting meeting(String title) {
    Word okay = new Word("okay", 500, 900, 0.97);
    Word then = new Word("then", 950, 2000, 0.5);
    return new Meeting(
        Meeting.SCHEMA,
        "m-1",
        title,
        LocalDate.of(2026, 3, 2),
        4000,
        "en",
        new Source(
            List.of(
                new SourceFile(
                    "a.mp3",
                    "ab".repeat(32),
                    "audio/mpeg",
                    "mp3",
                    "mp3",
                    4000,
                    2,
                    44_100,
                    List.of()))),
        List.of(new Speaker("S1", null, 1500)),
        List.of(new Segment("seg-1", "S1", 500, 2000, "okay then", List.of(okay, then))),
        Minutes.empty());
  }
}
