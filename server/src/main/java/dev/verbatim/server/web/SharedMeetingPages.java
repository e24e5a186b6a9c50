package dev.verbatim.server.web;

import dev.verbatim.server.sharelink.ShareLink;
import dev.verbatim.server.sharelink.ShareLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /s/{token}}: a meeting as a share link shows it to whoever holds the link. The meeting
 * page's own parts, read-only: no editing, no way to other meetings, and the transcript and player
 * only if the link shares them. A link that opens nothing gets the page of {@link PageErrors}.
 */
@Controller
class SharedMeetingPages {

  private final ShareLinks links;
  private final MeetingPageLoader pages;

  SharedMeetingPages(ShareLinks links, MeetingPageLoader pages) {
    this.links = links;
    this.pages = pages;
  }

  /**
   * What the link lets the page show, and where its media and downloads are.
   *
   * @param base the link's own path, {@code /s/{token}}
   * @param expiresOn the last day (UTC) it works, or null for until revoked
   */
  record Shared(String base, boolean transcript, boolean exports, @Nullable String expiresOn) {}

  @GetMapping("/s/{token}")
  String shared(@PathVariable String token, Model model) {
    ShareLink link = links.open(token);
    String base = "/s/" + token;
    model.addAttribute("page", pages.load(link.meetingId(), base + "/media"));
    model.addAttribute(
        "shared",
        new Shared(
            base,
            link.transcript(),
            link.exports(),
            link.expiresAt() == null
                ? null
                : link.expiresAt().minusMillis(1).toString().substring(0, 10)));
    model.addAttribute("noindex", true);
    links.viewed(link);
    return "shared";
  }
}
