package dev.verbatim.ingest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes a {@link MediaReader} available to the server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestConfiguration {

  @Bean
  MediaReader mediaReader(IngestProperties properties) {
    return new MediaReader(properties.maxFileSize().toBytes());
  }
}
