package dev.verbatim.transcribe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the speech models are and how hard to work.
 *
 * @param modelRoot the directory relative model paths resolve against
 * @param models language code to model directory; English maps to the small model the build unpacks
 *     unless configured otherwise
 * @param defaultLanguage the language used when a meeting names none
 * @param workers decoding threads; 0 means one per processor core
 * @param maxChunk the longest piece of audio sent to one recognizer
 * @param segmentPause the silence between two words that starts a new segment
 * @param diarize whether a recording of several people mixed together is split into speakers by
 *     voice ({@link Transcriber#transcribeSpeakers}); when off it is all one speaker, {@code S1}
 */
@ConfigurationProperties("verbatim.transcribe")
public record TranscribeProperties(
    @DefaultValue("models") Path modelRoot,
    Map<String, Path> models,
    @DefaultValue("en") String defaultLanguage,
    @DefaultValue("0") int workers,
    @DefaultValue("30s") Duration maxChunk,
    @DefaultValue("700ms") Duration segmentPause,
    @DefaultValue("true") boolean diarize) {

  static final Map<String, Path> DEFAULT_MODELS =
      Map.of("en", Path.of("vosk-model-small-en-us-0.15"));

  public TranscribeProperties {
    // Spring binds an absent map as null; the field stays non-null for every caller.
    models = withDefaults(models);
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be 0 (all cores) or more: " + workers);
    }
    if (maxChunk.compareTo(Duration.ofSeconds(5)) < 0) {
      throw new IllegalArgumentException("maxChunk must be at least 5 s: " + maxChunk);
    }
  }

  /** Configured models win; English stays available unless configured otherwise. */
  private static Map<String, Path> withDefaults(@Nullable Map<String, Path> configured) {
    Map<String, Path> all = new java.util.HashMap<>(DEFAULT_MODELS);
    if (configured != null) {
      all.putAll(configured);
    }
    return Map.copyOf(all);
  }

  /** Properties with every default and {@code modelRoot} as the model directory. */
  public static TranscribeProperties defaults(Path modelRoot) {
    return new TranscribeProperties(
        modelRoot, Map.of(), "en", 0, Duration.ofSeconds(30), Duration.ofMillis(700), true);
  }

  /** Returns the model directory for {@code language}, resolved against {@link #modelRoot()}. */
  Path modelPath(String language) {
    Path configured = models.get(language);
    if (configured == null) {
      throw new UnknownLanguageException(language, models.keySet());
    }
    return modelRoot.resolve(configured);
  }

  /** Returns the number of decoding threads to use when a call asks for {@code requested}. */
  int effectiveWorkers(int requested) {
    int chosen = requested > 0 ? requested : workers;
    return chosen > 0 ? chosen : Runtime.getRuntime().availableProcessors();
  }
}
