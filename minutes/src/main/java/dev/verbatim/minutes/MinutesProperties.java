package dev.verbatim.minutes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How minutes are written: {@code verbatim.minutes.*} for templates, and {@code verbatim.llm.*} for
 * the optional chat API. One record binds both, so the module keeps one properties type.
 */
@ConfigurationProperties("verbatim")
public record MinutesProperties(@DefaultValue Templates minutes, @DefaultValue Llm llm) {

  /**
   * @param templates a directory of user templates ({@code *.template}), beside the built-in ones
   * @param defaultTemplate the template for meetings that do not name one
   */
  public record Templates(
      @Nullable Path templates, @DefaultValue("general") String defaultTemplate) {}

  /**
   * An OpenAI-compatible chat completions API, such as a local Ollama or vLLM, that refines the
   * offline summary and action items. Off unless {@code baseUrl} is set.
   *
   * @param baseUrl for example {@code http://localhost:11434/v1}
   * @param apiKey sent as a bearer token when set; never logged
   */
  public record Llm(
      @Nullable URI baseUrl,
      @DefaultValue("llama3.1") String model,
      @Nullable String apiKey,
      @DefaultValue("120s") Duration timeout) {

    public boolean enabled() {
      return baseUrl != null;
    }

    @Override
    public String toString() {
      // Neither the key nor any user info in the URL ("https://user:secret@host") is printed.
      String url =
          baseUrl == null
              ? "none"
              : baseUrl.getScheme()
                  + "://"
                  + baseUrl.getHost()
                  + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort())
                  + (baseUrl.getPath() == null ? "" : baseUrl.getPath());
      return "Llm[baseUrl=" + url + ", model=" + model + ", timeout=" + timeout + "]";
    }
  }

  /** Offline minutes with the built-in templates only. */
  public static MinutesProperties defaults() {
    return new MinutesProperties(
        new Templates(null, "general"), new Llm(null, "llama3.1", null, Duration.ofSeconds(120)));
  }
}
