package dev.verbatim.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.jitsi.JigasiClient;
import dev.verbatim.server.jitsi.JigasiEvents;
import dev.verbatim.testsupport.ExternalTool;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.Voice;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web UI in a real (headless) Chromium against the real service: upload, live progress, the
 * transcript and player in step, renaming a speaker, escaping of hostile text, the glossary and
 * find-and-replace, minutes templates, and edit conflicts on action items. Screenshots of each step
 * go to {@code target/screenshots}.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jitsi.enabled=true")
class MeetingPagesBrowserTests {

  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("verbatim.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path CHROMIUM =
      Path.of(System.getProperty("verbatim.test.chromium", "/usr/bin/chromium"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Processing the 48 s sample takes seconds; this is how long to wait, not a performance bar. */
  private static final Duration PROCESSING = Duration.ofMinutes(3);

  private static final Path DATA = dataDirectory();

  private static @Nullable ChromeDriver driver;
  private static @Nullable Path profile;
  private static @Nullable String meetingUrl;
  private static boolean signedIn;

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void dataInATemporaryDirectory(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
    registry.add("verbatim.search.index-dir", () -> DATA.resolve("index").toString());
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:file:"
                + DATA.resolve("verbatim")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      fail(
          "The browser tests need Chromium and its driver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian packages chromium and chromium-driver), or their paths in the system"
              + " properties verbatim.test.chromium and verbatim.test.chromedriver.");
    }
    profile = Files.createTempDirectory("verbatim-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--autoplay-policy=no-user-gesture-required",
        "--window-size=1366,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The named driver, so Selenium never looks for (or downloads) one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    driver = new ChromeDriver(options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** The browser signs in with the form once, as the test admin; the session lasts the class. */
  @BeforeEach
  void signedIn() {
    if (signedIn) {
      return;
    }
    browser().get(url("/login"));
    browser().findElement(By.id("email")).sendKeys(ApiClient.adminEmail());
    browser().findElement(By.id("password")).sendKeys(ApiClient.adminPassword());
    browser().findElement(By.id("login-submit")).click();
    waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    signedIn = true;
  }

  /** A script error on any page fails the test that caused it. */
  @AfterEach
  void pagesRanWithoutScriptErrors() {
    List<String> errors =
        browser().manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Uncaught") || m.contains("SyntaxError"))
            .toList();
    assertThat(errors).as("JavaScript errors").isEmpty();
  }

  @Test
  @Order(1)
  void freshListShowsTheEmptyState() {
    browser().get(url("/"));

    assertThat(browser().findElement(By.cssSelector("#drop-zone")).getText())
        .contains("No meetings yet — drop a recording here");
    assertThat(browser().findElement(By.id("list-empty")).isDisplayed()).isTrue();
    assertThat(browser().findElements(By.cssSelector(".meeting-row"))).isEmpty();
    screenshot("01-empty-list");
  }

  @Test
  @Order(2)
  void uploadedRecordingShowsProgressThenTheTranscript() {
    uploadedMeeting();

    List<WebElement> words = browser().findElements(By.cssSelector("#transcript .w"));
    assertThat(words).hasSizeGreaterThan(50);
    assertThat(words.get(0).getAttribute("data-start")).isNotBlank();
    assertThat(browser().findElement(By.id("status-badge")).getText())
        .isEqualToIgnoringCase("done");
    assertThat(browser().findElements(By.cssSelector("#speakers .speaker"))).isNotEmpty();
    assertThat(browser().findElement(By.id("player")).getAttribute("src"))
        .contains("/api/meetings/");

    browser().manage().window().setSize(new Dimension(390, 844));
    screenshot("03-transcript-phone");
    browser().manage().window().setSize(new Dimension(1366, 900));
  }

  @Test
  @Order(3)
  void clickingAWordSeeksThePlayerToIt() {
    browser().get(uploadedMeeting());
    List<WebElement> words = browser().findElements(By.cssSelector("#transcript .w"));

    assertPlayerSeeksToClicked(words.get(words.size() / 2));
    screenshot("04-word-clicked");
  }

  @Test
  @Order(4)
  void renamedSpeakerShowsInTheTranscriptAndAfterReload() {
    browser().get(uploadedMeeting());
    String speakerId =
        browser()
            .findElement(By.cssSelector("#transcript .speaker-label"))
            .getAttribute("data-speaker");
    WebElement speaker =
        browser()
            .findElement(By.cssSelector("#speakers .speaker[data-speaker='" + speakerId + "']"));

    speaker.findElement(By.cssSelector(".rename")).click();
    WebElement input = speaker.findElement(By.cssSelector(".rename-form input"));
    input.clear();
    input.sendKeys("Dana Scully");
    speaker.findElement(By.cssSelector(".rename-form button[type=submit]")).click();

    By label = By.cssSelector("#transcript .speaker-label[data-speaker='" + speakerId + "']");
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(label, "Dana Scully"));
    screenshot("05-speaker-renamed");
    browser().navigate().refresh();
    assertThat(browser().findElements(label))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getText()).isEqualTo("Dana Scully"));
    assertThat(speakerName(speakerId)).isEqualTo("Dana Scully");
  }

  @Test
  @Order(5)
  void hostileTitleShowsAsPlainText() {
    browser().get(uploadedMeeting());
    browser().findElement(By.id("edit-title")).click();
    WebElement title = browser().findElement(By.id("title-input"));
    title.clear();
    title.sendKeys(HOSTILE);
    browser().findElement(By.cssSelector("#title-form button[type=submit]")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("meeting-title"), HOSTILE));

    browser().navigate().refresh();
    assertThat(browser().findElement(By.id("meeting-title")).getText()).isEqualTo(HOSTILE);
    assertThat(browser().findElements(By.cssSelector("main img"))).isEmpty();
    assertNoAlert();
    screenshot("06-hostile-title-meeting");

    browser().get(url("/"));
    assertThat(browser().findElement(By.cssSelector(".meeting-row .meeting-title")).getText())
        .isEqualTo(HOSTILE);
    assertThat(browser().findElements(By.cssSelector("main img"))).isEmpty();
    assertNoAlert();
    screenshot("07-hostile-title-list");
  }

  @Test
  @Order(6)
  void unknownMeetingShowsTheNotFoundPage() {
    browser().get(url("/meetings/m-does-not-exist"));

    assertThat(browser().findElement(By.tagName("h1")).getText()).contains("couldn’t find");
    assertThat(browser().getPageSource()).doesNotContain("Exception");
    screenshot("08-not-found");
  }

  @Test
  @Order(7)
  void uploadResumesAfterAReloadAndAfterADroppedConnection() {
    browser().get(url("/"));
    // 11 MB: three chunks. The same name, size and date make it "the same file" after a reload.
    String file = "new File([new Uint8Array(11 * 1024 * 1024)], 'noise.raw', {lastModified: 7})";
    @SuppressWarnings("unchecked")
    Map<String, Object> first =
        (Map<String, Object>)
            js().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "const controller = new AbortController();"
                        + "TusUpload.upload("
                        + file
                        + ", '/api/uploads', {signal: controller.signal,"
                        + "  onProgress: (sent) => { if (sent >= TusUpload.CHUNK) controller.abort(); }})"
                        + ".then(() => done({outcome: 'finished'}), (e) => done({outcome: e.name}));");
    assertThat(first).containsEntry("outcome", "AbortError");

    browser().navigate().refresh();
    @SuppressWarnings("unchecked")
    Map<String, Object> second =
        (Map<String, Object>)
            js().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "const statuses = []; let sends = 0;"
                        + "const send = XMLHttpRequest.prototype.send;"
                        // The first chunk after the reload is lost as if the network dropped.
                        + "XMLHttpRequest.prototype.send = function (body) { sends++;"
                        + "  if (sends === 1) { setTimeout(() => this.onerror(), 10); return; }"
                        + "  return send.call(this, body); };"
                        + "TusUpload.upload("
                        + file
                        + ", '/api/uploads', {onStatus: (s) => statuses.push(s)})"
                        + ".then((id) => done({outcome: 'finished', id, statuses, sends}),"
                        + "      (e) => done({outcome: e.message, statuses, sends}));");

    assertThat((List<?>) second.get("statuses")).first().asString().startsWith("Resuming at 4");
    assertThat((List<?>) second.get("statuses"))
        .anySatisfy(st -> assertThat(st.toString()).startsWith("Connection problem, retrying"));
    // One lost chunk, then the second and third: the first chunk was not sent again.
    assertThat(((Number) second.get("sends")).intValue()).isEqualTo(3);
    // Zeros are no recording: the server takes every byte, then says why it cannot use them.
    assertThat(second.get("outcome").toString()).isNotBlank();
    screenshot("09-upload-resumed");
  }

  @Test
  @Order(8)
  void correctedPassageAndAddedActionItemStayAfterReload() {
    browser().get(uploadedMeeting());
    WebElement segment = browser().findElement(By.cssSelector("#transcript .segment"));
    String segmentId = segment.getAttribute("data-segment");

    segment.findElement(By.cssSelector(".edit-segment")).click();
    WebElement text = segment.findElement(By.cssSelector(".segment-form textarea"));
    text.clear();
    text.sendKeys("good morning everyone let us start with the budget review");
    segment.findElement(By.cssSelector(".segment-form button[type=submit]")).click();
    By words = By.cssSelector(".segment[data-segment='" + segmentId + "'] .words");
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(words, "budget review"));

    browser().findElement(By.id("new-action")).sendKeys("Book the launch venue");
    browser().findElement(By.cssSelector("#add-action button[type=submit]")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementValue(
                By.cssSelector("#action-items .item:last-child .item-text"),
                "Book the launch venue"));
    screenshot("09-edited");

    browser().navigate().refresh();
    assertThat(browser().findElement(words).getText())
        .isEqualTo("good morning everyone let us start with the budget review");
    assertThat(
            browser().findElements(By.cssSelector(".segment[data-segment='" + segmentId + "'] .w")))
        .allSatisfy(w -> assertThat(w.getAttribute("data-start")).isNotBlank());
    assertThat(browser().findElements(By.cssSelector("#action-items .item-text")))
        .anySatisfy(t -> assertThat(t.getDomProperty("value")).isEqualTo("Book the launch venue"));
  }

  @Test
  @Order(9)
  void listFollowsAJobLiveWithoutReloading() throws Exception {
    String id = uploadedMeeting().substring(uploadedMeeting().lastIndexOf('/') + 1);
    browser().get(url("/"));
    js().executeScript("window.sameDocument = true;");

    HttpResponse<String> reprocess =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/meetings/" + id + "/reprocess")))
                    .header("Authorization", "Bearer " + ApiClient.adminToken())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(reprocess.statusCode()).isEqualTo(202);

    By row = By.cssSelector(".meeting-row[data-id='" + id + "']");
    waitUpTo(Duration.ofSeconds(30))
        .until(
            ExpectedConditions.presenceOfNestedElementLocatedBy(row, By.cssSelector(".progress")));
    screenshot("10-list-processing");
    waitUpTo(PROCESSING).until(ExpectedConditions.attributeToBe(row, "data-status", "done"));
    assertThat(browser().findElement(row).findElement(By.cssSelector(".badge")).getText())
        .isEqualToIgnoringCase("done");
    assertThat(js().executeScript("return window.sameDocument === true;")).isEqualTo(true);
    screenshot("11-list-done");
  }

  @Test
  @Order(10)
  void glossaryTermCorrectsASoundAlikeAndUndoPutsItBack() {
    browser().get(uploadedMeeting());
    // A sound-alike as a recogniser might hear a drug name it does not know.
    browser().findElement(By.id("replace-find")).sendKeys("budget review");
    browser().findElement(By.id("replace-with")).sendKeys("key true the review");
    browser().findElement(By.cssSelector("#replace-form button[type=submit]")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textMatches(
                By.id("replace-result"), Pattern.compile("\\d+ replaced")));
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("transcript"), "key true the review"));
    assertThat(transcriptText()).doesNotContain("budget review");
    screenshot("12-find-and-replace");

    browser().findElement(By.id("new-meeting-term")).sendKeys("Keytruda");
    browser().findElement(By.cssSelector("#add-meeting-term button[type=submit]")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#meeting-terms .term-text"), "Keytruda"));

    browser().findElement(By.id("apply-glossary")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Keytruda"));
    assertThat(browser().findElement(By.id("apply-result")).getText()).matches("\\d+ corrections?");
    assertThat(transcriptText()).doesNotContain("key true the");
    By correction = By.cssSelector("#corrections .correction");
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(correction));
    WebElement first = browser().findElement(correction);
    assertThat(first.findElement(By.tagName("del")).getText()).isEqualTo("key true the");
    assertThat(first.findElement(By.tagName("ins")).getText()).isEqualTo("Keytruda");
    screenshot("13-glossary-applied");

    // The correction's time seeks the player to where it was said.
    WebElement time = first.findElement(By.cssSelector(".time"));
    long startMs = Long.parseLong(time.getAttribute("data-start"));
    time.click();
    double seconds =
        ((Number)
                js().executeScript(
                        "const p = document.getElementById('player'); p.pause(); return p.currentTime;"))
            .doubleValue();
    assertThat(seconds).isCloseTo(startMs / 1000.0, within(0.3));

    first.findElement(By.cssSelector(".undo")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("transcript"), "key true the review"));
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.attributeContains(
                By.cssSelector("#corrections .correction"), "class", "reverted"));
    assertThat(browser().findElement(correction).getText()).contains("Undone");
    screenshot("14-correction-undone");
    // This tab's own edits are not news from elsewhere.
    assertThat(browser().findElement(By.id("changed-elsewhere")).isDisplayed()).isFalse();

    browser().navigate().refresh();
    assertThat(transcriptText()).contains("key true the review");
    assertThat(browser().findElements(By.cssSelector("#meeting-terms .term-text")))
        .extracting(WebElement::getText)
        .containsExactly("Keytruda");
  }

  @Test
  @Order(11)
  void organisationGlossaryAddsAndDeletesTermsWithAnEmptyState() {
    browser().get(url("/"));
    browser().findElement(By.linkText("Glossary")).click();
    By empty = By.id("terms-empty");
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(empty));
    assertThat(browser().findElement(empty).getText()).startsWith("No terms yet");
    assertThat(browser().findElement(By.cssSelector("main .lead")).getText())
        .contains("sound like a term are corrected to it");
    screenshot("15-glossary-empty");

    browser().findElement(By.id("new-term")).sendKeys("Keytruda");
    browser().findElement(By.cssSelector("#add-term button[type=submit]")).click();
    By terms = By.cssSelector("#terms .term-text");
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(terms, "Keytruda"));
    assertThat(browser().findElement(empty).isDisplayed()).isFalse();

    WebElement input = browser().findElement(By.id("new-term"));
    input.sendKeys("four words are too many");
    browser().findElement(By.cssSelector("#add-term button[type=submit]")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("term-error")));
    assertThat(browser().findElement(By.id("term-error")).getText()).contains("at most 3 words");
    assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser().findElements(terms)).hasSize(1);
    screenshot("16-glossary-term-rejected");

    browser()
        .findElement(By.cssSelector("#terms .term .delete-term[aria-label='Delete term Keytruda']"))
        .click();
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(empty));
    assertThat(browser().findElements(terms)).isEmpty();
    browser().navigate().refresh();
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(empty));
  }

  @Test
  @Order(12)
  void templateChosenAtUploadWritesTheMinutes() throws Exception {
    Path track =
        Path.of(System.getProperty("verbatim.home", ".."), "samples", "tracks", "ana.ogg")
            .normalize();
    assertThat(track).as("a sample track").isRegularFile();
    browser().get(url("/"));
    new Select(browser().findElement(By.id("upload-template"))).selectByValue("standup");
    browser().findElement(By.id("upload-title")).sendKeys("Stand-up");
    browser().findElement(By.id("file-input")).sendKeys(track.toAbsolutePath().toString());

    waitUpTo(Duration.ofSeconds(60))
        .until(
            d ->
                d.getCurrentUrl().contains("/meetings/m-")
                    && !d.getCurrentUrl().equals(uploadedMeeting()));
    String id = browser().getCurrentUrl().substring(browser().getCurrentUrl().lastIndexOf('/') + 1);
    waitUpTo(PROCESSING)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-template")));

    assertThat(browser().findElement(By.id("meeting-template")).getText())
        .isEqualTo("Stand-up minutes");
    browser().findElement(By.id("reprocess")).click();
    assertThat(
            new Select(browser().findElement(By.id("reprocess-template")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("standup");
    screenshot("17-standup-minutes");
    browser().findElement(By.id("reprocess-cancel")).click();

    HttpResponse<String> document = http("GET", "/api/meetings/" + id, null, Map.of());
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(
            JsonMapper.builder()
                .build()
                .readTree(document.body())
                .path("minutes")
                .path("template")
                .asString())
        .isEqualTo("standup");
  }

  @Test
  @Order(13)
  void actionItemChangedElsewhereIsReloadedInsteadOfOverwritten() throws Exception {
    String meeting = uploadedMeeting();
    String id = meeting.substring(meeting.lastIndexOf('/') + 1);
    browser().get(meeting);
    if (browser().findElements(By.cssSelector("#action-items .item")).isEmpty()) {
      browser().findElement(By.id("new-action")).sendKeys("Book the launch venue");
      browser().findElement(By.cssSelector("#add-action button[type=submit]")).click();
      waitUpTo(Duration.ofSeconds(10))
          .until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("#action-items .item")));
    }
    String itemId =
        browser().findElement(By.cssSelector("#action-items .item")).getAttribute("data-id");
    By item = By.cssSelector("#action-items .item[data-id='" + itemId + "']");
    assertThat(browser().findElement(item).getAttribute("data-version")).isNotBlank();

    // Someone else edits the item behind this page's back.
    HttpResponse<String> elsewhere =
        http(
            "PATCH",
            "/api/meetings/" + id + "/action-items/" + itemId,
            "{\"text\": \"Send the numbers to finance\"}",
            Map.of());
    assertThat(elsewhere.statusCode()).isEqualTo(200);
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("changed-elsewhere")));
    assertThat(browser().findElement(By.id("changed-elsewhere")).getText())
        .contains("This meeting was changed elsewhere");
    screenshot("18-changed-elsewhere");

    WebElement text = browser().findElement(item).findElement(By.cssSelector(".item-text"));
    text.clear();
    text.sendKeys("My stale edit", Keys.TAB);
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("toast"), "Changed by someone else — reloaded"));
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementValue(
                By.cssSelector("#action-items .item[data-id='" + itemId + "'] .item-text"),
                "Send the numbers to finance"));
    assertThat(browser().findElement(item).findElements(By.cssSelector(".item-note"))).hasSize(1);
    screenshot("19-action-item-conflict");

    // With the stored version in hand, the next edit goes through.
    WebElement fresh = browser().findElement(item).findElement(By.cssSelector(".item-text"));
    fresh.clear();
    fresh.sendKeys("Send the numbers to finance by Friday", Keys.TAB);
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Saved."));
    HttpResponse<String> document = http("GET", "/api/meetings/" + id, null, Map.of());
    assertThat(document.body()).contains("Send the numbers to finance by Friday");

    // Reloading when asked keeps the player where it was.
    js().executeScript(
            "const p = document.getElementById('player'); p.pause(); p.currentTime = 12;");
    browser().findElement(By.id("reload-changed")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("changed-elsewhere")));
    waitUpTo(Duration.ofSeconds(10))
        .until(
            d ->
                Math.abs(
                        ((Number)
                                    js().executeScript(
                                            "return document.getElementById('player').currentTime;"))
                                .doubleValue()
                            - 12)
                    < 0.5);
  }

  @Test
  @Order(20)
  void anApiTokenIsShownOnceListedAndRevoked() throws Exception {
    browser().get(url("/"));
    browser().findElement(By.linkText("API tokens")).click();
    browser().findElement(By.id("token-name")).sendKeys("Jira sync");
    browser().findElement(By.cssSelector("input[name=scope][value='action-items:write']")).click();
    browser().findElement(By.cssSelector("#token-form button[type=submit]")).click();

    By value = By.id("token-value");
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(value));
    String token = browser().findElement(value).getText();
    assertThat(token).startsWith("vbt_");
    By row = By.xpath("//table[@id='tokens']//tr[td[1][text()='Jira sync']]");
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(browser().findElement(row).getText())
        .contains("meetings:read action-items:write")
        .doesNotContain(token);
    screenshot("20-token-created");
    HttpResponse<String> used =
        http("GET", "/api/me", null, Map.of("Authorization", "Bearer " + token));
    assertThat(used.body()).contains("action-items:write");

    browser().navigate().refresh();
    assertThat(browser().findElement(By.tagName("main")).getText()).doesNotContain(token);
    browser().findElement(row).findElement(By.cssSelector("button.danger")).click();
    browser().switchTo().alert().accept();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(row, "revoked"));
    assertThat(
            http("GET", "/api/me", null, Map.of("Authorization", "Bearer " + token)).statusCode())
        .isEqualTo(401);
  }

  @Test
  @Order(21)
  void theOwnerSharesAMeetingFromItsPage() throws Exception {
    String colleague = "colleague-" + System.nanoTime() + "@example.com";
    assertThat(
            http(
                    "POST",
                    "/api/users",
                    "{\"email\":\"" + colleague + "\",\"password\":\"a fine password\"}",
                    Map.of())
                .statusCode())
        .isEqualTo(201);
    String meeting = uploadedMeeting();
    String id = meeting.substring(meeting.lastIndexOf('/') + 1);
    browser().get(meeting);

    browser().findElement(By.id("share-meeting")).click();
    browser().findElement(By.id("share-email")).sendKeys(colleague);
    new Select(browser().findElement(By.id("share-permission"))).selectByValue("edit");
    browser().findElement(By.cssSelector("#share-form button[type=submit]")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-list"), colleague));
    browser().findElement(By.id("org-visible")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("toast"), "Everyone in the organisation"));
    screenshot("21-shared");
    // Sharing is no edit of the meeting: the page does not report a change from elsewhere.
    assertThat(browser().findElement(By.id("changed-elsewhere")).isDisplayed()).isFalse();

    String shares = http("GET", "/api/meetings/" + id + "/shares", null, Map.of()).body();
    assertThat(shares).contains(colleague).contains("\"permission\":\"edit\"");
    assertThat(http("GET", "/api/meetings/" + id, null, Map.of()).body())
        .contains("\"orgVisible\":true");
    browser().navigate().refresh();
    browser().findElement(By.id("share-meeting")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.elementSelectionStateToBe(By.id("org-visible"), true));
    browser()
        .findElement(
            By.cssSelector("#share-list button[aria-label='Stop sharing with " + colleague + "']"))
        .click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("share-empty")));
  }

  @Test
  @Order(22)
  void anAdminCreatesAndDisablesAnAccount() {
    String email = "new-" + System.nanoTime() + "@example.com";
    browser().get(url("/"));
    browser().findElement(By.linkText("Users")).click();
    browser().findElement(By.id("user-email")).sendKeys(email);
    browser().findElement(By.id("user-name")).sendKeys("Nina New");
    browser().findElement(By.id("user-password")).sendKeys("a fine password");
    browser().findElement(By.cssSelector("#user-form button[type=submit]")).click();

    By row = By.xpath("//table[@id='users']//tr[td[1][starts-with(text(), '" + email + "')]]");
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(browser().findElement(row).getText()).contains("Nina New");
    browser().findElement(row).findElement(By.cssSelector("button.danger")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(row, "(disabled)"));
    screenshot("22-users");
  }

  @Test
  @Order(23)
  void searchFindsTheMomentAndOpensTheMeetingPlayingThereWithTheWordsMarked() {
    browser().get(uploadedMeeting());
    WebElement word =
        browser().findElements(By.cssSelector("#transcript .w")).stream()
            .filter(w -> w.getText().matches("[a-z]{6,}"))
            .skip(3)
            .findFirst()
            .orElseThrow();
    String searched = word.getText();

    browser().get(url("/search"));
    assertThat(browser().findElement(By.id("search-start")).getText())
        .contains("Search every meeting");
    WebElement box = browser().findElement(By.id("search-q"));
    box.sendKeys(searched);
    box.submit();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".result-group")));
    assertThat(browser().findElements(By.cssSelector(".snippet mark")))
        .extracting(WebElement::getText)
        .anyMatch(marked -> marked.equalsIgnoreCase(searched));
    assertThat(browser().findElements(By.cssSelector(".facet"))).isNotEmpty();
    assertThat(browser().findElements(By.cssSelector("main img"))).isEmpty();
    assertNoAlert();
    screenshot("23-search-results");

    WebElement hit = browser().findElement(By.cssSelector(".hit[data-type=segment] .hit-link"));
    String href = hit.getAttribute("href");
    double at = Double.parseDouble(href.replaceAll(".*[?&]t=([0-9.]+).*", "$1"));
    hit.click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript .w.hit")));
    waitUpTo(Duration.ofSeconds(10))
        .until(
            d ->
                ((Number)
                            js().executeScript(
                                    "return document.getElementById('player').currentTime"))
                        .doubleValue()
                    >= at - 0.1);
    double seconds =
        ((Number)
                js().executeScript(
                        "const p = document.getElementById('player'); p.pause();"
                            + " return p.currentTime;"))
            .doubleValue();

    assertThat(seconds).isCloseTo(at, within(1.5));
    assertThat(browser().findElements(By.cssSelector("#transcript .w.hit")))
        .extracting(WebElement::getText)
        .anyMatch(marked -> marked.equalsIgnoreCase(searched));
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#meeting-search-results li")));
    assertThat(browser().findElement(By.id("meeting-search-q")).getAttribute("value"))
        .isEqualTo(searched);
    screenshot("24-search-hit-opened");

    browser().get(url("/search?q=zyzzyvaquux"));
    assertThat(browser().findElement(By.id("search-empty")).getText()).contains("No matches");
  }

  @Test
  @Order(24)
  void theActionItemsPageMovesAnItemAlongAndOffersACalendarFeed() throws Exception {
    browser().get(url("/"));
    browser().findElement(By.linkText("Action items")).click();
    new Select(browser().findElement(By.name("who"))).selectByValue("everyone");
    new Select(browser().findElement(By.name("show"))).selectByValue("all");
    browser().findElement(By.cssSelector("#action-filter button[type=submit]")).click();
    By first = By.cssSelector("#action-item-table tbody tr");
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(first));
    String id = browser().findElement(first).getAttribute("data-id");
    By row = By.cssSelector("#action-item-table tr[data-id='" + id + "']");

    new Select(browser().findElement(row).findElement(By.cssSelector(".status-select")))
        .selectByValue("done");
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.attributeContains(row, "class", "status-done"));
    screenshot("24-action-items");
    browser().navigate().refresh();
    assertThat(
            new Select(browser().findElement(row).findElement(By.cssSelector(".status-select")))
                .getFirstSelectedOption()
                .getDomProperty("value"))
        .isEqualTo("done");
    assertThat(http("GET", "/api/action-items/" + id, null, Map.of()).body())
        .contains("\"status\":\"done\"");

    browser().findElement(By.id("new-feed")).click();
    By feed = By.id("feed-url");
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(feed));
    String address = browser().findElement(feed).getText();
    assertThat(address).contains("/api/action-items.ics?token=vbf_");
    // Without the browser's session or a token, as a calendar app fetches it.
    HttpResponse<String> calendar =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(address)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
  }

  @Test
  @Order(25)
  void aShareLinkMadeOnThePageShowsTheMeetingToAnyoneUntilItIsRevoked() throws Exception {
    String meeting = uploadedMeeting();
    String id = meeting.substring(meeting.lastIndexOf('/') + 1);
    browser().get(meeting);
    assertThat(browser().findElements(By.cssSelector(".site-header"))).hasSize(1);
    browser().findElement(By.id("share-meeting")).click();
    browser().findElement(By.id("share-link-name")).sendKeys("For the board");
    browser().findElement(By.id("share-link-create")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("share-link-created")));
    String link = browser().findElement(By.id("share-link-url")).getAttribute("value");
    assertThat(link).matches("http://localhost:\\d+/s/[A-Za-z0-9_-]{43}");
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("share-link-list"), "For the board"));
    assertThat(browser().findElement(By.id("share-link-list")).getText())
        .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
    screenshot("24-share-link-made");

    // Someone without an account: no session, no cookies.
    browser().manage().deleteAllCookies();
    signedIn = false;
    browser().get(link);

    String title =
        JsonMapper.builder()
            .build()
            .readTree(http("GET", "/api/meetings/" + id, null, Map.of()).body())
            .get("title")
            .asString();
    assertThat(browser().findElement(By.id("meeting-title")).getText()).isEqualTo(title);
    assertThat(browser().findElements(By.id("signed-in-as"))).isEmpty();
    assertThat(browser().findElements(By.cssSelector(".site-header"))).hasSize(1);
    assertThat(browser().findElement(By.id("summary-heading")).isDisplayed()).isTrue();
    assertThat(browser().findElements(By.cssSelector("#transcript .w"))).hasSizeGreaterThan(50);
    assertThat(
            browser().findElements(By.cssSelector(".edit-segment, .rename, textarea, form, nav a")))
        .isEmpty();
    WebElement player = browser().findElement(By.id("player"));
    assertThat(player.getAttribute("src")).startsWith(link + "/media");
    waitUpTo(Duration.ofSeconds(30))
        .until(
            d ->
                ((Number) js().executeScript("return document.getElementById('player').readyState"))
                        .intValue()
                    >= 1);
    List<WebElement> words = browser().findElements(By.cssSelector("#transcript .w"));
    assertPlayerSeeksToClicked(words.get(words.size() / 3));
    screenshot("24-share-link-anonymous");

    String links = http("GET", "/api/meetings/" + id + "/share-links", null, Map.of()).body();
    String linkId = JsonMapper.builder().build().readTree(links).get(0).get("id").asString();
    assertThat(
            http("DELETE", "/api/meetings/" + id + "/share-links/" + linkId, null, Map.of())
                .statusCode())
        .isEqualTo(204);
    browser().navigate().refresh();
    assertThat(browser().findElement(By.tagName("h1")).getText())
        .isEqualTo("This link was revoked");
    screenshot("24-share-link-revoked");
  }

  /**
   * A live Jitsi meeting: Jigasi streams a participant's audio and repeats each result as an event
   * naming them; the page shows the words under the participant's name as they come, and the
   * transcript once the conference has ended.
   */
  @Test
  @Order(26)
  void liveCaptionsAppearSpeakerBySpeakerThenTheTranscript() throws Exception {
    String room = "browser-live-" + System.nanoTime();
    JigasiEvents events = new JigasiEvents(new ApiClient(port), "/api/jigasi/events", room);
    // Display names are whatever people type.
    JigasiEvents.Person ana = new JigasiEvents.Person("a1b2c3d4", HOSTILE, "user-ana");
    String meetingId = events.post("start").json().get("meetingId").asString();
    events.post("join", ana, "");
    browser().get(url("/meetings/" + meetingId));
    assertThat(browser().findElement(By.id("live-empty")).isDisplayed()).isTrue();

    ScriptedMeeting said =
        ScriptedMeeting.render(
            List.of(
                new Line("ana", Voice.SLT, "Good morning everyone.", 1500),
                new Line("ana", Voice.SLT, "The budget review is almost done.", 1500)),
            DATA.resolve("live-" + room));
    byte[] pcm = ExternalTool.rawPcm(said.tracks().get("ana"), 48_000);
    try (JigasiClient stream = new JigasiClient(port, "/asr/vosk")) {
      stream.text(JigasiClient.CONFIG);
      for (int at = 0; at < pcm.length; at += JigasiClient.PIECE) {
        stream.binary(pcm, at, Math.min(JigasiClient.PIECE, pcm.length - at));
        String text = JSON.readTree(stream.reply()).path("text").asString("");
        if (!text.isBlank()) {
          events.post("speech", ana, text);
        }
      }

      waitUpTo(Duration.ofSeconds(60))
          .until(
              d ->
                  d.findElements(By.cssSelector("#live-captions .live-line")).stream()
                      .anyMatch(l -> l.getText().contains("budget")));
      WebElement turn = browser().findElement(By.cssSelector("#live-captions .live-turn"));
      assertThat(turn.findElement(By.className("speaker-label")).getText()).isEqualTo(HOSTILE);
      assertThat(turn.getText()).contains("morning");
      assertThat(browser().findElements(By.cssSelector("#live-captions img"))).isEmpty();
      assertThat(browser().findElement(By.id("live-empty")).isDisplayed()).isFalse();
      screenshot("26-live-captions");

      stream.text(JigasiClient.EOF);
      String last = JSON.readTree(stream.reply()).path("text").asString("");
      if (!last.isBlank()) {
        events.post("speech", ana, last);
      }
      stream.awaitClose(Duration.ofSeconds(30));
    }
    events.post("leave", ana, "");
    events.post("end");

    // The page reloads itself once the meeting is done.
    waitUpTo(PROCESSING)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript .w")));
    assertThat(browser().findElement(By.id("transcript")).getText()).contains("budget");
    assertThat(browser().findElements(By.id("live-captions"))).isEmpty();
  }

  @Test
  @Order(30)
  void signingOutEndsTheSession() {
    browser().get(url("/"));
    assertThat(browser().findElement(By.id("signed-in-as")).getText()).isNotBlank();

    browser().findElement(By.id("sign-out")).click();

    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    assertThat(browser().findElement(By.id("login-signed-out")).getText()).contains("signed out");
    browser().get(url("/"));
    assertThat(browser().getCurrentUrl()).endsWith("/login");
    signedIn = false;
    screenshot("30-signed-out");
  }

  @Test
  @Order(31)
  void aMemberSeesOnlyWhatIsSharedWithThemAndViewOnlyOffersNoEdits() throws Exception {
    String email = "viewer-" + System.nanoTime() + "@example.com";
    String password = "a fine password";
    http(
        "POST",
        "/api/users",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
        Map.of());
    String meeting = uploadedMeeting();
    String id = meeting.substring(meeting.lastIndexOf('/') + 1);
    http("PATCH", "/api/meetings/" + id, "{\"orgVisible\":false}", Map.of());
    http("PUT", "/api/meetings/" + id + "/shares/" + email, "{\"permission\":\"view\"}", Map.of());

    // The admin signs out; the member signs in on the same browser.
    browser().get(url("/"));
    browser().findElement(By.id("sign-out")).click();
    waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    signedIn = false;
    browser().findElement(By.id("email")).sendKeys(email);
    browser().findElement(By.id("password")).sendKeys(password);
    browser().findElement(By.id("login-submit")).click();
    waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));

    assertThat(browser().findElements(By.cssSelector(".meeting-row")))
        .extracting(r -> r.getAttribute("data-id"))
        .containsExactly(id);
    assertThat(browser().findElements(By.linkText("Users"))).isEmpty();
    browser().get(meeting);
    assertThat(browser().findElement(By.id("access-note")).getText()).contains("view only");
    assertThat(browser().findElement(By.id("edit-title")).isDisplayed()).isFalse();
    assertThat(browser().findElements(By.id("delete-meeting"))).isEmpty();
    assertThat(browser().findElements(By.cssSelector("#transcript .w"))).isNotEmpty();
    screenshot("31-view-only");
  }

  private String transcriptText() {
    return browser().findElement(By.id("transcript")).getText();
  }

  private HttpResponse<String> http(
      String method, String path, @Nullable String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + ApiClient.adminToken())
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::setHeader);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads the sample through the page once; later tests open the meeting it made. */
  private String uploadedMeeting() {
    if (meetingUrl != null) {
      return meetingUrl;
    }
    Path sample =
        Path.of(System.getProperty("verbatim.home", ".."), "samples", "meeting.mp4").normalize();
    assertThat(sample).as("the sample recording").isRegularFile();
    browser().get(url("/"));
    browser().findElement(By.id("upload-title")).sendKeys("Quarterly review");
    browser()
        .findElement(By.id("file-input"))
        .sendKeys(sample.toAbsolutePath().normalize().toString());

    // The page opens the new meeting when the upload is done; it shows the job's progress.
    waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.urlContains("/meetings/m-"));
    String meeting = browser().getCurrentUrl();
    boolean progressShown =
        !browser().findElements(By.id("progress")).isEmpty()
            && browser().findElement(By.id("progress")).isDisplayed();
    screenshot("02-processing");
    assertThat(progressShown || !browser().findElements(By.cssSelector("#transcript .w")).isEmpty())
        .as("the page shows the progress bar while processing")
        .isTrue();

    waitUpTo(PROCESSING)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript .w")));
    assertThat(browser().findElements(By.id("progress-panel"))).isEmpty();
    screenshot("03-transcript");
    meetingUrl = meeting;
    return meeting;
  }

  private String speakerName(String speakerId) {
    return browser()
        .findElement(
            By.cssSelector("#speakers .speaker[data-speaker='" + speakerId + "'] .speaker-name"))
        .getText();
  }

  /** Clicks a word of the transcript; the player is then at its start (and paused again). */
  private static void assertPlayerSeeksToClicked(WebElement word) {
    long startMs = Long.parseLong(word.getAttribute("data-start"));
    word.click();
    double seconds =
        ((Number)
                js().executeScript(
                        "const p = document.getElementById('player'); const t = p.currentTime;"
                            + " p.pause(); return t;"))
            .doubleValue();
    assertThat(seconds).isCloseTo(startMs / 1000.0, within(0.3));
  }

  private void assertNoAlert() {
    try {
      Alert alert = browser().switchTo().alert();
      fail("An injected script opened an alert: " + alert.getText());
    } catch (NoAlertPresentException expected) {
      // Nothing ran: the title was shown as text.
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static WebDriverWait waitUpTo(Duration limit) {
    return new WebDriverWait(browser(), limit, Duration.ofMillis(250));
  }

  private static void screenshot(String name) {
    File shot = ((TakesScreenshot) browser()).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Could not save the screenshot " + name, e);
    }
  }

  private static JavascriptExecutor js() {
    return browser();
  }

  private static ChromeDriver browser() {
    if (driver == null) {
      throw new IllegalStateException("The browser did not start");
    }
    return driver;
  }

  private static Path dataDirectory() {
    try {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "browser-data")
          .toAbsolutePath();
    } catch (IOException e) {
      throw new IllegalStateException("Could not make a data directory for the test", e);
    }
  }
}
