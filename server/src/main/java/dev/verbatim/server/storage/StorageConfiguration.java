package dev.verbatim.server.storage;

import dev.verbatim.server.VerbatimProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Media live on the local disk under {@code <data>/media}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  MediaStorage mediaStorage(VerbatimProperties properties) {
    return new LocalMediaStorage(properties.data().resolve("media"));
  }
}
