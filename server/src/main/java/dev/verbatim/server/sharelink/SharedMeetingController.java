package dev.verbatim.server.sharelink;

import dev.verbatim.core.Meeting;
import dev.verbatim.server.export.MeetingExports;
import dev.verbatim.server.meeting.MeetingForbiddenException;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.MeetingMedia;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.MeetingStore;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a share link's page loads besides itself: the recording to play (with range requests) and
 * the downloads, each only if the link shares it. Open to anyone with the link; its page is in
 * {@code web}. Not in the API description: these are no API for clients to build on.
 */
@RestController
class SharedMeetingController {

  private final ShareLinks links;
  private final MeetingStore meetings;
  private final MeetingMedia media;
  private final MeetingExports exports;
  private final MeetingLinks pages;

  SharedMeetingController(
      ShareLinks links,
      MeetingStore meetings,
      MeetingMedia media,
      MeetingExports exports,
      MeetingLinks pages) {
    this.links = links;
    this.meetings = meetings;
    this.media = media;
    this.exports = exports;
    this.pages = pages;
  }

  @GetMapping("/s/{token}/media")
  ResponseEntity<Resource> media(
      @PathVariable String token,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) @Nullable String range,
      HttpMethod method)
      throws IOException {
    ShareLink link = links.open(token);
    if (!link.transcript()) {
      throw new MeetingNotFoundException("The recording of this minutes-only link");
    }
    ResponseEntity<Resource> recording =
        media.play(link.meetingId(), null, range, method == HttpMethod.HEAD);
    links.played(link);
    return recording;
  }

  @GetMapping("/s/{token}/export/{format}")
  ResponseEntity<byte[]> export(@PathVariable String token, @PathVariable String format)
      throws IOException {
    ShareLink link = links.open(token);
    if (!link.exports()) {
      throw new MeetingForbiddenException("This share link does not allow downloads.");
    }
    // The meeting document and the subtitles are the transcript, or hold it with every quote.
    if (!link.transcript() && !MeetingExports.minutesDocument(format)) {
      throw new MeetingNotFoundException("The transcript of this minutes-only link");
    }
    Meeting meeting = ShareLinks.shown(link, meetings.load(link.meetingId()));
    // Its readers may open this link, not the meeting page: the documents link into the shared
    // page.
    ResponseEntity<byte[]> document =
        exports.download(meeting, format, pages.base() + "/s/" + token);
    links.exported(link, format);
    return document;
  }
}
