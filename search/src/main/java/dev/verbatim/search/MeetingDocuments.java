package dev.verbatim.search;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Chapter;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SummaryPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.jspecify.annotations.Nullable;

/**
 * The index schema: how a meeting becomes Lucene documents and a stored document becomes a hit.
 * Changing what is indexed means raising {@link #SCHEMA_VERSION} so existing indexes get rebuilt.
 */
final class MeetingDocuments {

  /** Raise whenever fields or analysis change; see {@link MeetingIndex#isCurrentSchema()}. */
  static final String SCHEMA_VERSION = "2";

  static final String KIND = "kind";
  static final String MEETING_ID = "meetingId";
  static final String TITLE = "title";
  static final String DATE = "date";
  static final String DAY = "day";
  static final String TEXT = "text";
  static final String SOUND = "sound";
  static final String SPEAKER = "speaker";
  static final String SPEAKER_KEY = "speakerKey";
  static final String SPEAKER_ID = "speakerId";
  static final String OWNER_KEY = "ownerKey";
  static final String SEGMENT_ID = "segmentId";
  static final String ACTION_ID = "actionId";
  static final String START_MS = "startMs";
  static final String END_MS = "endMs";
  static final String KEYWORD = "keyword";
  static final String KEYWORD_KEY = "keywordKey";
  static final String DUE = "due";
  static final String DUE_DAY = "dueDay";
  static final String DUE_ORDER = "dueOrder";
  static final String STATUS = "status";
  static final String AUDIENCE = "audience";

  /** Facet dimensions, counted from doc values. */
  static final String SPEAKER_FACET = "speaker";

  static final String MEETING_FACET = "meeting";
  static final String MONTH_FACET = "month";
  static final String OWNER_FACET = "owner";
  static final String KEYWORD_FACET = "keyword";

  /** The analysed fields a query may name, as in {@code speaker:alice}. */
  static final Set<String> QUERYABLE_FIELDS = Set.of(TEXT, TITLE, SPEAKER);

  static final FacetsConfig FACETS = new FacetsConfig();

  static {
    FACETS.setMultiValued(SPEAKER_FACET, true);
    FACETS.setMultiValued(KEYWORD_FACET, true);
  }

  /** Offsets in the postings let the highlighter find matches without re-analysing the text. */
  private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_STORED);

  /**
   * The sound-alike codes of the same text, not stored: the highlighter marks their matches in
   * {@link #TEXT} through their offsets, which is why they must be in the postings too.
   */
  private static final FieldType SOUND_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED_TEXT.freeze();
    SOUND_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    SOUND_TEXT.freeze();
  }

  private MeetingDocuments() {}

  /** One document per segment, one for the meeting and one per action item. */
  static List<Document> of(String meetingId, Meeting meeting, Audience audience) {
    Map<String, String> speakerNames = new HashMap<>();
    for (Speaker speaker : meeting.speakers()) {
      if (speaker.name() != null && !speaker.name().isBlank()) {
        speakerNames.put(speaker.id(), speaker.name());
      }
    }
    List<Document> documents = new ArrayList<>();
    for (Segment segment : meeting.segments()) {
      Document document = common(SearchHit.SEGMENT, meetingId, meeting, audience);
      document.add(new StringField(SEGMENT_ID, segment.id(), Field.Store.YES));
      document.add(new StringField(SPEAKER_ID, segment.speakerId(), Field.Store.YES));
      String name = speakerNames.get(segment.speakerId());
      addSpeaker(document, name == null ? segment.speakerId() : name, name != null);
      document.add(new StoredField(START_MS, segment.startMs()));
      document.add(new StoredField(END_MS, segment.endMs()));
      addText(document, segment.text());
      documents.add(build(document));
    }
    documents.add(build(meetingDocument(meetingId, meeting, audience, speakerNames)));
    for (ActionItem action : meeting.minutes().actionItems()) {
      documents.add(build(actionDocument(meetingId, meeting, audience, action)));
    }
    return documents;
  }

  private static Document actionDocument(
      String meetingId, Meeting meeting, Audience audience, ActionItem action) {
    Document document = common(SearchHit.ACTION, meetingId, meeting, audience);
    document.add(new StringField(ACTION_ID, action.id(), Field.Store.YES));
    if (!action.segmentIds().isEmpty()) {
      document.add(new StringField(SEGMENT_ID, action.segmentIds().get(0), Field.Store.YES));
    }
    if (action.owner() != null && !action.owner().isBlank()) {
      // The owner is searched as a speaker too: "speaker:lin" finds what Lin said and took on.
      addSpeaker(document, action.owner(), true);
      document.add(new StringField(OWNER_KEY, key(action.owner()), Field.Store.NO));
      document.add(new SortedSetDocValuesFacetField(OWNER_FACET, action.owner()));
    }
    // Sorting by due date puts items without one last.
    long dueDay = action.due() == null ? Long.MAX_VALUE : action.due().toEpochDay();
    if (action.due() != null) {
      document.add(new StoredField(DUE, action.due().toString()));
      document.add(new LongPoint(DUE_DAY, dueDay));
    }
    // Its own field: Lucene wants every document with a point field to have the point.
    document.add(new NumericDocValuesField(DUE_ORDER, dueDay));
    String status = action.status().name().toLowerCase(Locale.ROOT);
    document.add(new StringField(STATUS, status, Field.Store.YES));
    document.add(new StoredField(START_MS, action.startMs()));
    addText(document, action.text());
    return document;
  }

  private static Document meetingDocument(
      String meetingId, Meeting meeting, Audience audience, Map<String, String> speakerNames) {
    Document document = common(SearchHit.MEETING, meetingId, meeting, audience);
    Set<String> participants = new LinkedHashSet<>();
    for (Speaker speaker : meeting.speakers()) {
      String name = speakerNames.get(speaker.id());
      if (name != null && participants.add(name)) {
        addSpeaker(document, name, true);
      }
    }
    for (String keyword : new LinkedHashSet<>(meeting.minutes().keywords())) {
      if (!keyword.isBlank()) {
        document.add(new StoredField(KEYWORD, keyword));
        document.add(new StringField(KEYWORD_KEY, key(keyword), Field.Store.NO));
        document.add(new SortedSetDocValuesFacetField(KEYWORD_FACET, keyword));
      }
    }
    document.add(new StoredField(START_MS, 0L));
    // One field, one line per part, so a single highlighter pass covers all of it.
    List<String> lines = new ArrayList<>();
    lines.add(meeting.title());
    if (!participants.isEmpty()) {
      lines.add(String.join(", ", participants));
    }
    for (SummaryPoint point : meeting.minutes().summary()) {
      lines.add(point.text());
    }
    for (Chapter chapter : meeting.minutes().chapters()) {
      lines.add(chapter.title());
    }
    for (Decision decision : meeting.minutes().decisions()) {
      lines.add(decision.text());
    }
    if (!meeting.minutes().keywords().isEmpty()) {
      lines.add(String.join(", ", meeting.minutes().keywords()));
    }
    addText(document, String.join("\n", lines));
    return document;
  }

  private static Document common(
      String kind, String meetingId, Meeting meeting, Audience audience) {
    Document document = new Document();
    document.add(new StringField(KIND, kind, Field.Store.YES));
    document.add(new StringField(MEETING_ID, meetingId, Field.Store.YES));
    document.add(new SortedSetDocValuesFacetField(MEETING_FACET, meetingId));
    document.add(new TextField(TITLE, meeting.title(), Field.Store.YES));
    LocalDate date = meeting.date();
    document.add(new StoredField(DATE, date.toString()));
    document.add(new LongPoint(DAY, date.toEpochDay()));
    document.add(new NumericDocValuesField(DAY, date.toEpochDay()));
    document.add(new SortedSetDocValuesFacetField(MONTH_FACET, date.toString().substring(0, 7)));
    for (String term : audience.terms()) {
      document.add(new StringField(AUDIENCE, term, Field.Store.NO));
    }
    return document;
  }

  private static void addText(Document document, String text) {
    document.add(new Field(TEXT, text, HIGHLIGHTED_TEXT));
    document.add(new Field(SOUND, text, SOUND_TEXT));
  }

  /**
   * A speaker's name as searched text, as an exact key for filters and, when they have a name
   * rather than an id that means nothing outside this meeting, as a facet value.
   */
  private static void addSpeaker(Document document, String name, boolean named) {
    // Stored once: a hit shows the first, which is the speaker or the owner.
    Field.Store store = document.getField(SPEAKER) == null ? Field.Store.YES : Field.Store.NO;
    document.add(new TextField(SPEAKER, name, store));
    document.add(new StringField(SPEAKER_KEY, key(name), Field.Store.NO));
    if (named) {
      document.add(new SortedSetDocValuesFacetField(SPEAKER_FACET, name));
    }
  }

  /** How names and keywords compare in filters: by case-folded, trimmed text. */
  static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  private static Document build(Document document) {
    try {
      return FACETS.build(document);
    } catch (IOException e) {
      // Sorted-set facets never touch a taxonomy, so there is nothing to read or write.
      throw new UncheckedIOException("Cannot build the facet fields of " + document, e);
    }
  }

  /** The hit a stored document stands for, with its already formatted snippet. */
  static SearchHit hit(Document document, String snippet, float score) {
    String date = document.get(DATE);
    String due = document.get(DUE);
    IndexableField start = document.getField(START_MS);
    return new SearchHit(
        required(document, KIND),
        required(document, MEETING_ID),
        required(document, TITLE),
        date == null ? null : LocalDate.parse(date),
        document.get(SEGMENT_ID),
        start == null ? 0 : start.numericValue().longValue(),
        SearchHit.MEETING.equals(document.get(KIND)) ? null : document.get(SPEAKER),
        snippet,
        score,
        document.get(ACTION_ID),
        due == null ? null : LocalDate.parse(due),
        document.get(STATUS));
  }

  private static String required(Document document, String field) {
    @Nullable String value = document.get(field);
    if (value == null) {
      throw new IllegalStateException("Indexed document has no " + field + ": " + document);
    }
    return value;
  }
}
