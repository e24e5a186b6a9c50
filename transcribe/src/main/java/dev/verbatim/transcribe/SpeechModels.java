package dev.verbatim.transcribe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Loads each language's Vosk model once, on first use, and shares it: a model is hundreds of
 * megabytes of native memory and is safe to use from many recognizers at once.
 */
final class SpeechModels implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SpeechModels.class);

  /** Files every Kaldi model Vosk reads has; checked so a bad path fails with a clear message. */
  private static final String[] REQUIRED_FILES = {"am/final.mdl", "conf/model.conf"};

  static {
    // Kaldi logs every model load and decode at INFO on stderr.
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    if (!"1".equals(System.getenv("OPENBLAS_NUM_THREADS"))) {
      log.warn(
          "OPENBLAS_NUM_THREADS is not 1: Vosk's matrix maths will compete with the decoding"
              + " workers, and transcripts may vary with the machine's load (docs/adr/0002)");
    }
  }

  private final TranscribeProperties properties;
  private final Map<String, RecognizerPool> loaded = new ConcurrentHashMap<>();
  private final Map<String, Integer> keepWarm = new ConcurrentHashMap<>();
  private volatile boolean closed;

  SpeechModels(TranscribeProperties properties) {
    this.properties = properties;
  }

  Set<String> languages() {
    return properties.models().keySet();
  }

  /** Returns the recognizers of {@code language}'s model, loading the model the first time. */
  RecognizerPool forLanguage(String language) {
    if (closed) {
      throw new IllegalStateException("The transcriber is closed");
    }
    Path path = properties.modelPath(language);
    return loaded.computeIfAbsent(
        language,
        l ->
            new RecognizerPool(
                load(path), Math.max(properties.effectiveWorkers(0), keepWarm.getOrDefault(l, 0))));
  }

  /**
   * Keeps at least {@code recognizers} idle recognizers of {@code language}'s model between uses,
   * without loading the model before it is first needed.
   */
  void keepWarm(String language, int recognizers) {
    properties.modelPath(language);
    keepWarm.merge(language, recognizers, Math::max);
    RecognizerPool pool = loaded.get(language);
    if (pool != null) {
      pool.keepAtLeast(recognizers);
    }
  }

  private static Model load(Path path) {
    check(path);
    warnIfDithering(path);
    long start = System.nanoTime();
    try {
      Model model = new Model(path.toString());
      log.info("Loaded speech model {} in {} ms", path, (System.nanoTime() - start) / 1_000_000);
      return model;
    } catch (IOException e) {
      throw new SpeechModelMissingException(path, "could not be loaded by Vosk", e);
    }
  }

  /** Fails before Vosk does, because Vosk only says "Failed to create a model". */
  static void check(Path path) {
    if (!Files.isDirectory(path)) {
      throw new SpeechModelMissingException(path, "does not exist or is not a directory", null);
    }
    for (String file : REQUIRED_FILES) {
      if (!Files.isRegularFile(path.resolve(file))) {
        throw new SpeechModelMissingException(path, "is missing " + file, null);
      }
    }
    Path graph = path.resolve("graph");
    if (!Files.isRegularFile(graph.resolve("HCLG.fst"))
        && !Files.isRegularFile(graph.resolve("HCLr.fst"))) {
      throw new SpeechModelMissingException(
          path, "is missing its decoding graph (graph/HCLG.fst or graph/HCLr.fst)", null);
    }
  }

  /**
   * Kaldi adds random noise to the audio unless told not to, drawn from one generator shared by all
   * threads; results then change with thread timing. The bundled model is built without it.
   */
  private static void warnIfDithering(Path path) {
    Path mfcc = path.resolve("conf/mfcc.conf");
    try {
      if (!Files.isRegularFile(mfcc) || !Files.readString(mfcc).contains("--dither=0")) {
        log.warn(
            "Speech model {} dithers, so transcripts vary slightly between runs and worker counts;"
                + " add --dither=0 to {} to make them repeatable",
            path,
            mfcc);
      }
    } catch (IOException e) {
      throw new SpeechModelMissingException(path, "has an unreadable " + mfcc, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    loaded.values().forEach(RecognizerPool::close);
    loaded.clear();
  }
}
