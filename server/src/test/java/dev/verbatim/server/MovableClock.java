package dev.verbatim.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it. A test class that imports {@link Time} runs the
 * whole application on it, so nothing waits for time to pass.
 */
public final class MovableClock extends Clock {

  private volatile Instant now = Instant.parse("2030-01-01T09:00:00Z");

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** The clock as a bean, primary over the application's, so all else runs on test time. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Time {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }
}
