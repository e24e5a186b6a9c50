package dev.verbatim.server.jitsi;

import dev.verbatim.server.account.Accounts;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.job.TranscriptFinisher;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.transcribe.TranscribeProperties;
import dev.verbatim.transcribe.Transcriber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** The Jitsi endpoints, only with {@code verbatim.jitsi.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JitsiProperties.class)
@ConditionalOnBooleanProperty("verbatim.jitsi.enabled")
@EnableWebSocket
class JitsiConfiguration implements WebSocketConfigurer {

  /** Jigasi sends 48,000-byte pieces; generic clients may send a second or more at once. */
  private static final int MAX_AUDIO_MESSAGE = 1024 * 1024;

  /** A config message with a long phrase list. */
  private static final int MAX_TEXT_MESSAGE = 256 * 1024;

  private final JitsiProperties properties;
  private final Transcriber transcriber;
  private final TranscribeProperties transcribe;
  private final Conferences conferences;
  private final JitsiGate gate;

  JitsiConfiguration(
      JitsiProperties properties,
      Transcriber transcriber,
      TranscribeProperties transcribe,
      Conferences conferences,
      JitsiGate gate) {
    this.properties = properties;
    this.transcriber = transcriber;
    this.transcribe = transcribe;
    this.conferences = conferences;
    this.gate = gate;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    String language =
        properties.language() != null ? properties.language() : transcribe.defaultLanguage();
    transcriber.keepWarm(language, properties.warmRecognizers());
    registry
        .addHandler(
            new VoskEndpoint(transcriber, conferences, language),
            JitsiGate.PREFIX,
            JitsiGate.PREFIX + "/*",
            JitsiGate.PREFIX + "/*/*")
        .addInterceptors(gate)
        // Jigasi is no browser: it sends no Origin, and nothing is shared with pages.
        .setAllowedOriginPatterns("*");
  }

  @Bean
  static ServletServerContainerFactoryBean webSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxBinaryMessageBufferSize(MAX_AUDIO_MESSAGE);
    container.setMaxTextMessageBufferSize(MAX_TEXT_MESSAGE);
    return container;
  }

  @Bean
  static JitsiGate jitsiGate(JitsiProperties properties) {
    return new JitsiGate(new Networks(properties));
  }

  @Bean(destroyMethod = "close")
  static ConferenceFinisher conferenceFinisher(JitsiStore store, TranscriptFinisher finisher) {
    return new ConferenceFinisher(store, finisher);
  }

  @Bean
  static Conferences conferences(
      JitsiProperties properties,
      JitsiStore store,
      MeetingStore meetings,
      MeetingEvents events,
      Accounts accounts,
      ConferenceFinisher finisher,
      TransactionTemplate transactions,
      TranscribeProperties transcribe) {
    return new Conferences(
        properties, store, meetings, events, accounts, finisher, transactions, transcribe);
  }
}
