package dev.verbatim.server.webhook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/webhooks}: subscriptions and the delivery log for admins. The page's script makes,
 * pauses and deletes subscriptions and replays deliveries through the API.
 */
@Controller
class WebhookPages {

  private static final int LOG_SIZE = 100;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Webhooks webhooks;

  WebhookPages(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  /** One subscription in the table. */
  record Row(
      String id, String url, String events, boolean active, String description, String created) {
    static Row of(Subscription s) {
      return new Row(
          s.id(),
          s.url().toString(),
          WebhookStore.events(s.events()),
          s.active(),
          s.description() == null ? "" : s.description(),
          TIME.format(s.createdAt()));
    }
  }

  /** One delivery in the log. */
  record Line(
      long id,
      String subscription,
      String type,
      String eventId,
      String status,
      int attempts,
      String lastStatus,
      String lastError,
      String next,
      String delivered,
      String created) {
    static Line of(Delivery d, Map<String, Subscription> subscriptions) {
      Subscription s = subscriptions.get(d.subscriptionId());
      return new Line(
          d.id(),
          s == null ? d.subscriptionId() : s.url().getHost(),
          d.type(),
          d.eventId(),
          d.status().value(),
          d.attempts(),
          d.lastStatus() == null ? "" : d.lastStatus().toString(),
          d.lastError() == null ? "" : d.lastError(),
          time(d.nextAttemptAt()),
          time(d.deliveredAt()),
          TIME.format(d.createdAt()));
    }
  }

  @GetMapping("/admin/webhooks")
  String webhooks(@RequestParam(defaultValue = "") String subscription, Model model) {
    List<Subscription> all = webhooks.all();
    Map<String, Subscription> byId =
        all.stream().collect(Collectors.toMap(Subscription::id, Function.identity()));
    Subscription selected = byId.get(subscription);
    List<Delivery> log =
        selected == null
            ? webhooks.deliveries(LOG_SIZE)
            : webhooks.deliveries(selected.id(), LOG_SIZE).orElse(List.of());
    model.addAttribute("subscriptions", all.stream().map(Row::of).toList());
    model.addAttribute("selected", selected == null ? null : Row.of(selected));
    model.addAttribute("lines", log.stream().map(d -> Line.of(d, byId)).toList());
    model.addAttribute(
        "events", java.util.Arrays.stream(EventType.values()).map(EventType::value).toList());
    return "webhooks";
  }

  private static String time(@Nullable Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }
}
