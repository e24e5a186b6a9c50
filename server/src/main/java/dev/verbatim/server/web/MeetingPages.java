package dev.verbatim.server.web;

import dev.verbatim.minutes.MinutesProperties;
import dev.verbatim.minutes.template.MinutesTemplates;
import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.Audited;
import dev.verbatim.server.meeting.MeetingAccess;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.meeting.Permission;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web UI's pages. They render what {@link MeetingStore} holds; every change goes through the
 * JSON API from the page's scripts, so there is one way to edit a meeting.
 */
@Controller
class MeetingPages {

  private static final int PAGE_SIZE = 25;

  private final MeetingStore meetings;
  private final MinutesTemplates templates;
  private final String defaultTemplate;
  private final Callers callers;
  private final MeetingAccess access;
  private final MeetingPageLoader pages;

  MeetingPages(
      MeetingStore meetings,
      MinutesTemplates templates,
      MinutesProperties minutesProperties,
      Callers callers,
      MeetingAccess access,
      MeetingPageLoader pages) {
    this.meetings = meetings;
    this.callers = callers;
    this.access = access;
    this.pages = pages;
    this.templates = templates;
    this.defaultTemplate = minutesProperties.minutes().defaultTemplate();
  }

  /** A minutes template to choose from, as the upload and reprocess forms list them. */
  record TemplateOption(String id, String title) {}

  /** One row of the meetings list, as the list's template draws it. */
  record Row(MeetingHeader meeting, String duration, int percent) {
    static Row of(MeetingHeader header) {
      return new Row(
          header,
          Clock.duration(header.durationMs()),
          (int) Math.round(100 * Math.min(1, Math.max(0, header.progress()))));
    }
  }

  @GetMapping("/")
  String list(@RequestParam(defaultValue = "0") int page, Model model) {
    // Bounded, so the offset of a page far beyond the end does not overflow.
    int current = Math.min(Math.max(0, page), Integer.MAX_VALUE / PAGE_SIZE - 1);
    Caller caller = callers.current();
    long total = meetings.count(caller);
    List<Row> rows =
        meetings.list(caller, current * PAGE_SIZE, PAGE_SIZE).stream().map(Row::of).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("page", current);
    model.addAttribute("total", total);
    model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
    model.addAttribute("templates", templateOptions());
    model.addAttribute("defaultTemplate", defaultTemplate);
    return "meetings";
  }

  /** One row, for the list to draw a meeting that a job created or finished meanwhile. */
  @GetMapping("/meetings/{id}/row")
  String row(@PathVariable String id, Model model) {
    model.addAttribute("row", Row.of(meetings.header(id)));
    return "meetings :: row";
  }

  @GetMapping("/meetings/{id}")
  @Audited(value = AuditAction.MEETING_VIEW, note = "page")
  String meeting(@PathVariable String id, Model model) {
    model.addAttribute("page", page(id));
    model.addAttribute("templates", templateOptions());
    model.addAttribute(
        "permission",
        access.permission(callers.current(), id).map(Permission::value).orElse("view"));
    return "meeting";
  }

  /** The transcript alone, for the page to show a glossary's or find-and-replace's changes. */
  @GetMapping("/meetings/{id}/transcript")
  String transcript(@PathVariable String id, Model model) {
    model.addAttribute("page", page(id));
    return "meeting :: transcript";
  }

  /** One action item as it is stored now, for the page to show after an edit conflict. */
  @GetMapping("/meetings/{id}/action-items/{itemId}")
  String actionItem(@PathVariable String id, @PathVariable String itemId, Model model) {
    MeetingPage page = page(id);
    model.addAttribute(
        "a",
        page.actionItems().stream()
            .filter(a -> a.id().equals(itemId))
            .findFirst()
            .orElseThrow(() -> new MeetingNotFoundException("Action item " + itemId)));
    return "meeting :: action";
  }

  /** The organisation's glossary; the page's script lists and edits it through the API. */
  @GetMapping("/glossary")
  String glossary() {
    return "glossary";
  }

  private MeetingPage page(String id) {
    return pages.load(id, "/api/meetings/" + id + "/media");
  }

  private List<TemplateOption> templateOptions() {
    return templates.all().stream().map(t -> new TemplateOption(t.id(), t.title())).toList();
  }

  /** A page, not the API's problem JSON, for a meeting that does not exist (any more). */
  @ExceptionHandler(MeetingNotFoundException.class)
  ModelAndView notFound() {
    ModelAndView view = new ModelAndView("error/404");
    view.setStatus(HttpStatus.NOT_FOUND);
    return view;
  }
}
