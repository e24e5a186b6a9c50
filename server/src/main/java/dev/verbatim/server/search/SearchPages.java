package dev.verbatim.server.search;

import dev.verbatim.search.Facets;
import dev.verbatim.search.SearchQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: a box with completions, facets to narrow by, and hits grouped by meeting, each
 * opening the meeting at the second it matched. Rendered on the server, so it works without scripts
 * and every piece of text is escaped by the template.
 */
@Controller
class SearchPages {

  static final int PAGE_SIZE = 20;

  /** The filters the page carries from one request to the next, in the order links list them. */
  private static final List<String> FILTERS =
      List.of("type", "from", "to", "speaker", "meeting", "owner", "status", "sort");

  private final MeetingSearch search;

  SearchPages(MeetingSearch search) {
    this.search = search;
  }

  @GetMapping("/search")
  String search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam MultiValueMap<String, String> parameters,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String name : FILTERS) {
      String value = parameters.getFirst(name);
      if (value != null && !value.isBlank()) {
        filters.put(name, value.strip());
      }
    }
    int current = Math.min(Math.max(0, page), SearchQuery.MAX_SIZE * 100);
    model.addAttribute("q", q);
    model.addAttribute("filters", filters);
    model.addAttribute("chips", chips(q, filters));
    if (q.isBlank() && filters.isEmpty()) {
      return "search";
    }
    try {
      MeetingSearch.SearchPage results =
          search.search(
              new MeetingSearch.Request(
                  q,
                  filters.get("type"),
                  date(filters.get("from"), "from"),
                  date(filters.get("to"), "to"),
                  filters.get("speaker"),
                  filters.get("meeting"),
                  filters.get("owner"),
                  filters.get("status"),
                  null,
                  null,
                  filters.get("sort"),
                  true,
                  current,
                  PAGE_SIZE));
      model.addAttribute("results", results);
      model.addAttribute("groups", groups(results.hits()));
      model.addAttribute("facets", facetLinks(q, filters, results.facets()));
      model.addAttribute("previous", current > 0 ? link(q, filters, current - 1) : null);
      model.addAttribute(
          "next",
          (long) (current + 1) * PAGE_SIZE < Math.min(results.total(), 10_000)
              ? link(q, filters, current + 1)
              : null);
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "search";
  }

  private static @Nullable LocalDate date(@Nullable String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date like 2025-03-14, not " + value, e);
    }
  }

  /** Hits of one meeting, in the order they ranked. */
  record Group(String meetingId, String title, @Nullable LocalDate date, List<Row> hits) {}

  /** One hit as the page shows it: its time in the recording and what it is. */
  record Row(MeetingSearch.Hit hit, String time, String label) {}

  /** Groups hits by meeting, the meeting of the best hit first. */
  static List<Group> groups(List<MeetingSearch.Hit> hits) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (MeetingSearch.Hit hit : hits) {
      groups
          .computeIfAbsent(
              hit.meetingId(),
              id -> new Group(id, hit.meetingTitle(), hit.date(), new ArrayList<>()))
          .hits()
          .add(new Row(hit, time(hit.startMs()), label(hit)));
    }
    return List.copyOf(groups.values());
  }

  private static String label(MeetingSearch.Hit hit) {
    return switch (hit.type()) {
      case "meeting" -> "Minutes";
      case "action" ->
          "Action item"
              + (hit.speaker() == null ? "" : " · " + hit.speaker())
              + (hit.due() == null ? "" : " · due " + hit.due())
              + (hit.status() == null ? "" : " · " + hit.status().replace('_', ' '));
      default -> hit.speaker() == null ? "" : hit.speaker();
    };
  }

  static String time(long ms) {
    long seconds = ms / 1000;
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  /** A facet value with the link that narrows the search to it, and whether it already does. */
  record FacetLink(String label, long count, String url, boolean active) {}

  /** The facets of one kind, under a heading. */
  record FacetGroup(String title, List<FacetLink> links) {}

  private static List<FacetGroup> facetLinks(String q, Map<String, String> filters, Facets facets) {
    List<FacetGroup> groups = new ArrayList<>();
    groups.add(group("Speakers", q, filters, facets.speakers(), "speaker"));
    groups.add(group("Meetings", q, filters, facets.meetings(), "meeting"));
    List<FacetLink> months = new ArrayList<>();
    for (Facets.Count month : facets.months()) {
      YearMonth ym = YearMonth.parse(month.value());
      Map<String, String> narrowed = new LinkedHashMap<>(filters);
      narrowed.put("from", ym.atDay(1).toString());
      narrowed.put("to", ym.atEndOfMonth().toString());
      boolean active =
          ym.atDay(1).toString().equals(filters.get("from"))
              && ym.atEndOfMonth().toString().equals(filters.get("to"));
      months.add(
          new FacetLink(
              ym.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                  + " "
                  + ym.getYear(),
              month.count(),
              link(q, narrowed, 0),
              active));
    }
    groups.add(new FacetGroup("Months", months));
    groups.add(group("Action item owners", q, filters, facets.owners(), "owner"));
    return groups.stream().filter(g -> !g.links().isEmpty()).toList();
  }

  private static FacetGroup group(
      String title, String q, Map<String, String> filters, List<Facets.Count> counts, String key) {
    List<FacetLink> links = new ArrayList<>();
    for (Facets.Count count : counts) {
      Map<String, String> narrowed = new LinkedHashMap<>(filters);
      narrowed.put(key, count.value());
      if (key.equals("owner")) {
        narrowed.put("type", "action");
      }
      boolean active = count.value().equalsIgnoreCase(filters.getOrDefault(key, ""));
      links.add(new FacetLink(count.label(), count.count(), link(q, narrowed, 0), active));
    }
    return new FacetGroup(title, links);
  }

  /** A filter in force, with the link that removes it. */
  record Chip(String label, String removeUrl) {}

  private static List<Chip> chips(String q, Map<String, String> filters) {
    List<Chip> chips = new ArrayList<>();
    for (Map.Entry<String, String> filter : filters.entrySet()) {
      if (filter.getKey().equals("sort")) {
        continue;
      }
      Map<String, String> without = new LinkedHashMap<>(filters);
      without.remove(filter.getKey());
      chips.add(new Chip(filter.getKey() + ": " + filter.getValue(), link(q, without, 0)));
    }
    return chips;
  }

  /** The search page with this query, these filters and page; every value encoded whole. */
  static String link(String q, Map<String, String> filters, int page) {
    StringJoiner query = new StringJoiner("&", "/search?", "").setEmptyValue("/search");
    if (!q.isBlank()) {
      query.add("q=" + encode(q));
    }
    filters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
    if (page > 0) {
      query.add("page=" + page);
    }
    return query.toString();
  }

  private static String encode(String value) {
    // Form encoding: "&", "=", "+" and "#" in a name or query stay part of it.
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
