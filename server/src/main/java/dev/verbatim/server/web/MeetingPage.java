package dev.verbatim.server.web;

import dev.verbatim.core.Chapter;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.SummaryPoint;
import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.meeting.MediaFile;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingStore.Reviewed;
import dev.verbatim.server.meeting.TrackedActionItem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the meeting page shows, worked out once so the template only walks lists: the transcript in
 * speaker turns, speakers with their share of the talking, and the reviewed minutes with the
 * template they were written with.
 */
record MeetingPage(
    MeetingHeader header,
    String duration,
    int percent,
    List<Turn> turns,
    int wordCount,
    List<SpeakerRow> speakers,
    List<String> roster,
    List<Point> summary,
    List<Point> chapters,
    List<String> keywords,
    List<DecisionRow> decisions,
    List<ActionRow> actionItems,
    MeetingPages.TemplateOption template,
    @Nullable Player player,
    Retention retention,
    boolean recorded) {

  /** Consecutive segments of one speaker. */
  record Turn(
      String speakerId, String speaker, String time, long startMs, List<Segment> segments) {}

  /**
   * @param share of all talk time, in percent
   * @param bar width of the talk-time bar, in percent of the most talkative speaker
   * @param suggestion a name the minutes found in what was said but did not apply, or null
   * @param evidence the lines behind the suggestion
   */
  record SpeakerRow(
      String id,
      String label,
      boolean named,
      String talkTime,
      long share,
      double bar,
      @Nullable String suggestion,
      @Nullable String evidence) {}

  /** A summary point or chapter that seeks the player to where it was said. */
  record Point(String text, long startMs, String time) {}

  record DecisionRow(String id, String text, long startMs, String time, boolean confirmed) {}

  record ActionRow(
      String id,
      String text,
      String owner,
      String due,
      String status,
      long startMs,
      String time,
      boolean confirmed,
      int version,
      @Nullable String externalId,
      @Nullable String externalUrl) {}

  /**
   * What the retention policy did or will do, as days (UTC, YYYY-MM-DD); null where it does not
   * apply.
   */
  record Retention(
      @Nullable String mediaDeletedOn,
      @Nullable String mediaDeleteOn,
      @Nullable String meetingDeleteOn) {

    static Retention of(MeetingHeader header, VerbatimProperties.Retention policy) {
      Instant removed = header.mediaDeletedAt();
      return new Retention(
          day(removed),
          removed != null ? null : day(policy.mediaDeleteAfter(header.createdAt()).orElse(null)),
          day(policy.meetingDeleteAfter(header.createdAt()).orElse(null)));
    }

    private static @Nullable String day(@Nullable Instant instant) {
      return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
  }

  /** The recording to play: a video element for video, audio otherwise. */
  record Player(String url, String mediaType, boolean video, int tracks) {}

  static MeetingPage of(
      MeetingHeader header,
      Meeting meeting,
      List<TrackedActionItem> actionItems,
      List<Reviewed<Decision>> decisions,
      List<MediaFile> media,
      List<String> roster,
      MeetingPages.TemplateOption template,
      VerbatimProperties.Retention policy,
      String mediaUrl) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Speaker s : meeting.speakers()) {
      labels.put(s.id(), label(s));
    }
    return new MeetingPage(
        header,
        Clock.duration(header.durationMs()),
        (int) Math.round(100 * Math.min(1, Math.max(0, header.progress()))),
        turns(meeting.segments(), labels),
        meeting.segments().stream().mapToInt(s -> s.words().size()).sum(),
        speakers(meeting.speakers(), meeting.minutes().identifiedSpeakers()),
        roster,
        meeting.minutes().summary().stream().map(MeetingPage::point).toList(),
        meeting.minutes().chapters().stream().map(MeetingPage::point).toList(),
        meeting.minutes().keywords(),
        decisions.stream().map(MeetingPage::decision).toList(),
        actionItems.stream().map(MeetingPage::action).toList(),
        template,
        // Once retention removed the recordings, there is nothing to play.
        header.mediaDeletedAt() != null ? null : player(meeting, media, mediaUrl),
        Retention.of(header, policy),
        !media.isEmpty());
  }

  /** A speaker nobody has named yet goes by the id diarization gave it. */
  static String label(Speaker speaker) {
    return speaker.name() != null && !speaker.name().isBlank() ? speaker.name() : speaker.id();
  }

  private static List<Turn> turns(List<Segment> segments, Map<String, String> labels) {
    List<Turn> turns = new ArrayList<>();
    List<Segment> current = new ArrayList<>();
    for (Segment segment : segments) {
      if (!current.isEmpty() && !current.get(0).speakerId().equals(segment.speakerId())) {
        turns.add(turn(current, labels));
        current = new ArrayList<>();
      }
      current.add(segment);
    }
    if (!current.isEmpty()) {
      turns.add(turn(current, labels));
    }
    return turns;
  }

  private static Turn turn(List<Segment> segments, Map<String, String> labels) {
    Segment first = segments.get(0);
    return new Turn(
        first.speakerId(),
        labels.getOrDefault(first.speakerId(), first.speakerId()),
        Clock.of(first.startMs()),
        first.startMs(),
        List.copyOf(segments));
  }

  private static List<SpeakerRow> speakers(
      List<Speaker> speakers, List<SpeakerIdentification> identified) {
    Map<String, SpeakerIdentification> suggestions = new LinkedHashMap<>();
    identified.stream()
        .filter(i -> !i.applied())
        .forEach(i -> suggestions.putIfAbsent(i.speakerId(), i));
    long total = speakers.stream().mapToLong(Speaker::talkTimeMs).sum();
    long most = speakers.stream().mapToLong(Speaker::talkTimeMs).max().orElse(0);
    return speakers.stream()
        .map(
            s ->
                new SpeakerRow(
                    s.id(),
                    label(s),
                    s.name() != null && !s.name().isBlank(),
                    Clock.of(s.talkTimeMs()),
                    total > 0 ? Math.round(100.0 * s.talkTimeMs() / total) : 0,
                    most > 0 ? Math.round(1000.0 * s.talkTimeMs() / most) / 10.0 : 0,
                    suggestion(s, suggestions),
                    suggestions.containsKey(s.id()) ? suggestions.get(s.id()).evidence() : null))
        .toList();
  }

  /** A suggested name, only for a speaker nobody has named since. */
  private static @Nullable String suggestion(
      Speaker speaker, Map<String, SpeakerIdentification> suggestions) {
    SpeakerIdentification suggested = suggestions.get(speaker.id());
    boolean unnamed = speaker.name() == null || speaker.name().isBlank();
    return suggested != null && unnamed ? suggested.name() : null;
  }

  private static Point point(SummaryPoint p) {
    return new Point(p.text(), p.startMs(), Clock.of(p.startMs()));
  }

  private static Point point(Chapter c) {
    return new Point(c.title(), c.startMs(), Clock.of(c.startMs()));
  }

  private static DecisionRow decision(Reviewed<Decision> r) {
    Decision d = r.value();
    return new DecisionRow(d.id(), d.text(), d.startMs(), Clock.of(d.startMs()), r.confirmed());
  }

  private static ActionRow action(TrackedActionItem a) {
    return new ActionRow(
        a.itemId(),
        a.text(),
        a.owner() != null ? a.owner() : "",
        a.due() != null ? a.due().toString() : "",
        a.status().name().toLowerCase(Locale.ROOT),
        a.startMs(),
        Clock.of(a.startMs()),
        a.confirmed(),
        a.version(),
        a.externalId(),
        a.externalUrl());
  }

  private static @Nullable Player player(Meeting meeting, List<MediaFile> media, String mediaUrl) {
    if (media.isEmpty()) {
      return null;
    }
    MediaFile first = media.get(0);
    String type =
        !meeting.source().files().isEmpty()
            ? meeting.source().files().get(0).mediaType()
            : first.mediaType();
    // One file per participant plays as the server's mix of them all (AAC in MP4).
    String mediaType = media.size() > 1 ? "audio/mp4" : type != null ? type : "";
    return new Player(mediaUrl, mediaType, mediaType.startsWith("video/"), media.size());
  }
}
