package dev.verbatim.server.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Webhook settings for every context (one-shot commands queue deliveries too); the dispatcher runs
 * in the web service only, every {@code poll-interval}, unless {@code dispatch} is false.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication
  @EnableScheduling
  static class Schedule implements SchedulingConfigurer {

    private final WebhookDispatcher dispatcher;
    private final WebhookProperties properties;

    Schedule(WebhookDispatcher dispatcher, WebhookProperties properties) {
      this.dispatcher = dispatcher;
      this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
      if (properties.dispatch()) {
        tasks.addFixedDelayTask(dispatcher::poll, properties.pollInterval());
      }
    }
  }
}
