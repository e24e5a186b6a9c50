package dev.verbatim.server.webhook;

import dev.verbatim.server.actionitem.ActionItemResource;
import dev.verbatim.server.meeting.ActionItemChanged;
import dev.verbatim.server.meeting.ActionItemStore;
import dev.verbatim.server.meeting.MeetingCompleted;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.MeetingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: turns changes into deliveries in the transaction that made them. The listeners run
 * just before that transaction commits (on its connection), so a delivery exists exactly when the
 * change does: none for a change rolled back, and no change without its delivery if the process
 * dies after the commit. An insert that fails here fails the commit. Outside a transaction (a
 * one-off write) they run at once.
 */
@Component
class WebhookOutbox {

  private final WebhookStore store;
  private final ActionItemStore actionItems;
  private final MeetingStore meetings;
  private final MeetingLinks links;
  private final JsonMapper json;
  private final WebhookProperties properties;
  private final Clock clock;

  WebhookOutbox(
      WebhookStore store,
      ActionItemStore actionItems,
      MeetingStore meetings,
      MeetingLinks links,
      JsonMapper json,
      WebhookProperties properties,
      Clock clock) {
    this.store = store;
    this.actionItems = actionItems;
    this.meetings = meetings;
    this.links = links;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  /** What receivers get: the event's id is their idempotency key. */
  record Payload(String id, String type, Instant createdAt, Object data) {}

  /**
   * The data of {@code meeting.completed}: the meeting, and its action items as the API shows them.
   */
  record CompletedMeeting(
      String id, String title, LocalDate date, String link, List<ActionItemResource> actionItems) {}

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void actionItemChanged(ActionItemChanged event) {
    EventType type = EventType.of(event.kind());
    List<String> subscribers = subscribers(type);
    if (!subscribers.isEmpty()) {
      queue(type, subscribers, ActionItemResource.of(event.item(), links));
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void meetingCompleted(MeetingCompleted event) {
    List<String> subscribers = subscribers(EventType.MEETING_COMPLETED);
    if (subscribers.isEmpty()) {
      return;
    }
    MeetingHeader header = meetings.header(event.meetingId());
    queue(
        EventType.MEETING_COMPLETED,
        subscribers,
        new CompletedMeeting(
            header.id(),
            header.title(),
            header.date(),
            links.meeting(header.id()),
            actionItems.inMeeting(header.id()).stream()
                .map(item -> ActionItemResource.of(item, links))
                .toList()));
  }

  /** The active subscriptions that hear of {@code type}; most changes have none to tell. */
  private List<String> subscribers(EventType type) {
    return store.all().stream().filter(s -> s.hears(type)).map(Subscription::id).toList();
  }

  private void queue(EventType type, List<String> subscribers, Object data) {
    Instant now = clock.instant();
    String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
    String body = json.writeValueAsString(new Payload(id, type.value(), now, data));
    store.enqueue(id, type, body, subscribers, now, now.plus(properties.retryFor()));
  }
}
