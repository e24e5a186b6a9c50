package dev.verbatim.server.actionitem;

import static dev.verbatim.server.StoredMeetings.action;
import static dev.verbatim.server.StoredMeetings.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.Members;
import dev.verbatim.server.StoredMeetings;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.meeting.MeetingStore;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The calendar feed as a calendar app fetches it: by a secret address alone, read back and
 * validated by ical4j, the library behind many calendar tools.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedTests {

  static final Path DATA = TestData.directory("verbatim-calendar");
  static final String HOSTILE =
      "Ship v2, then; tell \"legal\" \\ <b>ops</b> \u2014 r\u00e9sum\u00e9 \u6e2c\u8a66 and a very"
          + " long tail that goes on well past seventy-five octets so the line must fold";

  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MeetingStore meetings;
  @Autowired ApplicationEventPublisher publisher;

  Members.Member ana;
  String meeting;

  @BeforeAll
  void aMeetingWithActionItems() {
    StoredMeetings stored = new StoredMeetings(meetings, publisher, DATA);
    ApiClient admin = new ApiClient(port);
    ana = Members.create(admin, port, "Ana");
    meeting =
        stored.processed(
            ana.api(),
            "Launch, planning; v2",
            List.of(line("Ana", 0, "we ship on friday")),
            List.of(
                action("a1", HOSTILE, "Ana", LocalDate.of(2025, 3, 21), 65_000),
                action("a2", "Write the release notes", "Lin", null, 70_000),
                action("a3", "Order cake", "Ana", null, 75_000)));
    ActionItemApiTests.patch(ana.api(), meeting + ".a3", Map.of("status", "dismissed"));
  }

  @Test
  void theFeedIsValidICalendarWithOneToDoPerItem() throws Exception {
    String feedUrl = newFeedUrl();

    Calendar calendar = fetch(feedUrl);
    ValidationResult result = calendar.validate();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    Map<String, VToDo> byUid = todos(calendar);
    assertThat(byUid).containsOnlyKeys(meeting + ".a1@verbatim", meeting + ".a2@verbatim");
    VToDo first = byUid.get(meeting + ".a1@verbatim");
    assertThat(value(first, Property.SUMMARY)).isEqualTo(HOSTILE);
    assertThat(value(first, Property.DUE)).isEqualTo("20250321");
    assertThat(value(first, Property.STATUS)).isEqualTo("NEEDS-ACTION");
    assertThat(value(first, Property.URL))
        .isEqualTo(ana.api().base() + "/meetings/" + meeting + "?t=65.0");
    assertThat(value(first, Property.DESCRIPTION))
        .startsWith("\u201c" + HOSTILE + "\u201d\nOwner: Ana\nFrom Launch, planning; v2");
    assertThat(byUid.get(meeting + ".a2@verbatim").getProperty(Property.DUE)).isEmpty();
  }

  @Test
  void anItemMovedOnByATaskSystemChangesInTheFeedUnderTheSameUid() throws Exception {
    String feedUrl = newFeedUrl();
    ActionItemApiTests.patch(ana.api(), meeting + ".a2", Map.of("status", "done"));

    VToDo done = todos(fetch(feedUrl)).get(meeting + ".a2@verbatim");

    assertThat(value(done, Property.STATUS)).isEqualTo("COMPLETED");
    assertThat(done.getProperty(Property.COMPLETED)).isPresent();
    assertThat(Integer.parseInt(value(done, Property.SEQUENCE))).isPositive();
    ActionItemApiTests.patch(ana.api(), meeting + ".a2", Map.of("status", "open"));
  }

  @Test
  void ownerMeNarrowsTheFeedToTheReadersOwnItems() throws Exception {
    Calendar mine = fetch(newFeedUrl() + "&owner=me");

    assertThat(todos(mine)).containsOnlyKeys(meeting + ".a1@verbatim");
  }

  @Test
  void aNewAddressRevokesTheOldAndNothingWorksWithoutOne() throws Exception {
    String old = newFeedUrl();
    String current = newFeedUrl();

    assertThat(get(old).statusCode()).isEqualTo(401);
    assertThat(get(current).statusCode()).isEqualTo(200);
    assertThat(ana.api().delete("/api/me/feed-token").status()).isEqualTo(204);
    assertThat(get(current).statusCode()).isEqualTo(401);
    assertThat(get(ana.api().base() + "/api/action-items.ics").statusCode()).isEqualTo(401);
    assertThat(get(ana.api().base() + "/api/action-items.ics?token=vbf_guess").statusCode())
        .isEqualTo(401);
  }

  @Test
  void anotherMembersFeedHasNoneOfThisMeeting() throws Exception {
    Members.Member bo = Members.create(new ApiClient(port), port, "Bo");
    Response created = bo.api().post("/api/me/feed-token", Map.of());
    assertThat(created.status()).isEqualTo(201);

    Calendar feed = fetch(created.json().get("url").asString());

    assertThat(todos(feed)).isEmpty();
  }

  private String newFeedUrl() {
    Response created = ana.api().post("/api/me/feed-token", Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String url = created.json().get("url").asString();
    assertThat(url).contains("token=" + created.json().get("token").asString());
    return url;
  }

  /** Without credentials, as a calendar app does. */
  private static HttpResponse<String> get(String url) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Calendar fetch(String url) throws Exception {
    HttpResponse<String> response = get(url);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
    assertThat(response.body()).contains("\r\n");
    for (String line : response.body().split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .as(line)
          .isLessThanOrEqualTo(75);
    }
    return new CalendarBuilder().build(new StringReader(response.body()));
  }

  private static Map<String, VToDo> todos(Calendar calendar) {
    return calendar.getComponents().stream()
        .filter(VToDo.class::isInstance)
        .map(VToDo.class::cast)
        .collect(Collectors.toMap(todo -> value(todo, Property.UID), todo -> todo));
  }

  private static String value(VToDo todo, String property) {
    Optional<Property> found = todo.getProperty(property);
    assertThat(found).as(property).isPresent();
    return found.get().getValue();
  }
}
