package dev.verbatim.server.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where an admin wants to hear of changes, without its secret (which only signing reads).
 *
 * @param events what it hears of
 * @param active false holds its deliveries and queues no new ones
 */
public record Subscription(
    String id,
    URI url,
    Set<EventType> events,
    boolean active,
    @Nullable String description,
    Instant createdAt,
    Instant updatedAt) {

  public Subscription {
    events = Set.copyOf(events);
  }

  boolean hears(EventType type) {
    return active && events.contains(type);
  }
}
