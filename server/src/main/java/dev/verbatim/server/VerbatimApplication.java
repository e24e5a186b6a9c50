package dev.verbatim.server;

import dev.verbatim.ingest.IngestConfiguration;
import dev.verbatim.minutes.MinutesConfiguration;
import dev.verbatim.search.SearchConfiguration;
import dev.verbatim.transcribe.TranscribeConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Spring application: imports each feature module's configuration. The process starts in {@code
 * cli.VerbatimCommand}, which starts this application for the command that needs it.
 */
@SpringBootApplication
@EnableConfigurationProperties(VerbatimProperties.class)
@Import({
  IngestConfiguration.class,
  TranscribeConfiguration.class,
  MinutesConfiguration.class,
  SearchConfiguration.class
})
public class VerbatimApplication {

  /** The time, in UTC: one bean, so that time-dependent work (retention) can be tested. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
