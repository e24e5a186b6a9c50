package dev.verbatim.minutes;

import dev.verbatim.core.Chapter;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.Word;
import dev.verbatim.minutes.template.MinutesTemplates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Writes a meeting's minutes from its transcript, offline: sentences, summary, chapters, keywords,
 * decisions and action items, each pointing at the segments it came from.
 *
 * <p>Safe to share between threads: it keeps no state between meetings.
 */
public final class MinutesWriter {

  /** Enough keywords to tell meetings apart in a list, few enough to read at a glance. */
  private static final int KEYWORDS = 10;

  private final MinutesProperties properties;
  private final MinutesTemplates templates;
  private final @Nullable LlmRefinement refinement;

  /** A writer with the built-in templates and those in the configured directory. */
  public MinutesWriter(MinutesProperties properties) {
    this(properties, new MinutesTemplates(properties.minutes().templates()));
  }

  public MinutesWriter(MinutesProperties properties, MinutesTemplates templates) {
    this.properties = properties;
    this.templates = templates;
    this.refinement = properties.llm().enabled() ? new LlmRefinement(properties.llm()) : null;
    templates.get(properties.minutes().defaultTemplate());
  }

  /** The template minutes are written for when a meeting names none. */
  public String defaultTemplate() {
    return properties.minutes().defaultTemplate();
  }

  /** Writes minutes with the configured default template. */
  public Minutes write(Meeting meeting) {
    return write(meeting, properties.minutes().defaultTemplate());
  }

  /**
   * Writes minutes that {@code template} will lay out.
   *
   * @throws IllegalArgumentException when no template has that id; the message lists those known
   */
  public Minutes write(Meeting meeting, String template) {
    return write(meeting, template, List.of());
  }

  /**
   * Writes minutes that {@code template} will lay out, knowing who was in the meeting: a person
   * speech names by given name ("Bob will…") is shown by their full name from {@code roster} when
   * exactly one person on it has that given name.
   *
   * @param roster full names of the people in the meeting, whether or not they spoke
   * @throws IllegalArgumentException when no template has that id; the message lists those known
   */
  public Minutes write(Meeting meeting, String template, List<String> roster) {
    templates.get(template);
    Participants participants = new Participants(meeting.speakers(), roster);
    List<Sentence> sentences = Sentences.of(meeting);
    ToDoubleFunction<Sentence> confidence = recognitionConfidence(meeting);
    // Names from introductions and thanks come first, so that action items find their owners.
    List<SpeakerIdentification> named = SpeakerNames.find(sentences, participants);
    ActionItems.Found found = ActionItems.find(sentences, meeting.date(), participants, confidence);
    List<SpeakerIdentification> identifications = new ArrayList<>(found.identifications());
    for (SpeakerIdentification naming : named) {
      boolean namedSince =
          !naming.applied()
              && identifications.stream().anyMatch(i -> i.speakerId().equals(naming.speakerId()));
      if (!namedSince) {
        identifications.add(naming);
      }
    }
    // Names worked out from what was said capitalise those names in every sentence.
    if (identifications.stream().anyMatch(SpeakerIdentification::applied)) {
      sentences = Sentences.of(meeting.segments(), participants.nameWords());
    }
    List<String> keywords = Keywords.of(sentences, KEYWORDS);
    List<Chapter> chapters = Chapters.of(sentences);
    Minutes minutes =
        new Minutes(
            template,
            sentences,
            Summary.of(sentences, keywords, chapters),
            chapters,
            keywords,
            Decisions.find(sentences, participants, confidence),
            found.items(),
            identifications);
    return refinement == null ? minutes : refinement.refine(meeting, minutes);
  }

  /** The mean recognition confidence of a sentence's words: items heard badly are less certain. */
  private static ToDoubleFunction<Sentence> recognitionConfidence(Meeting meeting) {
    Map<String, Segment> segments = new HashMap<>();
    meeting.segments().forEach(s -> segments.put(s.id(), s));
    return sentence -> {
      double sum = 0;
      int count = 0;
      for (String id : sentence.segmentIds()) {
        Segment segment = segments.get(id);
        if (segment == null) {
          continue;
        }
        for (Word word : segment.words()) {
          if (word.startMs() >= sentence.startMs() && word.endMs() <= sentence.endMs()) {
            sum += word.confidence();
            count++;
          }
        }
      }
      return count == 0 ? 1.0 : sum / count;
    };
  }
}
