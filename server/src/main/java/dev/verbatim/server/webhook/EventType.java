package dev.verbatim.server.webhook;

import dev.verbatim.server.meeting.ActionItemChanged;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a subscription can hear of, by the name receivers see in {@code type}. */
public enum EventType {
  MEETING_COMPLETED("meeting.completed"),
  ACTION_ITEM_CREATED("action_item.created"),
  ACTION_ITEM_UPDATED("action_item.updated"),
  ACTION_ITEM_DELETED("action_item.deleted");

  private final String value;

  EventType(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  static EventType of(ActionItemChanged.Kind kind) {
    return switch (kind) {
      case CREATED -> ACTION_ITEM_CREATED;
      case UPDATED -> ACTION_ITEM_UPDATED;
      case DELETED -> ACTION_ITEM_DELETED;
    };
  }

  /**
   * @throws IllegalArgumentException naming the events there are
   */
  static EventType of(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.value.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown event \""
                        + value
                        + "\"; events are "
                        + Arrays.stream(values())
                            .map(EventType::value)
                            .collect(Collectors.joining(", "))
                        + "."));
  }
}
