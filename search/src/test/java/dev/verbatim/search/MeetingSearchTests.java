package dev.verbatim.search;

import static dev.verbatim.search.TestMeetings.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.ActionItemStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Access, filters, facets, ordering, sound-alike matching and completions. */
class MeetingSearchTests {

  static final LocalDate MARCH = LocalDate.of(2025, 3, 14);
  static final LocalDate APRIL = LocalDate.of(2025, 4, 2);

  final MeetingIndex index = MeetingIndex.inMemory();

  @AfterEach
  void close() {
    index.close();
  }

  @Nested
  class Access {

    @BeforeEach
    void threeMeetings() {
      index.index(
          "ana-only",
          meeting("Ana's one to one", MARCH).says("Ana", "the budget is mine").build(),
          new Audience("ana", false, Set.of()));
      index.index(
          "shared",
          meeting("Shared review", MARCH).says("Bo", "the budget is shared").build(),
          new Audience("bo", false, Set.of("ana")));
      index.index(
          "everyone",
          meeting("All hands", MARCH).says("Cy", "the budget for everyone").build(),
          new Audience("cy", true, Set.of()));
      index.index(
          "legacy",
          meeting("Before accounts", MARCH).says("Di", "the old budget").build(),
          Audience.ADMINS);
    }

    @Test
    void aPersonFindsWhatTheyOwnWhatIsSharedWithThemAndWhatTheOrganisationSees() {
      assertThat(meetingsFound("budget", Viewer.person("ana")))
          .containsExactlyInAnyOrder("ana-only", "shared", "everyone");
      assertThat(meetingsFound("budget", Viewer.person("bo")))
          .containsExactlyInAnyOrder("shared", "everyone");
      assertThat(meetingsFound("budget", Viewer.person("stranger"))).containsExactly("everyone");
    }

    @Test
    void totalsCountOnlyVisibleHits() {
      SearchResults results =
          index.search(SearchQuery.builder("budget").viewer(Viewer.person("stranger")).build());

      assertThat(results.total()).isEqualTo(1);
    }

    @Test
    void everythingIsFoundByAnAdmin() {
      assertThat(meetingsFound("budget", Viewer.everything()))
          .containsExactlyInAnyOrder("ana-only", "shared", "everyone", "legacy");
    }

    @Test
    void aNewAudienceTakesEffectWhenTheMeetingIsIndexedAgain() {
      index.index(
          "ana-only",
          meeting("Ana's one to one", MARCH).says("Ana", "the budget is mine").build(),
          new Audience("ana", false, Set.of("stranger")));

      assertThat(meetingsFound("budget", Viewer.person("stranger")))
          .containsExactlyInAnyOrder("ana-only", "everyone");
    }

    @Test
    void facetsAndSuggestionsCountOnlyVisibleMeetings() {
      SearchResults results =
          index.search(
              SearchQuery.builder("budget").viewer(Viewer.person("bo")).facets(true).build());

      assertThat(results.facets().speakers())
          .extracting(Facets.Count::value)
          .containsExactlyInAnyOrder("Bo", "Cy");
      assertThat(index.suggest("a", Viewer.person("bo"), 10)).isEmpty();
      assertThat(index.suggest("a", Viewer.person("ana"), 10))
          .extracting(Suggestion::text)
          .containsExactly("Ana");
    }

    private List<String> meetingsFound(String text, Viewer viewer) {
      return index.search(SearchQuery.builder(text).viewer(viewer).build()).hits().stream()
          .map(SearchHit::meetingId)
          .distinct()
          .toList();
    }
  }

  @Nested
  class Relevance {

    @Test
    void theSegmentWithTheWordsSaidTogetherRanksFirst() {
      index.index(
          "m1",
          meeting("Planning", MARCH)
              .says("Ana", "the budget for marketing was cut and marketing asked for a budget")
              .says("Bo", "we approved the marketing budget today")
              .says("Cy", "marketing wants more budget next year")
              .build(),
          Audience.ADMINS);

      assertThat(index.search(SearchQuery.of("marketing budget")).hits())
          .extracting(SearchHit::segmentId)
          .startsWith("g2")
          .contains("g1", "g3");
      assertThat(index.search(SearchQuery.of("\"marketing budget\"")).hits())
          .extracting(SearchHit::segmentId)
          .containsExactly("g2");
    }
  }

  @Nested
  class SoundAlike {

    @Test
    void findsWordsThatSoundLikeTheQueryButRanksThemBelowExactMatches() {
      index.index(
          "m1",
          meeting("Compliance", MARCH)
              .says("Ana", "we wait for the regular tory approval from the agency")
              .says("Bo", "the regulatory approval came through yesterday")
              .build(),
          Audience.ADMINS);

      List<SearchHit> hits = index.search(SearchQuery.of("regulatory")).hits();

      assertThat(hits).extracting(SearchHit::segmentId).containsExactly("g2", "g1");
      assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
      assertThat(hits.get(0).snippet()).contains("<mark>regulatory</mark>");
      assertThat(hits.get(1).snippet()).contains("<mark>regular tory</mark>");
    }

    @Test
    void soundAlikeWordsAreMarkedInEveryPartOfTheIndex() {
      // Each meeting indexed on its own commits its own index segment.
      for (String id : List.of("m1", "m2", "m3")) {
        index.index(
            id,
            meeting("Compliance " + id, MARCH)
                .says("Ana", "the budget for next quarter")
                .says("Bo", "we wait for the regular tory approval")
                .build(),
            Audience.ADMINS);
      }

      List<SearchHit> hits = index.search(SearchQuery.of("regulatory")).hits();

      assertThat(hits).extracting(SearchHit::meetingId).containsExactlyInAnyOrder("m1", "m2", "m3");
      assertThat(hits)
          .extracting(SearchHit::snippet)
          .allSatisfy(snippet -> assertThat(snippet).contains("<mark>regular tory</mark>"));
    }

    @Test
    void soundAlikeWordsFollowTheExactOnesOnTheNextPages() {
      index.index(
          "m1",
          meeting("Compliance", MARCH)
              .says("Ana", "we wait for the regular tory approval from the agency")
              .says("Bo", "the regulatory approval came through yesterday")
              .build(),
          Audience.ADMINS);

      SearchResults first =
          index.search(SearchQuery.builder("regulatory").page(0, 1).facets(true).build());
      SearchResults second =
          index.search(SearchQuery.builder("regulatory").page(1, 1).facets(true).build());

      assertThat(first.hits()).extracting(SearchHit::segmentId).containsExactly("g2");
      assertThat(first.total()).isEqualTo(2);
      assertThat(second.hits()).extracting(SearchHit::segmentId).containsExactly("g1");
      assertThat(second.total()).isEqualTo(2);
    }

    @Test
    void wordsFoundOftenAsWrittenAreNotSoughtBySound() {
      TestMeetings many = meeting("Compliance", MARCH);
      for (int i = 0; i < MeetingIndex.SOUND_ALIKE_BELOW; i++) {
        many.says("Bo", "regulatory item " + i);
      }
      many.says("Ana", "the regular tory approval");
      index.index("m1", many.build(), Audience.ADMINS);

      SearchResults results = index.search(SearchQuery.builder("regulatory").facets(true).build());

      assertThat(results.total()).isEqualTo(MeetingIndex.SOUND_ALIKE_BELOW);
    }

    @Test
    void everyWordMustMatchExactlyOrBySound() {
      index.index(
          "m1",
          meeting("Compliance", MARCH)
              .says("Ana", "the regular tory approval")
              .says("Bo", "the regular tory audit")
              .build(),
          Audience.ADMINS);

      assertThat(index.search(SearchQuery.of("regulatory approval")).hits())
          .extracting(SearchHit::segmentId)
          .containsExactly("g1");
    }

    @Test
    void namesMatchOtherSpellings() {
      index.index(
          "m1",
          meeting("Hiring", MARCH).says("Ana", "catherine will lead the interviews").build(),
          Audience.ADMINS);

      assertThat(index.search(SearchQuery.of("kathryn")).hits())
          .extracting(SearchHit::segmentId)
          .containsExactly("g1");
    }

    @Test
    void phrasesAndShortWordsMatchOnlyAsWritten() {
      index.index(
          "m1",
          meeting("Compliance", MARCH).says("Ana", "the regular tory approval").build(),
          Audience.ADMINS);

      assertThat(index.search(SearchQuery.of("\"regulatory approval\"")).total()).isZero();
      // "pop" sounds like "pub" but is too short to guess at.
      index.index(
          "m2", meeting("Outing", MARCH).says("Bo", "drinks at the pub").build(), Audience.ADMINS);
      assertThat(index.search(SearchQuery.of("pop")).total()).isZero();
    }
  }

  @Nested
  class Filters {

    @BeforeEach
    void twoMeetings() {
      index.index(
          "march",
          meeting("Planning", MARCH)
              .says("Ana Lopez", "we need a budget for the launch")
              .says("Lin", "i will draft the budget by friday")
              .action("Draft the budget", "Lin", LocalDate.of(2025, 3, 21), ActionItemStatus.OPEN)
              .action("Book the venue", "Ana Lopez", null, ActionItemStatus.DONE)
              .keywords("budget", "launch")
              .build(),
          Audience.ADMINS);
      index.index(
          "april",
          meeting("Review", APRIL)
              .says("Lin", "the budget was approved")
              .action(
                  "Send the approved budget",
                  "Lin",
                  LocalDate.of(2025, 4, 9),
                  ActionItemStatus.OPEN)
              .keywords("budget", "approval")
              .build(),
          Audience.ADMINS);
    }

    @Test
    void filteredHitsMarkTheWordsSearchedFor() {
      SearchQuery query =
          SearchQuery.builder("budget draft")
              .speaker("lin")
              .held(MARCH, MARCH)
              .kinds(Set.of(SearchHit.SEGMENT))
              .build();

      assertThat(index.search(query).hits())
          .singleElement()
          .extracting(SearchHit::snippet)
          .isEqualTo("i will <mark>draft</mark> the <mark>budget</mark> by friday");
    }

    @Test
    void kindsNarrowTheHits() {
      SearchResults actions =
          index.search(SearchQuery.builder("budget").kinds(Set.of(SearchHit.ACTION)).build());

      assertThat(actions.hits())
          .extracting(SearchHit::kind)
          .containsOnly(SearchHit.ACTION)
          .hasSize(2);
      assertThat(actions.hits())
          .extracting(SearchHit::actionItemId)
          .containsExactlyInAnyOrder("a1", "a1");
    }

    @Test
    void speakerFilterMatchesTheWholeNameInAnyCase() {
      SearchQuery query =
          SearchQuery.builder("budget")
              .speaker("ana lopez")
              .kinds(Set.of(SearchHit.SEGMENT))
              .build();

      assertThat(index.search(query).hits()).extracting(SearchHit::segmentId).containsExactly("g1");
      assertThat(index.search(SearchQuery.builder("budget").speaker("ana").build()).total())
          .isZero();
    }

    @Test
    void namedSpeakerInTheQueryMatchesPartOfTheName() {
      SearchQuery query =
          SearchQuery.builder("speaker:lopez budget").kinds(Set.of(SearchHit.SEGMENT)).build();
      assertThat(index.search(query).hits())
          .extracting(SearchHit::meetingId, SearchHit::segmentId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("march", "g1"));
    }

    @Test
    void datesTypedOrChosenBoundTheMeetings() {
      assertThat(meetings(SearchQuery.of("budget after:2025-04-01"))).containsOnly("april");
      assertThat(meetings(SearchQuery.of("budget before:2025-04-02"))).containsOnly("march");
      assertThat(meetings(SearchQuery.of("budget before:2025-04-03 after:2025-04-02")))
          .containsOnly("april");
      assertThat(
              meetings(
                  SearchQuery.builder("budget")
                      .held(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))
                      .build()))
          .containsOnly("march");
      // Not a real day: searched as words, which are nowhere.
      assertThat(index.search(SearchQuery.of("budget before:2025-02-30")).total()).isZero();
    }

    @Test
    void onlyDatesTypedFindsEverythingInRange() {
      assertThat(meetings(SearchQuery.of("after:2025-04-01"))).containsOnly("april");
    }

    @Test
    void excludedWordsAndPrefixesWork() {
      assertThat(
              index
                  .search(SearchQuery.builder("budg* -friday").kinds(Set.of("segment")).build())
                  .hits())
          .extracting(SearchHit::meetingId, SearchHit::segmentId)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("march", "g1"),
              org.assertj.core.groups.Tuple.tuple("april", "g1"));
    }

    @Test
    void openItemsForAnOwnerDueInAWeekListWithoutText() {
      SearchQuery query =
          SearchQuery.builder("")
              .kinds(Set.of(SearchHit.ACTION))
              .owner("LIN")
              .status("open")
              .due(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 23))
              .order(SearchQuery.Order.DUE)
              .build();

      List<SearchHit> hits = index.search(query).hits();

      assertThat(hits).hasSize(1);
      SearchHit item = hits.get(0);
      assertThat(item.actionItemId()).isEqualTo("a1");
      assertThat(item.meetingId()).isEqualTo("march");
      assertThat(item.due()).isEqualTo(LocalDate.of(2025, 3, 21));
      assertThat(item.status()).isEqualTo("open");
      assertThat(item.speaker()).isEqualTo("Lin");
    }

    @Test
    void actionItemsSortByDueDateWithUndatedLast() {
      SearchQuery query =
          SearchQuery.builder("")
              .kinds(Set.of(SearchHit.ACTION))
              .order(SearchQuery.Order.DUE)
              .build();

      assertThat(index.search(query).hits())
          .extracting(SearchHit::due)
          .containsExactly(LocalDate.of(2025, 3, 21), LocalDate.of(2025, 4, 9), null);
    }

    @Test
    void newestFirstOrdersByMeetingDate() {
      SearchQuery query =
          SearchQuery.builder("budget")
              .kinds(Set.of(SearchHit.SEGMENT))
              .order(SearchQuery.Order.NEWEST)
              .build();

      assertThat(meetings(query)).containsExactly("april", "march");
    }

    @Test
    void blankTextWithoutFiltersFindsNothing() {
      assertThat(index.search(SearchQuery.of("  ")).total()).isZero();
    }

    @Test
    void facetsCountTheHitsBySpeakerMeetingMonthAndOwner() {
      Facets facets = index.search(SearchQuery.builder("budget").facets(true).build()).facets();

      assertThat(facets.speakers())
          .extracting(Facets.Count::value, Facets.Count::count)
          // Two segments, two action items and both meetings, where Lin took part.
          .contains(org.assertj.core.groups.Tuple.tuple("Lin", 6L));
      assertThat(facets.meetings())
          .extracting(Facets.Count::value, Facets.Count::label)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("march", "Planning"),
              org.assertj.core.groups.Tuple.tuple("april", "Review"));
      assertThat(facets.months())
          .extracting(Facets.Count::value)
          .containsExactlyInAnyOrder("2025-03", "2025-04");
      assertThat(facets.owners())
          .extracting(Facets.Count::value, Facets.Count::count)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("Lin", 2L));
    }

    @Test
    void suggestsSpeakersAndKeywordsByPrefixMostFrequentFirst() {
      assertThat(index.suggest("l", Viewer.everything(), 5))
          .extracting(Suggestion::kind, Suggestion::text)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Suggestion.SPEAKER, "Lin"),
              org.assertj.core.groups.Tuple.tuple(Suggestion.KEYWORD, "launch"));
      assertThat(index.suggest("APP", Viewer.everything(), 5))
          .extracting(Suggestion::text)
          .containsExactly("approval");
    }

    @Test
    void badFiltersAreRefusedWithTheReason() {
      assertThatThrownBy(() -> SearchQuery.builder("x").kinds(Set.of("minutes")).build())
          .hasMessageContaining("segment, meeting or action");
      assertThatThrownBy(() -> SearchQuery.builder("x").held(APRIL, MARCH).build())
          .hasMessageContaining("after");
    }

    private List<String> meetings(SearchQuery query) {
      return index.search(query).hits().stream().map(SearchHit::meetingId).distinct().toList();
    }
  }

  @Test
  void rebuildReplacesEverythingWithTheGivenMeetings() {
    index.index(
        "old", meeting("Old", MARCH).says("Ana", "obsolete budget").build(), Audience.ADMINS);

    long count =
        index.rebuild(
            List.of(
                new IndexedMeeting(
                    "new",
                    meeting("New", APRIL).says("Bo", "fresh budget").build(),
                    Audience.ADMINS)));

    assertThat(count).isEqualTo(1);
    assertThat(index.search(SearchQuery.of("budget")).hits())
        .extracting(SearchHit::meetingId)
        .containsOnly("new");
    assertThat(index.isCurrentSchema()).isTrue();
  }
}
