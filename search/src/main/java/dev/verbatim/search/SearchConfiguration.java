package dev.verbatim.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the application's one {@link MeetingIndex}; it commits and unlocks on shutdown. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
public class SearchConfiguration {

  @Bean(destroyMethod = "close")
  MeetingIndex meetingIndex(SearchProperties properties) {
    return properties.inMemory()
        ? MeetingIndex.inMemory()
        : new MeetingIndex(properties.indexDir());
  }
}
