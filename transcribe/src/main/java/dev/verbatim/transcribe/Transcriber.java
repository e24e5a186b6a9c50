package dev.verbatim.transcribe;

import dev.verbatim.core.PcmFormat;
import dev.verbatim.core.Progress;
import dev.verbatim.core.Word;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.vosk.Model;

/**
 * Recognises speech in 16 kHz s16le mono PCM with the configured Vosk models.
 *
 * <p>Models load on first use of their language and stay loaded until {@link #close()}. Both
 * methods may be called from several threads at once.
 */
public final class Transcriber implements AutoCloseable {

  static final String STAGE = "transcribe";

  private final TranscribeProperties properties;
  private final SpeechModels models;

  public Transcriber(TranscribeProperties properties) {
    this.properties = properties;
    this.models = new SpeechModels(properties);
  }

  /** The language codes that have a model configured. */
  public Set<String> languages() {
    return models.languages();
  }

  /**
   * Transcribes {@code pcm} in parallel: the stream is cut at pauses into chunks that {@code
   * workers} threads decode with one shared model. The chunks depend only on the audio and every
   * chunk starts from a fresh decoder state, so the result is the same for any worker count, as
   * long as the model does not dither (see {@link SpeechModels}).
   *
   * @param expectedDurationMs the stream's length, for progress only
   * @param workers decoding threads; 0 or less uses the configured number
   * @return the words in time order, timed from the start of the stream
   * @throws UnknownLanguageException when no model is configured for {@code language}
   * @throws SpeechModelMissingException when the model is absent or broken
   * @throws TranscriptionFailedException when the stream cannot be read or decoding fails
   */
  public List<Word> transcribe(
      InputStream pcm,
      String language,
      long expectedDurationMs,
      int workers,
      Consumer<Progress> progress) {
    return decoder(language, workers).decode(pcm, expectedDurationMs, progress);
  }

  /** A decoder over {@code language}'s recognizers, keeping one idle per worker between chunks. */
  private ParallelDecoder decoder(String language, int workers) {
    RecognizerPool recognizers = models.forLanguage(language);
    int threads = properties.effectiveWorkers(workers);
    recognizers.keepAtLeast(threads);
    return new ParallelDecoder(recognizers, properties.maxChunk(), threads);
  }

  /**
   * Transcribes a recording of several people mixed in one stream, as {@link #transcribe}, and
   * tells their voices apart (speaker diarization). While the audio streams through, each second of
   * speech is summarised by the statistics of its cepstra; after recognition these windows are
   * clustered by voice and every word takes the speaker of its window.
   *
   * @return one track per speaker turn, in time order, speakers numbered {@code S1}, {@code S2}...
   *     in order of first appearance; a speaker has as many tracks as turns, so a segment never
   *     spans another speaker's turn
   * @throws UnknownLanguageException when no model is configured for {@code language}
   * @throws SpeechModelMissingException when the model is absent or broken
   * @throws TranscriptionFailedException when the stream cannot be read or decoding fails
   */
  public List<Track> transcribeSpeakers(
      InputStream pcm,
      String language,
      long expectedDurationMs,
      int workers,
      Consumer<Progress> progress) {
    return diarize(pcm, language, expectedDurationMs, workers, progress).tracks();
  }

  /** {@link #transcribeSpeakers} with the windows' turns, for measuring. */
  Diarizer.Diarization diarize(
      InputStream pcm,
      String language,
      long expectedDurationMs,
      int workers,
      Consumer<Progress> progress) {
    Recognised recognised = recognise(pcm, language, expectedDurationMs, workers, progress);
    return new Diarizer().diarize(recognised.words(), recognised.windows());
  }

  /** The words of a recording and its windows of speech, before diarization. */
  record Recognised(List<Word> words, List<SpeakerFeatures.VoiceWindow> windows) {}

  Recognised recognise(
      InputStream pcm,
      String language,
      long expectedDurationMs,
      int workers,
      Consumer<Progress> progress) {
    SpeakerFeatures features = new SpeakerFeatures();
    List<Word> words =
        decoder(language, workers).decode(pcm, expectedDurationMs, progress, features);
    return new Recognised(words, features.windows());
  }

  /**
   * Transcribes {@code pcm} with a single recognizer over the whole stream: the naive baseline that
   * {@link #transcribe} is measured against.
   */
  public List<Word> transcribeWhole(
      InputStream pcm, String language, long expectedDurationMs, Consumer<Progress> progress) {
    Model model = models.forLanguage(language).model();
    long bytesPerMs = PcmFormat.SPEECH.samples(1) * PcmFormat.BYTES_PER_SAMPLE;
    try {
      List<Word> words =
          ChunkRecognizer.decodeWhole(
              model,
              pcm,
              fed -> {
                if (expectedDurationMs > 0) {
                  progress.accept(
                      new Progress(STAGE, (double) fed / bytesPerMs / expectedDurationMs));
                }
              });
      progress.accept(new Progress(STAGE, 1));
      return words;
    } catch (IOException e) {
      throw new TranscriptionFailedException("Could not read or decode the audio stream", e);
    }
  }

  /**
   * Starts recognising one live stream of s16le mono PCM at {@code sampleRate} with {@code
   * language}'s model, shared with every other stream and job.
   *
   * @param phrases when not empty, the only phrases to listen for (Vosk's grammar; {@code "[unk]"}
   *     stands for anything else); only models with a runtime-composed graph support it
   * @throws UnknownLanguageException when no model is configured for {@code language}
   * @throws SpeechModelMissingException when the model is absent or broken
   * @throws IllegalArgumentException when the sample rate is not one audio can have
   */
  public StreamingRecognizer streaming(String language, float sampleRate, List<String> phrases) {
    return new StreamingRecognizer(models.forLanguage(language), sampleRate, List.copyOf(phrases));
  }

  /**
   * Keeps up to {@code recognizers} of {@code language}'s recognizers warm between live streams
   * (and chunks), so that participants who join later, or a conference after the last, start at
   * full speed. Each warm recognizer holds tens of megabytes of native memory, growing towards 200
   * MB with the variety of speech it has heard.
   *
   * @throws UnknownLanguageException when no model is configured for {@code language}
   * @throws SpeechModelMissingException when the model is absent or broken
   */
  public void keepWarm(String language, int recognizers) {
    models.forLanguage(language).keepAtLeast(recognizers);
  }

  /** Frees the loaded models; the transcriber cannot be used afterwards. */
  @Override
  public void close() {
    models.close();
  }
}
