package dev.verbatim.server.ratelimit;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits run on the system clock, unless the application context offers another. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  @Bean
  RateLimiters rateLimiters(RateLimitProperties properties, Clock clock) {
    return new RateLimiters(properties, clock);
  }
}
