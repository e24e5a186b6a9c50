package dev.verbatim.server.search;

import dev.verbatim.search.SearchQuery;
import dev.verbatim.search.Suggestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search across every meeting the caller may see, and completions for the search box. */
@RestController
class SearchController {

  private final MeetingSearch search;

  SearchController(MeetingSearch search) {
    this.search = search;
  }

  @Operation(
      summary = "Search transcripts, minutes and action items of the meetings you may see",
      description =
          "q supports \"exact phrases\", -excluded words, prefix*, speaker:name, title:word and"
              + " before:/after: with a date (YYYY-MM-DD; after is inclusive, before is not)."
              + " Words also match words that sound like them, ranked below exact matches. Hits"
              + " carry a url that opens the meeting at the second they were said. Facets count"
              + " all hits by speaker, meeting, month and owner.")
  @GetMapping("/api/search")
  MeetingSearch.SearchPage search(
      @RequestParam(defaultValue = "") String q,
      @Parameter(description = "Comma-separated: segment, meeting, action")
          @RequestParam(required = false)
          @Nullable String type,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @Parameter(description = "A speaker's whole name, as in the speakers facet")
          @RequestParam(required = false)
          @Nullable String speaker,
      @RequestParam(required = false) @Nullable String meeting,
      @Parameter(description = "An action item owner's whole name") @RequestParam(required = false)
          @Nullable String owner,
      @Parameter(description = "open, in_progress, done or dismissed")
          @RequestParam(required = false)
          @Nullable String status,
      @Parameter(description = "relevance (default), newest or due") @RequestParam(required = false)
          @Nullable String sort,
      @RequestParam(defaultValue = "true") boolean facets,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    checkPage(page, size);
    return search.search(
        new MeetingSearch.Request(
            q, type, from, to, speaker, meeting, owner, status, null, null, sort, facets, page,
            size));
  }

  @Operation(
      summary = "Search action items, soonest due first",
      description =
          "For example open items for Lin due this week: ?owner=Lin&status=open&due=this-week."
              + " due is overdue, today, this-week or next-week (weeks start on Monday);"
              + " dueAfter and dueBefore are inclusive days and override it. q is optional.")
  @GetMapping("/api/action-items/search")
  MeetingSearch.SearchPage searchActionItems(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String due,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate dueAfter,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate dueBefore,
      @RequestParam(required = false) @Nullable String meeting,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    checkPage(page, size);
    LocalDate after = dueAfter;
    LocalDate before = dueBefore;
    if (due != null && !due.isBlank()) {
      MeetingSearch.DuePeriod period = MeetingSearch.duePeriod(due, LocalDate.now());
      after = after != null ? after : period.from();
      before = before != null ? before : period.to();
    }
    return search.search(
        new MeetingSearch.Request(
            q, "action", null, null, null, meeting, owner, status, after, before, "due", false,
            page, size));
  }

  @Operation(summary = "Speaker names and keywords that start with q, for the search box")
  @GetMapping("/api/search/suggestions")
  List<Suggestion> suggestions(
      @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "8") int limit) {
    return search.suggest(q, limit);
  }

  private static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > SearchQuery.MAX_SIZE) {
      throw new IllegalArgumentException(
          "page must be 0 or more and size 1 to " + SearchQuery.MAX_SIZE);
    }
  }
}
