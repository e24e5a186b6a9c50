package dev.verbatim.server.audit;

import java.util.Arrays;
import java.util.Locale;

/** What can be recorded: a closed set, stored and shown by its dotted {@link #value()}. */
public enum AuditAction {
  MEETING_UPLOAD("meeting.upload"),
  MEETING_VIEW("meeting.view"),
  MEETING_EXPORT("meeting.export"),
  /** The recording played or downloaded; once per meeting per session, not per range request. */
  MEETING_MEDIA("meeting.media"),
  /** Title, date or whether the organisation may view it. */
  MEETING_EDIT("meeting.edit"),
  MEETING_DELETE("meeting.delete"),
  MEETING_REPROCESS("meeting.reprocess"),
  MEETING_CANCEL("meeting.cancel"),
  SPEAKER_RENAME("speaker.rename"),
  SEGMENT_EDIT("segment.edit"),
  TRANSCRIPT_REPLACE("transcript.replace"),
  ACTION_ITEM_ADD("action-item.add"),
  ACTION_ITEM_EDIT("action-item.edit"),
  ACTION_ITEM_DELETE("action-item.delete"),
  DECISION_ADD("decision.add"),
  DECISION_EDIT("decision.edit"),
  DECISION_DELETE("decision.delete"),
  GLOSSARY_TERM_ADD("glossary.term-add"),
  GLOSSARY_TERM_DELETE("glossary.term-delete"),
  GLOSSARY_APPLY("glossary.apply"),
  GLOSSARY_REVERT("glossary.revert"),
  SHARE_GRANT("share.grant"),
  SHARE_REVOKE("share.revoke"),
  SHARE_LINK_CREATE("share-link.create"),
  SHARE_LINK_REVOKE("share-link.revoke"),
  /**
   * A share link's page opened by whoever holds the link; once per link and address an hour. Its
   * recording and downloads are recorded as {@code meeting.media} and {@code meeting.export}.
   */
  SHARE_LINK_VIEW("share-link.view"),
  LOGIN("login"),
  LOGIN_FAILED("login.failed"),
  LOGOUT("logout"),
  PASSWORD_CHANGE("password.change"),
  /** A request with an API token; at most one record per token per minute. */
  TOKEN_USE("token.use"),
  TOKEN_CREATE("token.create"),
  TOKEN_REVOKE("token.revoke"),
  FEED_TOKEN_CREATE("feed-token.create"),
  FEED_TOKEN_REVOKE("feed-token.revoke"),
  USER_CREATE("user.create"),
  /** Name or password changed by an admin. */
  USER_UPDATE("user.update"),
  USER_ROLE("user.role"),
  USER_DISABLE("user.disable"),
  USER_ENABLE("user.enable"),
  WEBHOOK_CREATE("webhook.create"),
  /** URL, events, active or description changed, or the secret replaced. */
  WEBHOOK_UPDATE("webhook.update"),
  WEBHOOK_DELETE("webhook.delete"),
  WEBHOOK_REPLAY("webhook.replay"),
  RETENTION_MEDIA_DELETE("retention.media-delete"),
  RETENTION_MEETING_DELETE("retention.meeting-delete");

  private final String value;

  AuditAction(String value) {
    this.value = value;
  }

  /** The stored and displayed name, e.g. {@code meeting.view}. */
  public String value() {
    return value;
  }

  /** The action of a dotted name (or of its constant's name), whatever its case. */
  public static AuditAction of(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(a -> a.value.equals(wanted) || a.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown audit action \""
                        + value
                        + "\"; actions are named like meeting.view or login.failed."));
  }
}
