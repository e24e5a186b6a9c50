package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Progress;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Transcript;
import dev.verbatim.core.Word;
import dev.verbatim.testsupport.ReadSpeech;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpeechModel;
import dev.verbatim.testsupport.SpokenLine;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recognition with the real English model on flite speech and on read speech. */
class TranscriberTests {

  private static final Logger log = LoggerFactory.getLogger(TranscriberTests.class);

  @TempDir static Path dir;
  private static Transcriber transcriber;
  private static ScriptedMeeting meeting;
  private static byte[] mixed;

  @BeforeAll
  static void load() {
    transcriber = new Transcriber(TranscribeProperties.defaults(SpeechModel.english().getParent()));
    meeting = ScriptedMeeting.render(ScriptedMeeting.standup(), dir.resolve("standup"));
    mixed = Pcm.wav(meeting.mixed());
  }

  @AfterAll
  static void close() {
    transcriber.close();
  }

  private static List<Word> transcribe(byte[] pcm, int workers) {
    return transcriber.transcribe(
        new ByteArrayInputStream(pcm), "en", Pcm.millis(pcm), workers, p -> {});
  }

  private static String text(List<Word> words) {
    return words.stream().map(Word::text).collect(Collectors.joining(" "));
  }

  @Test
  void standupIsRecognisedWithLowWordErrorRate() {
    String hypothesis = text(transcribe(mixed, 2));

    double wer = WordErrorRate.between(meeting.referenceText(), hypothesis);

    log.info("Standup WER {}: {}", wer, hypothesis);
    assertThat(wer).as(hypothesis).isLessThanOrEqualTo(0.15);
  }

  @Test
  void wordsAreInOrderAndInsideTheLinesThatSpokeThem() {
    List<Word> words = transcribe(mixed, 2);

    assertThat(words).isNotEmpty();
    for (int i = 1; i < words.size(); i++) {
      assertThat(words.get(i).startMs()).isGreaterThanOrEqualTo(words.get(i - 1).endMs());
    }
    for (Word word : words) {
      assertThat(meeting.spoken())
          .as("a line around %s", word)
          .anySatisfy(
              line -> {
                assertThat(word.startMs()).isGreaterThanOrEqualTo(line.startMs() - 300);
                assertThat(word.endMs()).isLessThanOrEqualTo(line.endMs() + 300);
              });
    }
  }

  /**
   * Chunks depend only on the audio, the model does not dither and every chunk starts a fresh
   * decoder, so every word and time is the same however many workers decode, and from one run to
   * the next (confidences to three decimals: see {@link SameWords}).
   */
  @Test
  void outputIsIdenticalForAnyWorkerCount() {
    java.io.ByteArrayOutputStream audio = new java.io.ByteArrayOutputStream();
    audio.writeBytes(mixed);
    for (dev.verbatim.testsupport.ReadSpeech.Clip clip :
        dev.verbatim.testsupport.ReadSpeech.librivox()) {
      audio.writeBytes(Pcm.wav(clip.wav()));
      audio.writeBytes(new byte[Pcm.RATE]);
    }
    byte[] minute = audio.toByteArray();
    List<Word> one = transcribe(minute, 1);

    assertThat(one).hasSizeGreaterThan(100);
    SameWords.assertSame(transcribe(minute, 2), one);
    SameWords.assertSame(transcribe(minute, 3), one);
    SameWords.assertSame(transcribe(minute, 1), one);
  }

  @Test
  void progressRisesToComplete() {
    List<Progress> reports = new CopyOnWriteArrayList<>();

    transcriber.transcribe(
        new ByteArrayInputStream(mixed), "en", Pcm.millis(mixed), 2, reports::add);

    assertThat(reports).isNotEmpty().allSatisfy(p -> assertThat(p.stage()).isEqualTo("transcribe"));
    assertThat(reports).extracting(Progress::fraction).isSorted().endsWith(1.0);
  }

  @Test
  void wholeStreamBaselineRecognisesTheSameMeeting() {
    List<Word> whole =
        transcriber.transcribeWhole(
            new ByteArrayInputStream(mixed), "en", Pcm.millis(mixed), p -> {});

    assertThat(WordErrorRate.between(meeting.referenceText(), text(whole)))
        .isLessThanOrEqualTo(0.15);
  }

  @Test
  void perSpeakerTracksGiveEachSegmentItsSpeaker() {
    List<Track> tracks = new ArrayList<>();
    for (Map.Entry<String, Path> track : meeting.tracks().entrySet()) {
      tracks.add(
          new Track(track.getKey(), track.getKey(), transcribe(Pcm.wav(track.getValue()), 2)));
    }

    Transcript transcript =
        new TranscriptAssembler(Duration.ofMillis(700), Duration.ofSeconds(30)).assemble(tracks);

    assertThat(transcript.speakers()).hasSize(4);
    assertThat(transcript.segments()).isNotEmpty();
    for (Segment segment : transcript.segments()) {
      SpokenLine truth =
          meeting.spoken().stream()
              .filter(l -> l.startMs() - 300 <= segment.startMs() && segment.startMs() <= l.endMs())
              .findFirst()
              .orElseThrow(() -> new AssertionError("No line spoken at " + segment));
      assertThat(segment.speakerId()).as(segment.text()).isEqualTo(truth.line().speaker());
    }
    String all = text(transcript.segments().stream().flatMap(s -> s.words().stream()).toList());
    assertThat(WordErrorRate.between(meeting.referenceText(), all)).isLessThanOrEqualTo(0.15);
  }

  @Test
  void readSpeechIsRecognisedWithinBound() {
    double errors = 0;
    double words = 0;
    for (ReadSpeech.Clip clip : ReadSpeech.librivox()) {
      String hypothesis = text(transcribe(Pcm.wav(clip.wav()), 2));
      int n = clip.transcript().split("\\s+").length;
      double wer = WordErrorRate.between(clip.transcript(), hypothesis);
      log.info("{} WER {}: {}", clip.wav().getFileName(), wer, hypothesis);
      errors += wer * n;
      words += n;
    }

    assertThat(errors / words).isLessThanOrEqualTo(0.25);
  }
}
