package dev.verbatim.server.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one load run does.
 *
 * @param url the running server
 * @param uploads recordings uploaded at once, each by its own thread
 * @param readers API clients reading meetings for the whole run
 * @param duration the shortest time the readers run; they also run until every upload has finished
 * @param recordings a folder holding at least {@code uploads} distinct recordings
 * @param token a bearer token sent with every request, for servers with accounts
 * @param jobLimit how long after its upload a job may take before it counts as lost
 */
record LoadOptions(
    URI url,
    int uploads,
    int readers,
    Duration duration,
    Path recordings,
    Optional<String> token,
    Duration jobLimit) {

  static final String USAGE =
      """
      Usage: LoadTest --recordings DIR [--url http://localhost:8080] [--uploads 20] [--readers 50]
                      [--duration 60s] [--job-limit 30m] [--token TOKEN]
      The token may also come from the environment variable VERBATIM_TOKEN.""";

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  LoadOptions {
    if (uploads < 1 || readers < 0) {
      throw new IllegalArgumentException("--uploads must be 1 or more and --readers 0 or more");
    }
    if (!Files.isDirectory(recordings)) {
      throw new IllegalArgumentException("No folder of recordings at " + recordings);
    }
  }

  static LoadOptions parse(String[] args, Map<String, String> environment) {
    String url = "http://localhost:8080";
    int uploads = 20;
    int readers = 50;
    Duration duration = Duration.ofSeconds(60);
    Path recordings = null;
    Optional<String> token =
        Optional.ofNullable(environment.get("VERBATIM_TOKEN")).filter(t -> !t.isBlank());
    Duration jobLimit = Duration.ofMinutes(30);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--url" -> url = value;
        case "--uploads" -> uploads = number(name, value);
        case "--readers" -> readers = number(name, value);
        case "--duration" -> duration = duration(value);
        case "--recordings" -> recordings = Path.of(value);
        case "--token" -> token = Optional.of(value).filter(t -> !t.isBlank());
        case "--job-limit" -> jobLimit = duration(value);
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    if (recordings == null) {
      throw new IllegalArgumentException("--recordings is required");
    }
    return new LoadOptions(
        URI.create(url.replaceAll("/+$", "")),
        uploads,
        readers,
        duration,
        recordings,
        token,
        jobLimit);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, not " + value, e);
    }
  }

  /** {@code 500ms}, {@code 60s}, {@code 30m}, {@code 1h}. */
  static Duration duration(String value) {
    Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Durations look like 500ms, 60s, 30m or 1h: " + value);
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
