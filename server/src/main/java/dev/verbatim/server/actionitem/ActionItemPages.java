package dev.verbatim.server.actionitem;

import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.meeting.ActionItemStore;
import dev.verbatim.server.meeting.TrackedActionItem;
import dev.verbatim.server.web.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The action items page: a to-do list across the meetings the person may see, theirs by default,
 * soonest due first, where they move items along and subscribe to them in a calendar app.
 */
@Controller
class ActionItemPages {

  /** Rows on the page; a narrower filter finds the rest. */
  static final int LIMIT = 300;

  private final ActionItemStore items;
  private final Callers callers;
  private final java.time.Clock clock;

  ActionItemPages(ActionItemStore items, Callers callers, java.time.Clock clock) {
    this.items = items;
    this.callers = callers;
    this.clock = clock;
  }

  /** One row: the item and what the page shows of it. */
  record Row(
      String id,
      String text,
      String quote,
      String owner,
      String due,
      boolean overdue,
      String status,
      String meetingId,
      String meetingTitle,
      String meetingDate,
      String at,
      String link,
      @Nullable String externalId,
      @Nullable String externalUrl,
      int version) {}

  @GetMapping("/action-items")
  String list(
      @RequestParam(defaultValue = "mine") String who,
      @RequestParam(defaultValue = "active") String show,
      Model model) {
    Caller me = callers.current();
    boolean everyone = who.equals("everyone");
    Set<ActionItemStatus> statuses =
        switch (show) {
          case "done" -> EnumSet.of(ActionItemStatus.DONE);
          case "dismissed" -> EnumSet.of(ActionItemStatus.DISMISSED);
          case "all" -> EnumSet.noneOf(ActionItemStatus.class);
          default -> EnumSet.of(ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS);
        };
    ActionItemStore.Filter filter =
        new ActionItemStore.Filter(everyone ? null : me.name(), statuses, null, null, null, null);
    List<TrackedActionItem> found = items.byDue(me, filter, LIMIT + 1);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("rows", found.stream().limit(LIMIT).map(item -> row(item, today)).toList());
    model.addAttribute("more", found.size() > LIMIT);
    model.addAttribute("who", everyone ? "everyone" : "mine");
    model.addAttribute("show", statuses.size() == 2 ? "active" : show);
    return "action-items";
  }

  private static Row row(TrackedActionItem item, LocalDate today) {
    boolean open =
        item.status() == ActionItemStatus.OPEN || item.status() == ActionItemStatus.IN_PROGRESS;
    return new Row(
        item.id(),
        item.text(),
        item.quote(),
        item.owner() == null ? "" : item.owner(),
        item.due() == null ? "" : item.due().toString(),
        open && item.due() != null && item.due().isBefore(today),
        item.status().name().toLowerCase(Locale.ROOT),
        item.meetingId(),
        item.meetingTitle(),
        item.meetingDate().toString(),
        Clock.of(item.startMs()),
        "/meetings/"
            + item.meetingId()
            + String.format(Locale.ROOT, "?t=%.1f", item.startMs() / 1000.0),
        item.externalId(),
        item.externalUrl(),
        item.version());
  }
}
