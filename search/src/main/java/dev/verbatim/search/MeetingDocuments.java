package dev.verbatim.search;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SummaryPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.jspecify.annotations.Nullable;

/**
 * The index schema: how a meeting becomes Lucene documents and a stored document becomes a hit.
 * Changing what is indexed means raising {@link #SCHEMA_VERSION} so existing indexes get rebuilt.
 */
final class MeetingDocuments {

  /** Raise whenever fields or analysis change; see {@link MeetingIndex#isCurrentSchema()}. */
  static final String SCHEMA_VERSION = "1";

  static final String KIND = "kind";
  static final String MEETING_ID = "meetingId";
  static final String TITLE = "title";
  static final String DATE = "date";
  static final String TEXT = "text";
  static final String SPEAKER = "speaker";
  static final String SPEAKER_ID = "speakerId";
  static final String SEGMENT_ID = "segmentId";
  static final String START_MS = "startMs";
  static final String END_MS = "endMs";
  static final String KEYWORD = "keyword";
  static final String DUE = "due";
  static final String STATUS = "status";

  /** The analysed fields a query may name, as in {@code speaker:alice}. */
  static final Set<String> QUERYABLE_FIELDS = Set.of(TEXT, TITLE, SPEAKER);

  /** Offsets in the postings let the highlighter find matches without re-analysing the text. */
  private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_STORED);

  static {
    HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED_TEXT.freeze();
  }

  private MeetingDocuments() {}

  /** One document per segment, one for the meeting and one per action item. */
  static List<Document> of(String meetingId, Meeting meeting) {
    Map<String, String> speakerNames = new HashMap<>();
    for (Speaker speaker : meeting.speakers()) {
      if (speaker.name() != null && !speaker.name().isBlank()) {
        speakerNames.put(speaker.id(), speaker.name());
      }
    }
    List<Document> documents = new ArrayList<>();
    for (Segment segment : meeting.segments()) {
      Document document = common(SearchHit.SEGMENT, meetingId, meeting);
      document.add(new StringField(SEGMENT_ID, segment.id(), Field.Store.YES));
      document.add(new StringField(SPEAKER_ID, segment.speakerId(), Field.Store.YES));
      String speaker = speakerNames.getOrDefault(segment.speakerId(), segment.speakerId());
      document.add(new TextField(SPEAKER, speaker, Field.Store.YES));
      document.add(new StoredField(START_MS, segment.startMs()));
      document.add(new StoredField(END_MS, segment.endMs()));
      document.add(new Field(TEXT, segment.text(), HIGHLIGHTED_TEXT));
      documents.add(document);
    }
    documents.add(meetingDocument(meetingId, meeting, speakerNames));
    for (ActionItem action : meeting.minutes().actionItems()) {
      Document document = common(SearchHit.ACTION, meetingId, meeting);
      if (!action.segmentIds().isEmpty()) {
        document.add(new StringField(SEGMENT_ID, action.segmentIds().get(0), Field.Store.YES));
      }
      if (action.owner() != null) {
        document.add(new TextField(SPEAKER, action.owner(), Field.Store.YES));
      }
      if (action.due() != null) {
        document.add(new StoredField(DUE, action.due().toString()));
      }
      document.add(new StringField(STATUS, action.status().name(), Field.Store.YES));
      document.add(new StoredField(START_MS, action.startMs()));
      document.add(new Field(TEXT, action.text(), HIGHLIGHTED_TEXT));
      documents.add(document);
    }
    return documents;
  }

  private static Document meetingDocument(
      String meetingId, Meeting meeting, Map<String, String> speakerNames) {
    Document document = common(SearchHit.MEETING, meetingId, meeting);
    List<String> participants = new ArrayList<>();
    for (Speaker speaker : meeting.speakers()) {
      String name = speakerNames.get(speaker.id());
      if (name != null) {
        participants.add(name);
        document.add(new TextField(SPEAKER, name, Field.Store.YES));
      }
    }
    for (String keyword : meeting.minutes().keywords()) {
      document.add(new StoredField(KEYWORD, keyword));
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
    for (Decision decision : meeting.minutes().decisions()) {
      lines.add(decision.text());
    }
    if (!meeting.minutes().keywords().isEmpty()) {
      lines.add(String.join(", ", meeting.minutes().keywords()));
    }
    document.add(new Field(TEXT, String.join("\n", lines), HIGHLIGHTED_TEXT));
    return document;
  }

  private static Document common(String kind, String meetingId, Meeting meeting) {
    Document document = new Document();
    document.add(new StringField(KIND, kind, Field.Store.YES));
    document.add(new StringField(MEETING_ID, meetingId, Field.Store.YES));
    document.add(new TextField(TITLE, meeting.title(), Field.Store.YES));
    document.add(new StoredField(DATE, meeting.date().toString()));
    return document;
  }

  /** The hit a stored document stands for, with its already formatted snippet. */
  static SearchHit hit(Document document, String snippet, float score) {
    String date = document.get(DATE);
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
        score);
  }

  private static String required(Document document, String field) {
    @Nullable String value = document.get(field);
    if (value == null) {
      throw new IllegalStateException("Indexed document has no " + field + ": " + document);
    }
    return value;
  }
}
