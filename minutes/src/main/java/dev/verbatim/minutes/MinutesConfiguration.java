package dev.verbatim.minutes;

import dev.verbatim.minutes.export.MinutesDocuments;
import dev.verbatim.minutes.template.MinutesTemplates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the minutes engine, its templates and the documents for the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MinutesProperties.class)
public class MinutesConfiguration {

  @Bean
  MinutesTemplates minutesTemplates(MinutesProperties properties) {
    return new MinutesTemplates(properties.minutes().templates());
  }

  @Bean
  MinutesWriter minutesWriter(MinutesProperties properties, MinutesTemplates templates) {
    return new MinutesWriter(properties, templates);
  }

  @Bean
  MinutesDocuments minutesDocuments(MinutesTemplates templates) {
    return new MinutesDocuments(templates);
  }
}
