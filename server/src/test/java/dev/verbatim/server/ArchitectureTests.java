package dev.verbatim.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as a test: the module graph points inward to {@code core}, every third-party
 * library stays in its home module, and Spring stays at the edges of the feature modules.
 */
class ArchitectureTests {

  private static final String[] FEATURES = {"ingest", "transcribe", "minutes", "search"};

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.verbatim");
  }

  @Test
  void importsEveryModule() {
    for (String module : new String[] {"core", "ingest", "transcribe", "server"}) {
      org.assertj.core.api.Assertions.assertThat(
              classes.stream()
                  .anyMatch(c -> c.getPackageName().startsWith("dev.verbatim." + module)))
          .as("classes of module %s are on the test class path", module)
          .isTrue();
    }
  }

  @Test
  void featureModulesDependOnlyOnCore() {
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideInAPackage("dev.verbatim." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(othersThan(feature))
          .allowEmptyShould(true)
          .because("features are independent; only server wires them together")
          .check(classes);
    }
  }

  @Test
  void coreDependsOnlyOnTheJdkAndJSpecify() {
    classes()
        .that()
        .resideInAPackage("dev.verbatim.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.verbatim.core..", "java..", "org.jspecify..")
        .because("core holds the shared nouns and must stay free to depend on")
        .check(classes);
  }

  @Test
  void voskLivesOnlyInTranscribe() {
    onlyIn("org.vosk..", "dev.verbatim.transcribe..");
    onlyIn("com.sun.jna..", "dev.verbatim.transcribe..");
  }

  @Test
  void ffmpegAndTikaLiveOnlyInIngest() {
    onlyIn("org.bytedeco..", "dev.verbatim.ingest..");
    onlyIn("org.apache.tika..", "dev.verbatim.ingest..");
  }

  @Test
  void picocliLivesOnlyInTheServer() {
    onlyIn("picocli..", "dev.verbatim.server..");
  }

  @Test
  void pdfBoxLivesOnlyInMinutes() {
    onlyIn("org.apache.pdfbox..", "dev.verbatim.minutes..");
    onlyIn("org.apache.fontbox..", "dev.verbatim.minutes..");
  }

  @Test
  void luceneLivesOnlyInSearch() {
    onlyIn("org.apache.lucene..", "dev.verbatim.search..");
  }

  @Test
  void commonsCodecLivesOnlyInTranscribe() {
    onlyIn("org.apache.commons.codec..", "dev.verbatim.transcribe..");
  }

  @Test
  void theTusProtocolLivesOnlyInTheUploadFeature() {
    onlyIn("me.desair.tus..", "dev.verbatim.server.upload..");
  }

  @Test
  void theAwsSdkLivesOnlyInTheStorageFeature() {
    // The rest of the server sees MediaStorage, whatever keeps the recordings.
    onlyIn("software.amazon.awssdk..", "dev.verbatim.server.storage..");
  }

  @Test
  void springSecurityLivesOnlyInTheAccountFeature() {
    // The rest of the server asks account.Callers who is calling, and meeting.MeetingAccess what
    // they may do; neither needs Spring Security's types.
    onlyIn("org.springframework.security..", "dev.verbatim.server.account..");
  }

  @Test
  void sqlLivesOnlyInTheStoresOfTheServer() {
    // The database is reached through *Store classes; controllers and jobs speak in records.
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
        .because("queries belong to the stores")
        .check(classes);
  }

  @Test
  void jacksonLivesOnlyInTranscribeMinutesAndTheServer() {
    // The one shared library: transcribe reads Vosk's JSON results, minutes talks to an optional
    // OpenAI-compatible chat API, and server writes meeting.json with the mapper Spring Boot
    // configures. None exposes a Jackson type.
    onlyIn(
        "tools.jackson..",
        "dev.verbatim.transcribe..",
        "dev.verbatim.minutes..",
        "dev.verbatim.server..");
    onlyIn(
        "com.fasterxml.jackson..",
        "dev.verbatim.transcribe..",
        "dev.verbatim.minutes..",
        "dev.verbatim.server..");
  }

  @Test
  void springStaysInConfigurationAndPropertiesOfFeatures() {
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideInAPackage("dev.verbatim." + feature + "..")
          .and()
          .haveNameNotMatching(".*(Configuration|Properties)(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .allowEmptyShould(true)
          .because("feature code is plain Java, built with new")
          .check(classes);
    }
  }

  @Test
  void featureModulesKnowNothingOfHttp() {
    noClasses()
        .that()
        .resideInAnyPackage(featurePackages())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
        .check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.verbatim.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void codeLogsThroughSlf4jAndThrowsSpecificExceptions() {
    NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
    NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(classes);
    NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
  }

  @Test
  void nothingWritesToStandardStreamsButTheLauncherExit() {
    // Commands print through picocli's writers; VerbatimApplication only calls System.exit.
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
  }

  private static void onlyIn(String library, String... homes) {
    noClasses()
        .that()
        .resideOutsideOfPackages(homes)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .because(library + " has one home module")
        .check(classes);
  }

  private static String[] othersThan(String feature) {
    return java.util.stream.Stream.of("ingest", "transcribe", "minutes", "search", "server")
        .filter(m -> !m.equals(feature))
        .map(m -> "dev.verbatim." + m + "..")
        .toArray(String[]::new);
  }

  private static String[] featurePackages() {
    return java.util.stream.Stream.of(FEATURES)
        .map(m -> "dev.verbatim." + m + "..")
        .toArray(String[]::new);
  }
}
