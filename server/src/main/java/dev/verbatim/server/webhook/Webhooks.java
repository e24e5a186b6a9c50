package dev.verbatim.server.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Subscriptions as admins manage them: checked, with secrets made where none is given. */
@Component
class Webhooks {

  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 200;
  static final int MAX_URL = 2000;
  static final int MAX_DESCRIPTION = 200;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookStore store;
  private final WebhookProperties properties;
  private final Clock clock;

  Webhooks(WebhookStore store, WebhookProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** A subscription with its secret, as only its creation (or a new secret) shows it. */
  record WithSecret(Subscription subscription, String secret) {
    @Override
    public String toString() {
      return "WithSecret[" + subscription + "]";
    }
  }

  /**
   * @param secret null for one made here
   * @param events null for all
   * @throws IllegalArgumentException saying what is wrong with the request
   */
  WithSecret create(
      @Nullable String url,
      @Nullable String secret,
      @Nullable Collection<String> events,
      boolean active,
      @Nullable String description) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("A webhook needs a \"url\" to send events to.");
    }
    Instant now = clock.instant();
    Subscription subscription =
        new Subscription(
            "wh-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
            url(url),
            events == null ? EnumSet.allOf(EventType.class) : events(events),
            active,
            description(description),
            now,
            now);
    String stored = secret == null ? newSecret() : secret(secret);
    store.insert(subscription, stored);
    return new WithSecret(subscription, stored);
  }

  /**
   * Changes what is given (null leaves a value as it is).
   *
   * @param newSecret a secret to use from now on, or "" for one made here
   * @return the subscription as changed, and its secret if that changed
   */
  Optional<Changed> update(
      String id,
      @Nullable String url,
      @Nullable Collection<String> events,
      @Nullable Boolean active,
      Optional<@Nullable String> description,
      @Nullable String newSecret) {
    Optional<Subscription> found = store.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Subscription old = found.get();
    Instant now = clock.instant();
    Subscription changed =
        new Subscription(
            id,
            url == null ? old.url() : url(url),
            events == null ? old.events() : events(events),
            active == null ? old.active() : active,
            description.isPresent() ? description(description.get()) : old.description(),
            old.createdAt(),
            now);
    String secret = null;
    if (newSecret != null) {
      secret = newSecret.isEmpty() ? newSecret() : secret(newSecret);
    }
    if (!store.update(changed, secret)) {
      return Optional.empty();
    }
    return Optional.of(new Changed(changed, secret));
  }

  /** The result of {@link #update}; {@code secret} only if it was replaced. */
  record Changed(Subscription subscription, @Nullable String secret) {
    @Override
    public String toString() {
      return "Changed[" + subscription + "]";
    }
  }

  Optional<Subscription> find(String id) {
    return store.find(id);
  }

  List<Subscription> all() {
    return store.all();
  }

  boolean delete(String id) {
    return store.delete(id);
  }

  /** A subscription's deliveries, newest first; empty if there is no such subscription. */
  Optional<List<Delivery>> deliveries(String id, int limit) {
    return store.find(id).map(s -> store.deliveries(id, limit));
  }

  List<Delivery> deliveries(int limit) {
    return store.deliveries(limit);
  }

  /** Queues a delivery again, due now, with its event's idempotency key and a new retry period. */
  Optional<Delivery> replay(long deliveryId) {
    Instant now = clock.instant();
    return store.replay(deliveryId, now, now.plus(properties.retryFor()));
  }

  /**
   * A URL that receives webhooks: http or https with a host, without credentials in it (the secret
   * authenticates deliveries, and a password in a URL would show in logs and pages).
   */
  static URI url(String text) {
    String trimmed = text.strip();
    if (trimmed.length() > MAX_URL) {
      throw new IllegalArgumentException("\"url\" is longer than " + MAX_URL + " characters.");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("\"url\" is not a URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "Webhook URLs start with https:// (or http://); "
              + (scheme.isEmpty()
                  ? "this one has no scheme."
                  : "\"" + scheme + ":\" is not sent to."));
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException(
          "\"url\" needs a host name, as in https://tasks.example.com/hooks.");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "\"url\" must not hold a user name or password; receivers check the signature instead.");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("\"url\" must not have a fragment (#...).");
    }
    return uri;
  }

  static Set<EventType> events(Collection<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "\"events\" needs at least one event; leave it out for all of them.");
    }
    Set<EventType> events = EnumSet.noneOf(EventType.class);
    names.forEach(name -> events.add(EventType.of(name)));
    return events;
  }

  private static String secret(String secret) {
    if (secret.length() < MIN_SECRET
        || secret.length() > MAX_SECRET
        || !secret.strip().equals(secret)) {
      throw new IllegalArgumentException(
          "\"secret\" must have "
              + MIN_SECRET
              + " to "
              + MAX_SECRET
              + " characters and no spaces around it; leave it out for one made for you.");
    }
    return secret;
  }

  private static @Nullable String description(@Nullable String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    String trimmed = description.strip();
    if (trimmed.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "\"description\" is longer than " + MAX_DESCRIPTION + " characters.");
    }
    return trimmed;
  }

  /** 256 random bits, in the {@code whsec_} form receivers recognise. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
