package dev.verbatim.minutes;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.SummaryPoint;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an OpenAI-compatible chat API to rewrite the offline summary and action items, then keeps
 * only what it can check against the transcript: every point must cite sentences that exist, owners
 * must be participants, due dates must be dates. Any failure leaves the offline minutes as they
 * were, so the offline engine always stands alone.
 */
final class LlmRefinement {

  private static final Logger log = LoggerFactory.getLogger(LlmRefinement.class);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * How sure we are of an action item only the model found: it cites its sentences, but a model
   * errs.
   */
  static final double LLM_CONFIDENCE = 0.7;

  static final int MAX_TEXT_CHARS = 300;

  /**
   * Transcript characters per request, about 1,500 tokens. With the instructions, the drafts and
   * the answer this stays within 4,096 tokens, the context Ollama gives a model by default on small
   * machines; it cuts longer prompts silently, which would lose sentences without an error. Longer
   * meetings go in several parts, each asked about on its own.
   */
  static final int DEFAULT_PART_CHARS = 6_000;

  /**
   * At most this many requests per meeting: about two hours of speech at the default part size.
   * Sentences after the last part keep the offline summary and action items, so a very long
   * recording costs a bounded time and still gets complete minutes.
   */
  static final int DEFAULT_MAX_PARTS = 20;

  private static final String INSTRUCTIONS =
      """
      You improve the minutes of a meeting. You get the transcript as numbered sentences, \
      "[sentence id] Speaker (mm:ss): text", and a draft summary and draft action items that \
      a rule-based engine wrote. The transcript comes from offline speech recognition, so some \
      words are misrecognised; never add facts the transcript does not support.

      Reply with one JSON object and nothing else, of exactly this shape:
      {"summary":[{"text":"...","sentenceIds":["..."]}],\
      "actionItems":[{"text":"...","owner":"...","due":"YYYY-MM-DD","sentenceIds":["..."]}]}

      Rules:
      - summary: 3 to 7 short points on what was discussed and concluded, in the order they came up.
      - actionItems: every task someone agreed or was asked to do. Keep the drafts that are real \
      tasks and fix their wording, owner and due date; drop drafts that are not tasks; add tasks \
      the drafts missed. Write each as an imperative ("Send the contract to procurement").
      - text: at most 300 characters, in the language of the transcript.
      - owner: exactly one of the participants as listed (a name or an id), or null when unclear.
      - due: the deadline as an ISO date, resolved against the meeting date, or null when none \
      was said.
      - sentenceIds: the ids of the sentences the point or task comes from, exactly as written \
      in the square brackets. Cite only ids that appear in the transcript.
      """;

  private final ChatCompletions chat;
  private final int partChars;
  private final int maxParts;

  LlmRefinement(MinutesProperties.Llm llm) {
    this(new ChatCompletions(llm), DEFAULT_PART_CHARS, DEFAULT_MAX_PARTS);
  }

  LlmRefinement(ChatCompletions chat, int partChars, int maxParts) {
    if (partChars < 1 || maxParts < 1) {
      throw new IllegalArgumentException(
          "Parts must hold something: " + partChars + ", " + maxParts);
    }
    this.chat = chat;
    this.partChars = partChars;
    this.maxParts = maxParts;
  }

  /**
   * Returns {@code offline} with the summary and action items the chat API wrote, where they check
   * out against the transcript; returns {@code offline} itself when the API fails in any way.
   */
  Minutes refine(Meeting meeting, Minutes offline) {
    if (offline.sentences().isEmpty()) {
      return offline;
    }
    try {
      return refined(meeting, offline);
    } catch (LlmUnavailableException e) {
      log.warn(
          "Keeping the offline minutes of meeting {}, as the LLM could not refine them: {}",
          meeting.id(),
          e.getMessage());
      return offline;
    } catch (RuntimeException e) {
      // A reply shaped in a way nobody foresaw must cost the refinement, never the minutes.
      log.warn("Keeping the offline minutes of meeting {}: the LLM's reply broke", meeting.id(), e);
      return offline;
    }
  }

  private Minutes refined(Meeting meeting, Minutes offline) {
    Participants participants = new Participants(meeting, offline);
    List<String> lines = new ArrayList<>(offline.sentences().size());
    for (Sentence s : offline.sentences()) {
      lines.add(line(s, participants));
    }
    List<List<Sentence>> parts = parts(offline.sentences(), lines);
    int asked = Math.min(parts.size(), maxParts);

    // Each offline point belongs to the part holding its sentence; index `asked` is the tail that
    // is never sent, where the offline points stay as they are.
    Map<String, Integer> partOf = new HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      for (Sentence s : parts.get(i)) {
        partOf.put(s.id(), Math.min(i, asked));
      }
    }
    Provenance provenance = new Provenance(offline.sentences());
    List<List<ActionItem>> draftItems = emptyLists(asked + 1);
    List<List<SummaryPoint>> draftSummary = emptyLists(asked + 1);
    for (ActionItem item : offline.actionItems()) {
      draftItems
          .get(partOf.get(provenance.nearest(item.startMs(), item.segmentIds()).id()))
          .add(item);
    }
    for (SummaryPoint point : offline.summary()) {
      draftSummary
          .get(partOf.get(provenance.nearest(point.startMs(), point.segmentIds()).id()))
          .add(point);
    }

    List<SummaryPoint> summary = new ArrayList<>();
    List<Proposal> proposals = new ArrayList<>();
    List<ActionItem> keptAsIs = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < asked; i++) {
      List<Sentence> part = parts.get(i);
      String prompt =
          prompt(
              meeting,
              participants,
              part,
              i,
              asked,
              parts.size() > asked,
              draftSummary.get(i),
              draftItems.get(i),
              provenance);
      Reply reply = reply(chat.complete(INSTRUCTIONS, prompt), part, participants);
      dropped += reply.dropped();
      summary.addAll(reply.summary().isEmpty() ? draftSummary.get(i) : reply.summary());
      if (reply.actionItems().isEmpty() && reply.offeredActionItems() > 0) {
        // Every task it offered failed the checks: the answer is unreliable, not "no tasks".
        log.info(
            "Keeping the offline action items of part {} of meeting {}: none of the LLM's passed"
                + " the checks",
            i + 1,
            meeting.id());
        keptAsIs.addAll(draftItems.get(i));
      } else {
        proposals.addAll(reply.actionItems());
      }
    }
    summary.addAll(draftSummary.get(asked));
    keptAsIs.addAll(draftItems.get(asked));
    if (summary.size() > Summary.MAX_POINTS) {
      // Each part brings its own points; a long meeting must still read as a short summary.
      summary = spread(summary, Summary.MAX_POINTS);
    }

    List<ActionItem> actionItems = actionItems(offline, proposals, keptAsIs, provenance);
    log.info(
        "The LLM refined the minutes of meeting {} in {} request(s): {} summary points, {} action"
            + " items; {} of its points failed the checks and were left out",
        meeting.id(),
        asked,
        summary.size(),
        actionItems.size(),
        dropped);
    return new Minutes(
        offline.template(),
        offline.sentences(),
        summary,
        offline.chapters(),
        offline.keywords(),
        offline.decisions(),
        actionItems,
        offline.identifiedSpeakers());
  }

  /**
   * Gives each proposal an id: the id of the offline item from the same sentence when there is one,
   * so links to it survive, else a new {@code a-n} that no offline item used.
   */
  private static List<ActionItem> actionItems(
      Minutes offline, List<Proposal> proposals, List<ActionItem> keptAsIs, Provenance provenance) {
    Set<String> taken = new HashSet<>();
    Map<String, List<ActionItem>> offlineBySentence = new HashMap<>();
    for (ActionItem item : offline.actionItems()) {
      taken.add(item.id());
      Sentence s = provenance.exact(item.startMs(), item.segmentIds());
      if (s != null) {
        offlineBySentence.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(item);
      }
    }
    Set<String> claimed = new HashSet<>();
    List<ActionItem> items = new ArrayList<>(keptAsIs);
    keptAsIs.forEach(item -> claimed.add(item.id()));
    int next = 1;
    for (Proposal p : proposals) {
      ActionItem same = null;
      for (Sentence s : p.sentences()) {
        for (ActionItem candidate : offlineBySentence.getOrDefault(s.id(), List.of())) {
          if (same == null && !claimed.contains(candidate.id())) {
            same = candidate;
          }
        }
      }
      String id;
      if (same != null) {
        id = same.id();
        claimed.add(id);
      } else {
        while (taken.contains("a-" + next)) {
          next++;
        }
        id = "a-" + next;
        taken.add(id);
      }
      items.add(
          new ActionItem(
              id,
              p.text(),
              p.owner(),
              p.due(),
              same == null ? ActionItemStatus.OPEN : same.status(),
              p.startMs(),
              p.segmentIds(),
              same == null ? LLM_CONFIDENCE : same.confidence(),
              p.quote()));
    }
    items.sort(Comparator.comparingLong(ActionItem::startMs));
    return items;
  }

  /**
   * Splits the transcript into runs of whole sentences of at most {@link #partChars} each; a
   * sentence longer than that goes alone, whole, since cutting it would change what was said.
   */
  private List<List<Sentence>> parts(List<Sentence> sentences, List<String> lines) {
    List<List<Sentence>> parts = new ArrayList<>();
    List<Sentence> current = new ArrayList<>();
    int chars = 0;
    for (int i = 0; i < sentences.size(); i++) {
      int length = lines.get(i).length() + 1;
      if (!current.isEmpty() && chars + length > partChars) {
        parts.add(current);
        current = new ArrayList<>();
        chars = 0;
      }
      current.add(sentences.get(i));
      chars += length;
    }
    parts.add(current);
    return parts;
  }

  private static <T> List<List<T>> emptyLists(int count) {
    List<List<T>> lists = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  private static String line(Sentence s, Participants participants) {
    long seconds = s.startMs() / 1000;
    return String.format(
        Locale.ROOT,
        "[%s] %s (%02d:%02d): %s",
        s.id(),
        participants.display(s.speakerId()),
        seconds / 60,
        seconds % 60,
        s.text());
  }

  private static String prompt(
      Meeting meeting,
      Participants participants,
      List<Sentence> part,
      int index,
      int asked,
      boolean truncated,
      List<SummaryPoint> draftSummary,
      List<ActionItem> draftItems,
      Provenance provenance) {
    StringBuilder prompt = new StringBuilder();
    prompt.append("Meeting: ").append(meeting.title()).append('\n');
    prompt
        .append("Date: ")
        .append(meeting.date())
        .append(" (")
        .append(meeting.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
        .append(")\n");
    prompt.append("Participants: ").append(participants.listing()).append('\n');
    if (asked > 1 || truncated) {
      prompt
          .append("This is part ")
          .append(index + 1)
          .append(" of the transcript")
          .append(truncated ? ", which is too long to send whole" : " of " + asked)
          .append(". Summarise and list the tasks of this part only.\n");
    }
    prompt.append("\nDraft summary:\n");
    if (draftSummary.isEmpty()) {
      prompt.append("(none)\n");
    }
    for (SummaryPoint point : draftSummary) {
      prompt.append("- ").append(point.text()).append('\n');
    }
    prompt.append("\nDraft action items:\n");
    if (draftItems.isEmpty()) {
      prompt.append("(none)\n");
    }
    for (ActionItem item : draftItems) {
      Sentence s = provenance.exact(item.startMs(), item.segmentIds());
      prompt.append("- ");
      if (s != null) {
        prompt.append('[').append(s.id()).append("] ");
      }
      prompt
          .append(item.text())
          .append(" (owner: ")
          .append(item.owner() == null ? "null" : item.owner())
          .append("; due: ")
          .append(item.due() == null ? "null" : item.due())
          .append(")\n");
    }
    prompt.append("\nTranscript:\n");
    for (Sentence s : part) {
      prompt.append(line(s, participants)).append('\n');
    }
    return prompt.toString();
  }

  /** Reads and checks the model's answer for one part; points that fail a check are left out. */
  private static Reply reply(String content, List<Sentence> part, Participants participants) {
    JsonNode root;
    try {
      root = JSON.readTree(jsonObject(content));
    } catch (JacksonException e) {
      throw new LlmUnavailableException(
          "The LLM's answer is not JSON: " + abbreviate(content.strip()), e);
    }
    JsonNode summaryNode = root.path("summary");
    JsonNode itemsNode = root.path("actionItems");
    if (!root.isObject()
        || (summaryNode.isMissingNode() && itemsNode.isMissingNode())
        || !(summaryNode.isArray() || summaryNode.isMissingNode() || summaryNode.isNull())
        || !(itemsNode.isArray() || itemsNode.isMissingNode() || itemsNode.isNull())) {
      throw new LlmUnavailableException(
          "The LLM's answer is not the JSON asked for: " + abbreviate(content.strip()));
    }
    Map<String, Sentence> cited = new LinkedHashMap<>();
    part.forEach(s -> cited.put(s.id(), s));
    int dropped = 0;

    List<SummaryPoint> summary = new ArrayList<>();
    for (JsonNode node : summaryNode.isArray() ? summaryNode.values() : List.<JsonNode>of()) {
      String text = text(node);
      List<Sentence> sentences = sentences(node, cited);
      if (text == null || sentences == null) {
        dropped++;
        log.debug("Left out a summary point that failed the checks: {}", node);
        continue;
      }
      summary.add(
          new SummaryPoint(text, sentences.get(0).startMs(), Provenance.segmentIds(sentences)));
    }

    List<Proposal> items = new ArrayList<>();
    int offered = itemsNode.isArray() ? itemsNode.size() : 0;
    for (JsonNode node : itemsNode.isArray() ? itemsNode.values() : List.<JsonNode>of()) {
      String text = text(node);
      List<Sentence> sentences = sentences(node, cited);
      if (text == null || sentences == null) {
        dropped++;
        log.debug("Left out an action item that failed the checks: {}", node);
        continue;
      }
      items.add(
          new Proposal(
              text, participants.owner(node.path("owner")), due(node.path("due")), sentences));
    }
    return new Reply(summary, items, offered, dropped);
  }

  /** Models asked for JSON still wrap it in a Markdown fence now and then. */
  private static String jsonObject(String content) {
    int start = content.indexOf('{');
    int end = content.lastIndexOf('}');
    return start >= 0 && end > start ? content.substring(start, end + 1) : content;
  }

  private static @Nullable String text(JsonNode node) {
    JsonNode text = node.path("text");
    if (!text.isString()) {
      return null;
    }
    String stripped = text.stringValue().strip();
    return stripped.isEmpty() || stripped.length() > MAX_TEXT_CHARS ? null : stripped;
  }

  /**
   * The cited sentences in transcript order, or null when none is cited or any id is not in the
   * part: a model that invents one id may have invented the point.
   */
  private static @Nullable List<Sentence> sentences(JsonNode node, Map<String, Sentence> part) {
    JsonNode ids = node.path("sentenceIds");
    if (!ids.isArray() || ids.isEmpty()) {
      return null;
    }
    Set<String> wanted = new HashSet<>();
    for (JsonNode id : ids.values()) {
      if (!(id.isString() || id.isNumber())) {
        return null;
      }
      // The prompt shows ids in brackets; some models copy them.
      String value = id.asString().strip();
      if (value.startsWith("[") && value.endsWith("]")) {
        value = value.substring(1, value.length() - 1).strip();
      }
      if (!part.containsKey(value)) {
        return null;
      }
      wanted.add(value);
    }
    return part.values().stream().filter(s -> wanted.contains(s.id())).toList();
  }

  private static @Nullable LocalDate due(JsonNode node) {
    if (!node.isString()) {
      return null;
    }
    try {
      return LocalDate.parse(node.stringValue().strip());
    } catch (DateTimeParseException e) {
      // "null", "Friday" or "next week": not a date we can stand behind, so no due date.
      log.debug("Ignored a due date that is not an ISO date: {}", e.getParsedString());
      return null;
    }
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }

  /** What the model answered for one part, after the checks. */
  private record Reply(
      List<SummaryPoint> summary,
      List<Proposal> actionItems,
      int offeredActionItems,
      int dropped) {}

  /** An action item the model wrote, tied to the sentences it cites. */
  private record Proposal(
      String text, @Nullable String owner, @Nullable LocalDate due, List<Sentence> sentences) {

    long startMs() {
      return sentences.get(0).startMs();
    }

    List<String> segmentIds() {
      return Provenance.segmentIds(sentences);
    }

    String quote() {
      return sentences.stream().map(Sentence::text).collect(Collectors.joining(" "));
    }
  }

  /** The meeting's speakers as the prompt shows them, and who may own an action item. */
  private static final class Participants {

    private final Map<String, String> displayById = new LinkedHashMap<>();
    private final Map<String, String> ownerByAlias = new HashMap<>();

    Participants(Meeting meeting, Minutes offline) {
      Map<String, String> identified = new HashMap<>();
      for (SpeakerIdentification id : offline.identifiedSpeakers()) {
        identified.putIfAbsent(id.speakerId(), id.name());
      }
      for (Speaker speaker : meeting.speakers()) {
        String name = speaker.name();
        if (name == null || name.isBlank()) {
          name = identified.get(speaker.id());
        }
        // An owner is a speaker's name when known, else the speaker id (see ActionItem).
        String display = name == null || name.isBlank() ? speaker.id() : name.strip();
        displayById.put(speaker.id(), display);
        ownerByAlias.put(speaker.id().toLowerCase(Locale.ROOT), display);
        ownerByAlias.put(display.toLowerCase(Locale.ROOT), display);
      }
    }

    String display(String speakerId) {
      return displayById.getOrDefault(speakerId, speakerId);
    }

    String listing() {
      if (displayById.isEmpty()) {
        return "(unknown)";
      }
      return displayById.entrySet().stream()
          .map(
              e ->
                  e.getKey().equals(e.getValue())
                      ? e.getKey()
                      : e.getValue() + " (" + e.getKey() + ")")
          .collect(Collectors.joining(", "));
    }

    @Nullable String owner(JsonNode node) {
      if (!node.isString()) {
        return null;
      }
      return ownerByAlias.get(node.stringValue().strip().toLowerCase(Locale.ROOT));
    }
  }

  /** Finds the sentence an offline point came from, by its segments and start. */
  private static final class Provenance {

    private final List<Sentence> sentences;

    Provenance(List<Sentence> sentences) {
      this.sentences = sentences;
    }

    /** The sentence that shares a segment with the point and spans its start, if any. */
    @Nullable Sentence exact(long startMs, List<String> segmentIds) {
      for (Sentence s : sentences) {
        if (s.startMs() <= startMs
            && startMs <= s.endMs()
            && s.segmentIds().stream().anyMatch(segmentIds::contains)) {
          return s;
        }
      }
      return null;
    }

    /** The exact sentence, else the one starting closest to the point. */
    Sentence nearest(long startMs, List<String> segmentIds) {
      Sentence exact = exact(startMs, segmentIds);
      if (exact != null) {
        return exact;
      }
      return sentences.stream()
          .min(Comparator.comparingLong(s -> Math.abs(s.startMs() - startMs)))
          .orElseThrow();
    }

    static List<String> segmentIds(List<Sentence> sentences) {
      Set<String> ids = new LinkedHashSet<>();
      sentences.forEach(s -> ids.addAll(s.segmentIds()));
      return List.copyOf(ids);
    }
  }

  /** {@code max} points taken evenly across {@code points}, in order. */
  static List<SummaryPoint> spread(List<SummaryPoint> points, int max) {
    List<SummaryPoint> kept = new ArrayList<>();
    for (int k = 0; k < max; k++) {
      kept.add(points.get(k * points.size() / max));
    }
    return kept;
  }
}
