package dev.verbatim.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for admins: pages of JSON, or every matching record as CSV. */
@RestController
class AuditController {

  static final int MAX_PAGE = 200;

  private static final List<String> COLUMNS =
      List.of(
          "id",
          "time",
          "actor_id",
          "actor",
          "token_id",
          "action",
          "target_type",
          "target_id",
          "detail",
          "client");

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  /** A record as the API shows it. */
  record Row(
      long id,
      Instant time,
      @Nullable String actorId,
      String actor,
      @Nullable String tokenId,
      String action,
      @Nullable String targetType,
      @Nullable String targetId,
      @Nullable String detail,
      @Nullable String client) {
    static Row of(AuditEvent e) {
      return new Row(
          e.id(),
          e.time(),
          e.actor().userId(),
          e.actor().name(),
          e.actor().tokenId(),
          e.action().value(),
          e.target() == null ? null : e.target().kind().value(),
          e.target() == null ? null : e.target().id(),
          e.detail(),
          e.client());
    }

    List<@Nullable String> cells() {
      return Arrays.asList(
          Long.toString(id),
          time.toString(),
          actorId,
          actor,
          tokenId,
          action,
          targetType,
          targetId,
          detail,
          client);
    }
  }

  record Page(List<Row> items, int page, int size, long total) {}

  @Operation(
      summary = "The audit trail, newest first (admins only)",
      description =
          "Filters, all optional: actor (account id or email), action (e.g. meeting.view),"
              + " target (e.g. a meeting id), from and to (YYYY-MM-DD in UTC, to inclusive, or"
              + " an instant). page from 0, size 1 to 200.")
  @GetMapping("/api/audit")
  Page list(
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("page " + page + " is beyond any record there can be");
    }
    AuditQuery query = AuditQuery.parse(actor, action, target, from, to);
    return new Page(
        trail.page(query, page, size).stream().map(Row::of).toList(),
        page,
        size,
        trail.count(query));
  }

  @Operation(
      summary = "The audit trail as CSV, every matching record, newest first (admins only)",
      description = "The same filters as /api/audit. Streamed: any number of records.")
  @GetMapping("/api/audit.csv")
  void csv(
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      HttpServletResponse response)
      throws IOException {
    // Bad filters answer 400 as problem JSON: nothing is written before they are checked.
    AuditQuery query = AuditQuery.parse(actor, action, target, from, to);
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename("audit.csv").build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    Csv.row(out, List.copyOf(COLUMNS));
    try {
      trail.forEach(
          query,
          event -> {
            try {
              Csv.row(out, Row.of(event).cells());
            } catch (IOException e) {
              throw new UncheckedIOException("The CSV export could not be written", e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }
}
