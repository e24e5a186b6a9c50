package dev.verbatim.server.retention;

import dev.verbatim.server.VerbatimProperties;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs {@link RetentionJob} on {@code verbatim.retention.schedule}, in the web service only (not in
 * one-shot commands) of a process that serves people, and only when something is ever to be
 * deleted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class RetentionSchedule implements SchedulingConfigurer {

  private final RetentionJob job;
  private final VerbatimProperties.Retention policy;
  private final VerbatimProperties.Role role;

  RetentionSchedule(RetentionJob job, VerbatimProperties properties) {
    this.job = job;
    this.policy = properties.retention();
    this.role = properties.role();
    // A wrong schedule fails the start, not the first night.
    interval(policy.schedule());
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    if (!policy.enabled() || !role.servesUsers()) {
      // Web processes delete what is due; a worker's cores belong to recognition.
      return;
    }
    Duration interval = interval(policy.schedule());
    if (interval != null) {
      tasks.addFixedDelayTask(job::run, interval);
    } else {
      tasks.addCronTask(job::run, policy.schedule());
    }
  }

  /** The interval the schedule names, or null for a cron expression. */
  static @org.jspecify.annotations.Nullable Duration interval(String schedule) {
    if (CronExpression.isValidExpression(schedule)) {
      return null;
    }
    try {
      Duration interval = DurationStyle.detectAndParse(schedule);
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("must be positive");
      }
      return interval;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "verbatim.retention.schedule is a cron expression (\"0 30 3 * * *\", \"@daily\") or an"
              + " interval (\"6h\"), not \""
              + schedule
              + "\"",
          e);
    }
  }
}
