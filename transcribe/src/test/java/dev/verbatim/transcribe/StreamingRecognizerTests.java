package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.Word;
import dev.verbatim.testsupport.ExternalTool;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpeechModel;
import dev.verbatim.testsupport.SpokenLine;
import dev.verbatim.testsupport.Voice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live streams at Jitsi's 48 kHz, in Jigasi's half-second pieces, through the real model. */
class StreamingRecognizerTests {

  /** Jigasi sends 25 packets of 20 ms at 48 kHz: 48,000 bytes. */
  private static final int PIECE = 48_000;

  @TempDir static Path dir;
  private static Transcriber transcriber;
  private static ScriptedMeeting meeting;
  private static byte[] at48k;

  @BeforeAll
  static void load() throws IOException {
    transcriber = new Transcriber(TranscribeProperties.defaults(SpeechModel.english().getParent()));
    meeting =
        ScriptedMeeting.render(
            List.of(
                new Line("ana", Voice.SLT, "Good morning everyone.", 1500),
                new Line("ana", Voice.SLT, "The budget review is almost done.", 1500)),
            dir.resolve("speech"));
    at48k = ExternalTool.rawPcm(meeting.tracks().get("ana"), 48_000);
  }

  @AfterAll
  static void close() {
    transcriber.close();
  }

  private static List<StreamingResult.Final> stream(StreamingRecognizer recognizer, byte[] pcm) {
    List<StreamingResult.Final> finals = new ArrayList<>();
    for (int at = 0; at < pcm.length; at += PIECE) {
      if (recognizer.accept(pcm, at, Math.min(PIECE, pcm.length - at))
          instanceof StreamingResult.Final f) {
        finals.add(f);
      }
    }
    finals.add(recognizer.finish());
    return finals.stream().filter(f -> !f.isEmpty()).toList();
  }

  /** The text of {@code finals}, one after the other. */
  private static String said(List<StreamingResult.Final> finals) {
    return finals.stream().map(StreamingResult.Final::text).collect(Collectors.joining(" "));
  }

  @Test
  void fortyEightKilohertzSpeechComesBackAsItsWordsUtteranceByUtterance() {
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      List<StreamingResult.Final> finals = stream(recognizer, at48k);

      String heard = said(finals);
      assertThat(WordErrorRate.between(meeting.referenceText().toLowerCase(), heard))
          .as("heard: %s", heard)
          .isLessThan(0.25);
      assertThat(finals).as("a pause ends an utterance").hasSizeGreaterThanOrEqualTo(2);
      assertThat(finals.get(0).text()).contains("morning");
    }
  }

  @Test
  void wordsAreTimedOnTheStreamsClock() {
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      List<Word> words =
          stream(recognizer, at48k).stream().flatMap(f -> f.words().stream()).toList();

      SpokenLine second = meeting.spoken().get(1);
      Word budget = words.stream().filter(w -> w.text().equals("budget")).findFirst().orElseThrow();
      assertThat(budget.startMs()).isBetween(second.startMs() - 300, second.endMs());
    }
  }

  @Test
  void aFinishedUtteranceLetsTheStreamGoOn() {
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      int half =
          meeting.spoken().get(1).startMs() > 0
              ? (int) (meeting.spoken().get(1).startMs() * 96)
              : 0;
      half -= half % 2;
      for (int at = 0; at < half; at += PIECE) {
        recognizer.accept(at48k, at, Math.min(PIECE, half - at));
      }
      recognizer.finish();
      List<StreamingResult.Final> rest = new ArrayList<>();
      for (int at = half; at < at48k.length; at += PIECE) {
        if (recognizer.accept(at48k, at, Math.min(PIECE, at48k.length - at))
            instanceof StreamingResult.Final f) {
          rest.add(f);
        }
      }
      rest.add(recognizer.finish());

      String heard = said(rest);
      assertThat(heard).contains("budget");
      Word budget =
          rest.stream()
              .flatMap(f -> f.words().stream())
              .filter(w -> w.text().equals("budget"))
              .findFirst()
              .orElseThrow();
      assertThat(budget.startMs()).isGreaterThan(meeting.spoken().get(1).startMs() - 300);
    }
  }

  @Test
  void phrasesLimitWhatIsHeard() {
    try (StreamingRecognizer recognizer =
        transcriber.streaming("en", 48_000f, List.of("good morning everyone", "[unk]"))) {
      String heard = said(stream(recognizer, at48k));

      assertThat(heard).contains("good morning everyone").doesNotContain("budget");
    }
  }

  @Test
  void otherRatesAreRecognisedToo() {
    Path raw = dir.resolve("ana-8k.raw");
    ExternalTool.run(
        List.of(
            "sox",
            meeting.tracks().get("ana").toString(),
            "-r",
            "8000",
            "-t",
            "raw",
            "-e",
            "signed",
            "-b",
            "16",
            "-c",
            "1",
            raw.toString()));
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 8_000f, List.of())) {
      byte[] pcm = Files.readAllBytes(raw);
      String heard = said(stream(recognizer, pcm));

      assertThat(heard).contains("morning");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void longPausesAreNotRecognisedAndWordsKeepTheirPlaceInTheStream() {
    ScriptedMeeting paused =
        ScriptedMeeting.render(
            List.of(
                new Line("ana", Voice.SLT, "Good morning everyone.", 8000),
                new Line("ana", Voice.SLT, "The budget review is almost done.", 8000),
                new Line("ana", Voice.SLT, "I will send the final numbers on Friday.", 1000)),
            dir.resolve("paused"));
    byte[] pcm = ExternalTool.rawPcm(paused.tracks().get("ana"), 48_000);
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      List<StreamingResult.Final> finals = stream(recognizer, pcm);

      String heard = said(finals);
      assertThat(WordErrorRate.between(paused.referenceText().toLowerCase(), heard))
          .as("heard: %s", heard)
          .isLessThan(0.25);
      long streamMs = pcm.length / 96;
      // Of the 16 s of pauses, all but 400 ms after and 300 ms before speech go unheard.
      assertThat(recognizer.heardMillis()).isLessThan(streamMs - 2 * (8000 - 700) + 100.0);
      List<Word> words = finals.stream().flatMap(f -> f.words().stream()).toList();
      for (String[] word : new String[][] {{"budget", "1"}, {"friday", "2"}}) {
        SpokenLine line = paused.spoken().get(Integer.parseInt(word[1]));
        Word found = words.stream().filter(w -> w.text().equals(word[0])).findFirst().orElseThrow();
        assertThat(found.startMs()).as(word[0]).isBetween(line.startMs() - 300, line.endMs());
      }
    }
  }

  @Test
  void aPauseEndsTheUtteranceWithinFourHundredMillisecondsOfAudio() {
    int piece = 9_600; // 100 ms
    long endOfFirstLine = meeting.spoken().get(0).endMs();
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      long finalAtMs = -1;
      for (int at = 0; at < at48k.length && finalAtMs < 0; at += piece) {
        if (recognizer.accept(at48k, at, Math.min(piece, at48k.length - at))
                instanceof StreamingResult.Final f
            && f.text().contains("everyone")) {
          finalAtMs = (at + piece) / 96;
        }
      }

      assertThat(finalAtMs).isBetween(endOfFirstLine, endOfFirstLine + 400 + 100);
    }
  }

  @Test
  void aClosedStreamHandsItsWarmRecognizerToTheNextOnItsOwnClock() {
    transcriber.keepWarm("en", 1);
    List<Word> first;
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      assertThat(recognizer.pooled()).isTrue();
      first = stream(recognizer, at48k).stream().flatMap(f -> f.words().stream()).toList();
    }
    List<Word> second;
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      // Closed half way through an utterance: the recognizer must come back clean all the same.
      recognizer.accept(at48k, 0, PIECE * 3);
    }
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      second = stream(recognizer, at48k).stream().flatMap(f -> f.words().stream()).toList();
    }

    assertThat(first).isNotEmpty();
    SameWords.assertSame(second, first);
  }

  @Test
  void aStreamHoldsARecognizerOnlyWhileItsParticipantSpeaks() {
    try (StreamingRecognizer recognizer = transcriber.streaming("en", 48_000f, List.of())) {
      List<Boolean> held = new ArrayList<>();
      for (int at = 0; at < at48k.length; at += PIECE) {
        recognizer.accept(at48k, at, Math.min(PIECE, at48k.length - at));
        held.add(recognizer.holdsRecognizer());
      }

      // Each line, then the 1.5 s pause after it: held while speaking, given back in the pause.
      assertThat(held).contains(true);
      assertThat(held.subList(0, held.size() - 1)).contains(false);
      assertThat(held.get(held.size() - 1)).isFalse();
    }
  }

  @Test
  void streamsWithPhrasesGetTheirOwnRecognizer() {
    try (StreamingRecognizer recognizer =
        transcriber.streaming("en", 48_000f, List.of("good morning", "[unk]"))) {
      assertThat(recognizer.pooled()).isFalse();
      assertThat(recognizer.holdsRecognizer()).isTrue();
    }
  }

  @Test
  void aRateNoAudioHasIsRefused() {
    assertThatThrownBy(() -> transcriber.streaming("en", 0f, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
