package dev.verbatim.server.search;

import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.search.Facets;
import dev.verbatim.search.MeetingIndex;
import dev.verbatim.search.SearchHit;
import dev.verbatim.search.SearchQuery;
import dev.verbatim.search.SearchResults;
import dev.verbatim.search.Suggestion;
import dev.verbatim.search.Viewer;
import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Callers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Runs searches for the person making the request, over the meetings they may see. */
@Service
class MeetingSearch {

  static final int MAX_SUGGESTIONS = 20;

  private final MeetingIndex index;
  private final Callers callers;

  MeetingSearch(MeetingIndex index, Callers callers) {
    this.index = index;
    this.callers = callers;
  }

  /**
   * What was asked, as the API and the page take it.
   *
   * @param types comma-separated: segment, meeting, action; blank for all
   * @param sort relevance, newest or due
   */
  record Request(
      String q,
      @Nullable String types,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable String speaker,
      @Nullable String meeting,
      @Nullable String owner,
      @Nullable String status,
      @Nullable LocalDate dueAfter,
      @Nullable LocalDate dueBefore,
      @Nullable String sort,
      boolean facets,
      int page,
      int size) {}

  SearchPage search(Request request) {
    SearchQuery query =
        SearchQuery.builder(request.q())
            .viewer(viewer())
            .kinds(kinds(request.types()))
            .held(request.from(), request.to())
            .speaker(request.speaker())
            .meeting(request.meeting())
            .owner(request.owner())
            .status(status(request.status()))
            .due(request.dueAfter(), request.dueBefore())
            .order(order(request.sort()))
            .facets(request.facets())
            .page(request.page(), request.size())
            .build();
    SearchResults results = index.search(query);
    List<Hit> hits = results.hits().stream().map(hit -> Hit.of(hit, request.q())).toList();
    return new SearchPage(
        request.q(),
        results.total(),
        results.totalExact(),
        request.page(),
        request.size(),
        hits,
        results.facets());
  }

  List<Suggestion> suggest(String prefix, int limit) {
    return index.suggest(prefix, viewer(), Math.min(Math.max(limit, 1), MAX_SUGGESTIONS));
  }

  private Viewer viewer() {
    Caller caller = callers.current();
    return caller.admin() ? Viewer.everything() : Viewer.person(caller.id());
  }

  private static Set<String> kinds(@Nullable String types) {
    if (types == null || types.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(types.split(","))
        .map(type -> type.strip().toLowerCase(Locale.ROOT))
        .filter(type -> !type.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static @Nullable String status(@Nullable String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    String normalised = status.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (ActionItemStatus known : ActionItemStatus.values()) {
      if (known.name().toLowerCase(Locale.ROOT).equals(normalised)) {
        return normalised;
      }
    }
    throw new IllegalArgumentException(
        "status must be open, in_progress, done or dismissed, not \"" + status + "\"");
  }

  private static SearchQuery.Order order(@Nullable String sort) {
    if (sort == null || sort.isBlank()) {
      return SearchQuery.Order.RELEVANCE;
    }
    return switch (sort.strip().toLowerCase(Locale.ROOT)) {
      case "relevance" -> SearchQuery.Order.RELEVANCE;
      case "newest" -> SearchQuery.Order.NEWEST;
      case "due" -> SearchQuery.Order.DUE;
      default ->
          throw new IllegalArgumentException(
              "sort must be relevance, newest or due, not \"" + sort + "\"");
    };
  }

  /**
   * The days a named due period covers, counted from {@code today}: {@code overdue}, {@code today},
   * {@code this-week} or {@code next-week} (weeks start on Monday).
   */
  static DuePeriod duePeriod(String period, LocalDate today) {
    LocalDate monday = today.with(DayOfWeek.MONDAY);
    return switch (period.strip().toLowerCase(Locale.ROOT)) {
      case "overdue" -> new DuePeriod(null, today.minusDays(1));
      case "today" -> new DuePeriod(today, today);
      case "this-week" -> new DuePeriod(monday, monday.plusDays(6));
      case "next-week" -> new DuePeriod(monday.plusWeeks(1), monday.plusWeeks(1).plusDays(6));
      default ->
          throw new IllegalArgumentException(
              "due must be overdue, today, this-week or next-week, not \"" + period + "\"");
    };
  }

  /** The first and last day something is due in, either open. */
  record DuePeriod(@Nullable LocalDate from, @Nullable LocalDate to) {}

  /**
   * One page of hits.
   *
   * @param total how many hits there are across all pages; at least that many when {@code
   *     totalExact} is false (counting stops at a thousand when facets are not asked for)
   */
  record SearchPage(
      String query,
      long total,
      boolean totalExact,
      int page,
      int size,
      List<Hit> hits,
      Facets facets) {}

  /**
   * One hit, with a link that opens the meeting at the moment it matched.
   *
   * @param type segment, meeting or action
   * @param snippet HTML: the matched text, escaped, with {@code <mark>} around matched words
   * @param url the meeting page, playing from {@code startMs} with the query's words marked
   */
  record Hit(
      String type,
      String meetingId,
      String meetingTitle,
      @Nullable LocalDate date,
      @Nullable String segmentId,
      long startMs,
      @Nullable String speaker,
      String snippet,
      float score,
      @Nullable String actionItemId,
      @Nullable LocalDate due,
      @Nullable String status,
      String url) {

    static Hit of(SearchHit hit, String query) {
      return new Hit(
          hit.kind(),
          hit.meetingId(),
          hit.meetingTitle(),
          hit.date(),
          hit.segmentId(),
          hit.startMs(),
          hit.speaker(),
          hit.snippet(),
          hit.score(),
          hit.actionItemId(),
          hit.due(),
          hit.status(),
          link(hit, query));
    }

    /** The meeting page at the hit: {@code /meetings/ID?t=SECONDS&q=QUERY#segment-ID}. */
    static String link(SearchHit hit, String query) {
      StringBuilder url =
          new StringBuilder("/meetings/")
              .append(URLEncoder.encode(hit.meetingId(), StandardCharsets.UTF_8));
      String separator = "?";
      if (hit.startMs() > 0) {
        url.append("?t=").append(String.format(Locale.ROOT, "%.1f", hit.startMs() / 1000.0));
        separator = "&";
      }
      if (!query.isBlank()) {
        url.append(separator).append("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
      }
      if (hit.segmentId() != null) {
        url.append("#segment-").append(URLEncoder.encode(hit.segmentId(), StandardCharsets.UTF_8));
      }
      return url.toString();
    }
  }
}
