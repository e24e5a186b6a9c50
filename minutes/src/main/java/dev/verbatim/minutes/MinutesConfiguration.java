package dev.verbatim.minutes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the minutes engine for the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MinutesProperties.class)
public class MinutesConfiguration {

  @Bean
  MinutesWriter minutesWriter(MinutesProperties properties) {
    return new MinutesWriter(properties);
  }
}
