package dev.verbatim.server.index;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of the index feed, for every context: one-shot commands record changes too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndexFeedProperties.class)
class IndexConfiguration {}
