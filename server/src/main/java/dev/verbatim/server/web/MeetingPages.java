package dev.verbatim.server.web;

import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.MeetingStore;
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

  MeetingPages(MeetingStore meetings) {
    this.meetings = meetings;
  }

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
    int current = Math.max(0, page);
    long total = meetings.count();
    List<Row> rows = meetings.list(current * PAGE_SIZE, PAGE_SIZE).stream().map(Row::of).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("page", current);
    model.addAttribute("total", total);
    model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
    return "meetings";
  }

  /** One row, for the list to draw a meeting that a job created or finished meanwhile. */
  @GetMapping("/meetings/{id}/row")
  String row(@PathVariable String id, Model model) {
    model.addAttribute("row", Row.of(meetings.header(id)));
    return "meetings :: row";
  }

  @GetMapping("/meetings/{id}")
  String meeting(@PathVariable String id, Model model) {
    MeetingHeader header = meetings.header(id);
    model.addAttribute(
        "page",
        MeetingPage.of(
            header,
            meetings.load(id),
            meetings.actionItems(id),
            meetings.decisions(id),
            meetings.media(id)));
    return "meeting";
  }

  /** A page, not the API's problem JSON, for a meeting that does not exist (any more). */
  @ExceptionHandler(MeetingNotFoundException.class)
  ModelAndView notFound() {
    ModelAndView view = new ModelAndView("error/404");
    view.setStatus(HttpStatus.NOT_FOUND);
    return view;
  }
}
