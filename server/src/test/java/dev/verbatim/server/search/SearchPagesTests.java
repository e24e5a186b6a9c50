package dev.verbatim.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchPagesTests {

  @Test
  void linksKeepEveryCharacterOfTheQueryAndTheFilters() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("speaker", "Smith & Co = 100% #1");
    filters.put("from", "2025-03-01");

    String link = SearchPages.link("C++ \"launch\" -draft <b>", filters, 2);

    URI uri = URI.create(link);
    assertThat(uri.getPath()).isEqualTo("/search");
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] nameValue = pair.split("=", 2);
      params.put(decode(nameValue[0]), decode(nameValue[1]));
    }
    assertThat(params)
        .containsExactly(
            Map.entry("q", "C++ \"launch\" -draft <b>"),
            Map.entry("speaker", "Smith & Co = 100% #1"),
            Map.entry("from", "2025-03-01"),
            Map.entry("page", "2"));
  }

  @Test
  void theFirstPageWithNothingChosenIsThePlainSearchPage() {
    assertThat(SearchPages.link("", Map.of(), 0)).isEqualTo("/search");
  }

  @Test
  void hitsAreGroupedByMeetingInTheOrderTheyRanked() {
    MeetingSearch.Hit a1 = hit("a", "g1");
    MeetingSearch.Hit b1 = hit("b", "g1");
    MeetingSearch.Hit a2 = hit("a", "g2");

    var groups = SearchPages.groups(java.util.List.of(a1, b1, a2));

    assertThat(groups).extracting(SearchPages.Group::meetingId).containsExactly("a", "b");
    assertThat(groups.get(0).hits())
        .extracting(r -> r.hit().segmentId())
        .containsExactly("g1", "g2");
    assertThat(groups.get(0).hits().get(0).time()).isEqualTo("1:05");
  }

  private static MeetingSearch.Hit hit(String meeting, String segment) {
    return new MeetingSearch.Hit(
        "segment",
        meeting,
        "Title " + meeting,
        null,
        segment,
        65_000,
        "Ana",
        "x",
        1f,
        null,
        null,
        null,
        "/meetings/" + meeting);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
