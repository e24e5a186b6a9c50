package dev.verbatim.transcribe;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires one {@link Transcriber} for the application; its models are freed on shutdown. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranscribeProperties.class)
public class TranscribeConfiguration {

  @Bean(destroyMethod = "close")
  Transcriber transcriber(TranscribeProperties properties) {
    return new Transcriber(properties);
  }
}
