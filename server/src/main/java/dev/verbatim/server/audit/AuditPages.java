package dev.verbatim.server.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /admin/audit}: the audit trail for admins, filtered and a page at a time. */
@Controller
class AuditPages {

  private static final int PAGE_SIZE = 50;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final AuditTrail trail;

  AuditPages(AuditTrail trail) {
    this.trail = trail;
  }

  /** The filters as typed, to fill the form again. */
  record Filters(String actor, String action, String target, String from, String to) {}

  /** One row of the table. */
  record Line(
      String time,
      String actor,
      @Nullable String tokenId,
      String action,
      String target,
      String detail,
      String client) {
    static Line of(AuditEvent e) {
      return new Line(
          TIME.format(e.time()),
          e.actor().name(),
          e.actor().tokenId(),
          e.action().value(),
          e.target() == null ? "" : e.target().kind().value() + " " + e.target().id(),
          e.detail() == null ? "" : e.detail(),
          e.client() == null ? "" : e.client());
    }
  }

  @GetMapping("/admin/audit")
  String audit(
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String target,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Filters filters = new Filters(actor, action, target, from, to);
    int current = Math.min(Math.max(0, page), Integer.MAX_VALUE / PAGE_SIZE - 1);
    model.addAttribute("filters", filters);
    model.addAttribute(
        "actions", java.util.Arrays.stream(AuditAction.values()).map(AuditAction::value).toList());
    model.addAttribute("page", current);
    model.addAttribute("previousUrl", url("/admin/audit", filters, current - 1));
    model.addAttribute("nextUrl", url("/admin/audit", filters, current + 1));
    model.addAttribute("csvUrl", url("/api/audit.csv", filters, -1));
    model.addAttribute(
        "filtered",
        !(actor.isBlank()
            && action.isBlank()
            && target.isBlank()
            && from.isBlank()
            && to.isBlank()));
    AuditQuery query;
    try {
      query = AuditQuery.parse(actor, action, target, from, to);
    } catch (IllegalArgumentException e) {
      // The form shows what is wrong with the filters, rather than an error page.
      model.addAttribute("error", e.getMessage());
      model.addAttribute("lines", List.of());
      model.addAttribute("total", 0L);
      model.addAttribute("hasNext", false);
      return "audit";
    }
    long total = trail.count(query);
    model.addAttribute(
        "lines", trail.page(query, current, PAGE_SIZE).stream().map(Line::of).toList());
    model.addAttribute("total", total);
    model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
    return "audit";
  }

  /** A link with the same filters; page -1 for none. */
  private static String url(String path, Filters f, int page) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
    add(url, "actor", f.actor());
    add(url, "action", f.action());
    add(url, "target", f.target());
    add(url, "from", f.from());
    add(url, "to", f.to());
    if (page > 0) {
      url.queryParam("page", page);
    }
    return url.encode().build().toUriString();
  }

  private static void add(UriComponentsBuilder url, String name, String value) {
    if (!value.isBlank()) {
      url.queryParam(name, value.strip());
    }
  }
}
