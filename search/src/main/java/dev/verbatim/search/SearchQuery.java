package dev.verbatim.search;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed into the search box, the filters they chose, and which page of the answer
 * they want. Make one with {@link #of(String)} or {@link #builder(String)}.
 *
 * @param text the query as typed: words, {@code "quoted phrases"}, {@code prefix*}, {@code
 *     -excluded} words, the fields {@code title:} and {@code speaker:}, and {@code before:} and
 *     {@code after:} with a date; text that is not valid syntax is searched as plain words. Blank
 *     text finds nothing unless a filter is set, when it finds everything the filters let through.
 * @param kinds the kinds of hit wanted ({@link SearchHit#SEGMENT}, {@link SearchHit#MEETING},
 *     {@link SearchHit#ACTION}); empty for all
 * @param viewer whose meetings may be returned
 * @param meetingId only hits from this meeting
 * @param speaker only segments said by, and action items owned by, someone of this name
 * @param owner only action items owned by someone of this name
 * @param status only action items in this status, such as {@code open}
 * @param from only meetings held on or after this day
 * @param to only meetings held on or before this day
 * @param dueFrom only action items due on or after this day
 * @param dueTo only action items due on or before this day
 * @param order how hits are ranked
 * @param facets whether to count hits by speaker, meeting, month and owner
 * @param page the page wanted, from 0
 * @param size hits per page, 1 to {@value #MAX_SIZE}
 */
public record SearchQuery(
    String text,
    Set<String> kinds,
    Viewer viewer,
    @Nullable String meetingId,
    @Nullable String speaker,
    @Nullable String owner,
    @Nullable String status,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable LocalDate dueFrom,
    @Nullable LocalDate dueTo,
    Order order,
    boolean facets,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;

  static final Set<String> KINDS = Set.of(SearchHit.SEGMENT, SearchHit.MEETING, SearchHit.ACTION);

  /** How hits are ranked. */
  public enum Order {
    /** Best match first. */
    RELEVANCE,
    /** Most recent meeting first. */
    NEWEST,
    /** Action items due soonest first, those without a due date last. */
    DUE
  }

  public SearchQuery {
    kinds = Set.copyOf(kinds);
    for (String kind : kinds) {
      if (!KINDS.contains(kind)) {
        throw new IllegalArgumentException(
            "type must be segment, meeting or action, not \"" + kind + "\"");
      }
    }
    speaker = blankToNull(speaker);
    owner = blankToNull(owner);
    meetingId = blankToNull(meetingId);
    status = status == null || status.isBlank() ? null : status.toLowerCase(Locale.ROOT);
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more: " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be within 1 and " + MAX_SIZE + ": " + size);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    }
    if (dueFrom != null && dueTo != null && dueFrom.isAfter(dueTo)) {
      throw new IllegalArgumentException(
          "dueAfter (" + dueFrom + ") is after dueBefore (" + dueTo + ")");
    }
  }

  /** The first page of hits for {@code text} across every meeting. */
  public static SearchQuery of(String text) {
    return builder(text).build();
  }

  /** A query for {@code text} with no filters, the first page of 20, for a viewer who sees all. */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /** Whether anything narrows the hits besides the text and the viewer. */
  boolean filtered() {
    return !kinds.isEmpty()
        || meetingId != null
        || speaker != null
        || owner != null
        || status != null
        || from != null
        || to != null
        || dueFrom != null
        || dueTo != null;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Builds a {@link SearchQuery}; every setting is optional. */
  public static final class Builder {
    private final String text;
    private Set<String> kinds = Set.of();
    private Viewer viewer = Viewer.everything();
    private @Nullable String meetingId;
    private @Nullable String speaker;
    private @Nullable String owner;
    private @Nullable String status;
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;
    private @Nullable LocalDate dueFrom;
    private @Nullable LocalDate dueTo;
    private Order order = Order.RELEVANCE;
    private boolean facets;
    private int page;
    private int size = 20;

    private Builder(String text) {
      this.text = text;
    }

    public Builder kinds(Set<String> kinds) {
      this.kinds = kinds;
      return this;
    }

    public Builder viewer(Viewer viewer) {
      this.viewer = viewer;
      return this;
    }

    public Builder meeting(@Nullable String meetingId) {
      this.meetingId = meetingId;
      return this;
    }

    public Builder speaker(@Nullable String speaker) {
      this.speaker = speaker;
      return this;
    }

    public Builder owner(@Nullable String owner) {
      this.owner = owner;
      return this;
    }

    public Builder status(@Nullable String status) {
      this.status = status;
      return this;
    }

    public Builder held(@Nullable LocalDate from, @Nullable LocalDate to) {
      this.from = from;
      this.to = to;
      return this;
    }

    public Builder due(@Nullable LocalDate from, @Nullable LocalDate to) {
      this.dueFrom = from;
      this.dueTo = to;
      return this;
    }

    public Builder order(Order order) {
      this.order = order;
      return this;
    }

    public Builder facets(boolean facets) {
      this.facets = facets;
      return this;
    }

    public Builder page(int page, int size) {
      this.page = page;
      this.size = size;
      return this;
    }

    public SearchQuery build() {
      return new SearchQuery(
          text, kinds, viewer, meetingId, speaker, owner, status, from, to, dueFrom, dueTo, order,
          facets, page, size);
    }
  }
}
