package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Chapter;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.SummaryPoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmRefinementTests {

  private static final List<Sentence> SENTENCES =
      List.of(
          sentence("s1", "S1", 0, 4_000, "Good morning, let us go through the launch.", "g1"),
          sentence("s2", "S2", 4_500, 9_000, "The beta has forty users and fewer crashes.", "g2"),
          sentence(
              "s3", "S1", 9_500, 14_000, "I will send the numbers to finance on Friday.", "g3"),
          sentence("s4", "S2", 14_500, 19_000, "Can you also book the room for the review?", "g4"),
          sentence("s5", "S1", 19_500, 23_000, "Sure, I will book it today.", "g4"),
          sentence("s6", "S3", 23_500, 28_000, "We decided to ship on the twentieth.", "g5"));

  private static final ActionItem OFFLINE_ITEM =
      new ActionItem(
          "a-1",
          "Send the numbers to finance",
          "Priya",
          LocalDate.of(2024, 5, 10),
          ActionItemStatus.OPEN,
          9_500,
          List.of("g3"),
          0.8,
          "i will send the numbers to finance on friday");

  private static final Minutes OFFLINE =
      new Minutes(
          "general",
          SENTENCES,
          List.of(new SummaryPoint("The beta has forty users.", 4_500, List.of("g2"))),
          List.of(new Chapter("Launch", 0, 28_000, List.of("g1", "g2", "g3", "g4", "g5"))),
          List.of("beta", "finance"),
          List.of(
              new Decision(
                  "d-1",
                  "Ship on the twentieth",
                  23_500,
                  List.of("g5"),
                  0.9,
                  "we decided to ship")),
          List.of(OFFLINE_ITEM),
          List.of(new SpeakerIdentification("S3", "Tom", "g4", "Tom, can you …")));

  private static final Meeting MEETING =
      new Meeting(
          Meeting.SCHEMA,
          "m-1",
          "Launch sync",
          LocalDate.of(2024, 5, 6),
          28_000,
          "en",
          new Source(List.of()),
          List.of(
              new Speaker("S1", "Priya", 14_000),
              new Speaker("S2", null, 9_000),
              new Speaker("S3", null, 4_500)),
          List.of(
              new Segment(
                  "g1", "S1", 0, 4_000, "good morning let us go through the launch", List.of()),
              new Segment("g2", "S2", 4_500, 9_000, "the beta has forty users", List.of()),
              new Segment("g3", "S1", 9_500, 14_000, "i will send the numbers", List.of()),
              new Segment("g4", "S2", 14_500, 23_000, "can you also book the room", List.of()),
              new Segment("g5", "S3", 23_500, 28_000, "we decided to ship", List.of())),
          Minutes.empty());

  private static final String GOOD_ANSWER =
      """
      {"summary":[
        {"text":"The beta reached forty users with fewer crashes.","sentenceIds":["s2"]},
        {"text":"The team will ship on the twentieth.","sentenceIds":["s6"]}],
       "actionItems":[
        {"text":"Send the beta numbers to finance","owner":"Priya","due":"2024-05-10",
         "sentenceIds":["s3"]},
        {"text":"Book the room for the review","owner":"S1","due":"2024-05-06",
         "sentenceIds":["s5","s4"]}]}
      """;

  private final LocalChatServer api;

  LlmRefinementTests() throws IOException {
    api = new LocalChatServer();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static Sentence sentence(
      String id, String speaker, long start, long end, String text, String segment) {
    return new Sentence(id, speaker, start, end, text, text.endsWith("?"), List.of(segment));
  }

  private LlmRefinement refinement() {
    return new LlmRefinement(api.llm("sk-test", Duration.ofSeconds(10)));
  }

  @Test
  void goodAnswerReplacesSummaryAndActionItemsWithProvenanceFromTheCitedSentences() {
    api.answer(GOOD_ANSWER);

    Minutes refined = refinement().refine(MEETING, OFFLINE);

    assertThat(refined.summary())
        .containsExactly(
            new SummaryPoint(
                "The beta reached forty users with fewer crashes.", 4_500, List.of("g2")),
            new SummaryPoint("The team will ship on the twentieth.", 23_500, List.of("g5")));
    assertThat(refined.actionItems())
        .containsExactly(
            // Same sentence as the offline item: its id and confidence stay, so links survive.
            new ActionItem(
                "a-1",
                "Send the beta numbers to finance",
                "Priya",
                LocalDate.of(2024, 5, 10),
                ActionItemStatus.OPEN,
                9_500,
                List.of("g3"),
                0.8,
                "I will send the numbers to finance on Friday."),
            new ActionItem(
                "a-2",
                "Book the room for the review",
                "Priya",
                LocalDate.of(2024, 5, 6),
                ActionItemStatus.OPEN,
                14_500,
                List.of("g4"),
                LlmRefinement.LLM_CONFIDENCE,
                "Can you also book the room for the review? Sure, I will book it today."));
    assertThat(refined)
        .usingRecursiveComparison()
        .ignoringFields("summary", "actionItems")
        .isEqualTo(OFFLINE);
  }

  @Test
  void promptHoldsTheNumberedTranscriptAndTheOfflineDrafts() {
    api.answer(GOOD_ANSWER);

    refinement().refine(MEETING, OFFLINE);

    assertThat(api.requests()).hasSize(1);
    LocalChatServer.Request request = api.requests().get(0);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.authorization()).isEqualTo("Bearer sk-test");
    assertThat(request.body().path("model").asString()).isEqualTo("test-model");
    String system = api.requests().get(0).message("system");
    String user = api.requests().get(0).message("user");
    assertThat(system).contains("\"sentenceIds\"").contains("\"actionItems\"");
    assertThat(user)
        .contains("Date: 2024-05-06 (Monday)")
        .contains("Participants: Priya (S1), S2, Tom (S3)")
        .contains("- The beta has forty users.")
        .contains("- [s3] Send the numbers to finance (owner: Priya; due: 2024-05-10)")
        .contains("[s1] Priya (00:00): Good morning, let us go through the launch.")
        .contains("[s4] S2 (00:14): Can you also book the room for the review?")
        .contains("[s6] Tom (00:23): We decided to ship on the twentieth.")
        .doesNotContain("part 1");
  }

  @Test
  void pointsCitingUnknownSentencesAreLeftOut() {
    api.answer(
        """
        {"summary":[
          {"text":"Forty beta users.","sentenceIds":["s2"]},
          {"text":"Revenue doubled.","sentenceIds":["s77"]},
          {"text":"Nothing to cite.","sentenceIds":[]}],
         "actionItems":[
          {"text":"Call the board","owner":"Priya","due":null,"sentenceIds":["s99"]},
          {"text":"Send the numbers","owner":"Priya","due":null,"sentenceIds":["s3","s42"]},
          {"text":"Ship on the twentieth","owner":null,"due":"2024-05-20","sentenceIds":["[s6]"]}]}
        """);

    Minutes refined = refinement().refine(MEETING, OFFLINE);

    assertThat(refined.summary())
        .extracting(SummaryPoint::text)
        .containsExactly("Forty beta users.");
    assertThat(refined.actionItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.id()).isEqualTo("a-2");
              assertThat(item.text()).isEqualTo("Ship on the twentieth");
              assertThat(item.segmentIds()).containsExactly("g5");
              assertThat(item.startMs()).isEqualTo(23_500);
              assertThat(item.due()).isEqualTo(LocalDate.of(2024, 5, 20));
              assertThat(item.owner()).isNull();
            });
  }

  @Test
  void ownerWhoIsNotAParticipantBecomesNobodyAndKnownOnesTakeTheirName() {
    api.answer(
        """
        {"summary":[],"actionItems":[
          {"text":"Send the numbers","owner":"Bob","due":"2024-05-10","sentenceIds":["s3"]},
          {"text":"Book the room","owner":"priya","due":"next Friday","sentenceIds":["s5"]},
          {"text":"Ship it","owner":"s3","due":"2024-02-30","sentenceIds":["s6"]},
          {"text":"Check the beta","owner":"Tom","due":"","sentenceIds":["s2"]},
          {"text":"Report crashes","owner":42,"sentenceIds":["s2"]}]}
        """);

    Minutes refined = refinement().refine(MEETING, OFFLINE);

    assertThat(refined.actionItems())
        .extracting(ActionItem::text, ActionItem::owner, ActionItem::due)
        .containsExactly(
            tuple("Check the beta", "Tom", null),
            tuple("Report crashes", null, null),
            tuple("Send the numbers", null, LocalDate.of(2024, 5, 10)),
            tuple("Book the room", "Priya", null),
            tuple("Ship it", "Tom", null));
    assertThat(refined.actionItems()).extracting(ActionItem::id).doesNotHaveDuplicates();
  }

  @Test
  void blankOrOverlongTextIsLeftOut() {
    api.answer(
        "{\"summary\":[{\"text\":\"  \",\"sentenceIds\":[\"s1\"]}],\"actionItems\":["
            + "{\"text\":\""
            + "a".repeat(301)
            + "\",\"owner\":null,\"due\":null,\"sentenceIds\":[\"s3\"]},"
            + "{\"text\":\""
            + "b".repeat(300)
            + "\",\"owner\":null,\"due\":null,\"sentenceIds\":[\"s3\"]}]}");

    Minutes refined = refinement().refine(MEETING, OFFLINE);

    assertThat(refined.summary()).isEqualTo(OFFLINE.summary());
    assertThat(refined.actionItems()).extracting(ActionItem::text).containsExactly("b".repeat(300));
  }

  @Test
  void emptySummaryKeepsTheOfflineSummary() {
    api.answer(
        """
        {"summary":[],"actionItems":[
          {"text":"Send the numbers","owner":"Priya","due":null,"sentenceIds":["s3"]}]}
        """);

    Minutes refined = refinement().refine(MEETING, OFFLINE);

    assertThat(refined.summary()).isEqualTo(OFFLINE.summary());
    assertThat(refined.actionItems()).extracting(ActionItem::id).containsExactly("a-1");
  }

  @Test
  void noActionItemsInTheAnswerMeansThereAreNone() {
    api.answer(
        "{\"summary\":[{\"text\":\"Forty users.\",\"sentenceIds\":[\"s2\"]}],"
            + "\"actionItems\":[]}");

    assertThat(refinement().refine(MEETING, OFFLINE).actionItems()).isEmpty();
  }

  @Test
  void answerWhoseEveryActionItemFailsTheChecksKeepsTheOfflineActionItems() {
    api.answer(
        """
        {"summary":[],"actionItems":[
          {"text":"Call the board","owner":"Priya","due":null,"sentenceIds":["s99"]}]}
        """);

    assertThat(refinement().refine(MEETING, OFFLINE).actionItems()).containsExactly(OFFLINE_ITEM);
  }

  @Test
  void twoTasksFromOneSentenceGetDistinctIds() {
    api.answer(
        """
        {"summary":[],"actionItems":[
          {"text":"Send the numbers","owner":"Priya","due":null,"sentenceIds":["s3"]},
          {"text":"Tell finance","owner":"Priya","due":null,"sentenceIds":["s3"]}]}
        """);

    assertThat(refinement().refine(MEETING, OFFLINE).actionItems())
        .extracting(ActionItem::id, ActionItem::confidence)
        .containsExactly(tuple("a-1", 0.8), tuple("a-2", LlmRefinement.LLM_CONFIDENCE));
  }

  @Test
  void jsonInAMarkdownFenceIsStillRead() {
    api.answer("```json\n" + GOOD_ANSWER + "```");

    assertThat(refinement().refine(MEETING, OFFLINE).actionItems()).hasSize(2);
  }

  @Test
  void serverErrorKeepsTheOfflineMinutes() {
    api.failWith(500, "{\"error\":\"out of memory\"}");

    assertThat(refinement().refine(MEETING, OFFLINE)).isSameAs(OFFLINE);
  }

  @Test
  void endlessReplyKeepsTheOfflineMinutes() {
    api.answer(
        request ->
            new LocalChatServer.Response(
                200, LocalChatServer.completion("x".repeat(ChatCompletions.MAX_RESPONSE_BYTES))));

    assertThat(refinement().refine(MEETING, OFFLINE)).isSameAs(OFFLINE);
  }

  @Test
  void longSummariesAreThinnedEvenlyToEightPoints() {
    List<SummaryPoint> points = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      points.add(new SummaryPoint("Point " + i, i * 1000L, List.of("g" + i)));
    }

    List<SummaryPoint> kept = LlmRefinement.spread(points, Summary.MAX_POINTS);

    assertThat(kept)
        .extracting(SummaryPoint::text)
        .containsExactly(
            "Point 0",
            "Point 5",
            "Point 10",
            "Point 15",
            "Point 20",
            "Point 25",
            "Point 30",
            "Point 35");
  }

  @Test
  void answerThatIsNotJsonKeepsTheOfflineMinutes() {
    api.answer("Sure! Here are the improved minutes: the beta went well.");

    assertThat(refinement().refine(MEETING, OFFLINE)).isSameAs(OFFLINE);
  }

  @Test
  void jsonOfAnotherShapeKeepsTheOfflineMinutes() {
    api.answer("{\"summary\":\"The beta went well.\",\"actionItems\":[]}");
    assertThat(refinement().refine(MEETING, OFFLINE)).isSameAs(OFFLINE);

    api.answer("{\"minutes\":[]}");
    assertThat(refinement().refine(MEETING, OFFLINE)).isSameAs(OFFLINE);

    api.answer("[1, 2, 3]");
    assertThat(refinement().refine(MEETING, OFFLINE)).isSameAs(OFFLINE);
  }

  @Test
  void slowServerKeepsTheOfflineMinutes() {
    api.hang();

    Minutes refined =
        new LlmRefinement(api.llm("sk-test", Duration.ofSeconds(1))).refine(MEETING, OFFLINE);

    assertThat(refined).isSameAs(OFFLINE);
  }

  @Test
  void unreachableServerKeepsTheOfflineMinutes() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LlmRefinement refinement =
        new LlmRefinement(
            new MinutesProperties.Llm(
                URI.create("http://127.0.0.1:" + port + "/v1"),
                "m",
                "sk-test",
                Duration.ofSeconds(5)));

    assertThat(refinement.refine(MEETING, OFFLINE)).isSameAs(OFFLINE);
  }

  @Test
  void meetingWithoutSentencesAsksNothing() {
    Minutes empty = Minutes.empty();

    assertThat(refinement().refine(MEETING, empty)).isSameAs(empty);
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void longMeetingIsSentInPartsAndSentencesAfterTheLastPartKeepTheOfflineMinutes() {
    // Answers each part about its own first sentence, as a model would.
    Pattern cited = Pattern.compile("^\\[(s\\d+)]", Pattern.MULTILINE);
    api.answer(
        request -> {
          Matcher m = cited.matcher(request.message("user"));
          String id = m.find() ? m.group(1) : "none";
          String content =
              "{\"summary\":[{\"text\":\"Point about "
                  + id
                  + "\",\"sentenceIds\":[\""
                  + id
                  + "\"]}],\"actionItems\":[{\"text\":\"Follow up on "
                  + id
                  + "\",\"owner\":null,\"due\":null,\"sentenceIds\":[\""
                  + id
                  + "\"]}]}";
          return new LocalChatServer.Response(200, LocalChatServer.completion(content));
        });
    // One sentence a part, and two parts at most: s3 to s6 are never sent.
    LlmRefinement refinement =
        new LlmRefinement(new ChatCompletions(api.llm(null, Duration.ofSeconds(10))), 1, 2);

    Minutes refined = refinement.refine(MEETING, OFFLINE);

    assertThat(api.requests()).hasSize(2);
    List<String> transcripts = new ArrayList<>();
    for (LocalChatServer.Request request : api.requests()) {
      String user = request.message("user");
      assertThat(user).contains("which is too long to send whole");
      transcripts.add(user.substring(user.indexOf("Transcript:")).strip());
    }
    assertThat(transcripts)
        .containsExactly(
            "Transcript:\n[s1] Priya (00:00): Good morning, let us go through the launch.",
            "Transcript:\n[s2] S2 (00:04): The beta has forty users and fewer crashes.");
    assertThat(refined.summary())
        .extracting(SummaryPoint::text)
        .containsExactly("Point about s1", "Point about s2");
    assertThat(refined.actionItems())
        .extracting(ActionItem::id, ActionItem::text)
        .containsExactly(
            tuple("a-2", "Follow up on s1"),
            tuple("a-3", "Follow up on s2"),
            tuple("a-1", "Send the numbers to finance"));
    assertThat(refined.actionItems().get(2)).isSameAs(OFFLINE_ITEM);
  }
}
