package dev.verbatim.server.web;

import dev.verbatim.core.Meeting;
import dev.verbatim.minutes.template.MinutesTemplate;
import dev.verbatim.minutes.template.MinutesTemplates;
import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.meeting.ActionItemStore;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingStore;
import org.springframework.stereotype.Component;

/** Reads what a meeting's page shows, for the meeting page and for a share link's page. */
@Component
class MeetingPageLoader {

  private final MeetingStore meetings;
  private final ActionItemStore actionItems;
  private final MinutesTemplates templates;
  private final VerbatimProperties.Retention retention;

  MeetingPageLoader(
      MeetingStore meetings,
      ActionItemStore actionItems,
      MinutesTemplates templates,
      VerbatimProperties properties) {
    this.meetings = meetings;
    this.actionItems = actionItems;
    this.templates = templates;
    this.retention = properties.retention();
  }

  /**
   * @param mediaUrl where the page's player gets the recording
   */
  MeetingPage load(String id, String mediaUrl) {
    MeetingHeader header = meetings.header(id);
    Meeting meeting = meetings.load(id);
    String template = meeting.minutes().template();
    return MeetingPage.of(
        header,
        meeting,
        actionItems.inMeeting(id),
        meetings.decisions(id),
        meetings.media(id),
        meetings.roster(id),
        new MeetingPages.TemplateOption(
            template, templates.find(template).map(MinutesTemplate::title).orElse(template)),
        retention,
        mediaUrl);
  }
}
