package dev.verbatim.minutes;

import dev.verbatim.core.Speaker;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who took part, and what they are called: the speakers' names, names the engine worked out from
 * what was said, the meeting's roster (such as the participants a Jitsi recording lists), and
 * common given names for people mentioned who did not speak.
 *
 * <p>Speech names people by their given name ("Bob will send it"); a roster turns that into the
 * person's full name when exactly one person on it has that given name, and makes its given names
 * count as names even when they are not common ones.
 */
final class Participants {

  private static final Set<String> GIVEN_NAMES = Set.copyOf(WordLists.read("first-names.txt"));

  private final Map<String, Speaker> speakers = new LinkedHashMap<>();
  private final Map<String, String> identified = new HashMap<>();

  /** Given names of speakers known by a role, lowercase, to the speaker's id. */
  private final Map<String, String> aliases = new HashMap<>();

  /** The roster's full names by lowercase given name; empty where two people share one. */
  private final Map<String, Optional<String>> roster = new HashMap<>();

  Participants(List<Speaker> speakers) {
    this(speakers, List.of());
  }

  /**
   * @param roster full names of the people in the meeting, whether or not they spoke
   */
  Participants(List<Speaker> speakers, List<String> roster) {
    speakers.forEach(s -> this.speakers.put(s.id(), s));
    for (String name : roster) {
      String given = firstName(name);
      if (!given.isEmpty() && given.chars().allMatch(Character::isLetter)) {
        String full = name.strip().replaceAll("\\s+", " ");
        this.roster.merge(given, Optional.of(full), (a, b) -> a.equals(b) ? a : Optional.empty());
      }
    }
  }

  int count() {
    return speakers.size();
  }

  /** The one other speaker, in a meeting of two. */
  Optional<String> other(String speakerId) {
    if (speakers.size() != 2) {
      return Optional.empty();
    }
    return speakers.keySet().stream().filter(id -> !id.equals(speakerId)).findFirst();
  }

  /** The name minutes show for a speaker: their name, a name worked out, or their id. */
  String display(String speakerId) {
    Speaker speaker = speakers.get(speakerId);
    if (speaker != null && speaker.name() != null) {
      return speaker.name();
    }
    return identified.getOrDefault(speakerId, speakerId);
  }

  boolean hasName(String speakerId) {
    Speaker speaker = speakers.get(speakerId);
    return speaker != null && speaker.name() != null || identified.containsKey(speakerId);
  }

  /**
   * Whether {@code token} names a person: a speaker's given name, or a common given name. Only such
   * names make "X will …" an assignment or "X, can you …" a request.
   */
  boolean isName(String token) {
    return speakerNamed(token).isPresent()
        || roster.containsKey(token)
        || GIVEN_NAMES.contains(token);
  }

  /** The participant {@code token} refers to, as minutes show them. */
  String resolve(String token) {
    return speakerNamed(token)
        .map(this::display)
        .or(() -> onRoster(token))
        .orElse(Sentences.capitalise(token));
  }

  /** The one person on the roster with the given name {@code token}. */
  private Optional<String> onRoster(String token) {
    return roster.getOrDefault(token, Optional.empty());
  }

  /** The id of the speaker {@code token} names, if any speaker is known by that name. */
  Optional<String> speakerNamed(String token) {
    String aliased = aliases.get(token);
    if (aliased != null) {
      return Optional.of(aliased);
    }
    for (Speaker speaker : speakers.values()) {
      String name = speaker.name() != null ? speaker.name() : identified.get(speaker.id());
      if (name != null && !token.isEmpty() && firstName(name).equals(token) && !isRole(name)) {
        return Optional.of(speaker.id());
      }
    }
    return Optional.empty();
  }

  /**
   * Records that a speaker known by a role ("Industrial Designer") is also called {@code name}
   * ("I'm Kate, the industrial designer"), so "Kate will do the working design" is theirs. The
   * speaker keeps showing by their role; false if another speaker has that name.
   */
  boolean alias(String speakerId, String name) {
    String given = firstName(name);
    if (given.isEmpty() || speakerNamed(given).isPresent()) {
      return false;
    }
    aliases.put(given, speakerId);
    return true;
  }

  /** Records that unnamed {@code speakerId} is {@code name}; false if that contradicts others. */
  boolean identify(String speakerId, String name) {
    if (hasName(speakerId) || speakerNamed(firstName(name)).isPresent()) {
      return false;
    }
    identified.put(speakerId, onRoster(firstName(name)).orElse(name));
    return true;
  }

  /** The lowercase words of every participant's name, for capitalising them in text. */
  Set<String> nameWords() {
    Set<String> words = new HashSet<>();
    speakers.values().stream()
        .map(Speaker::name)
        .filter(Objects::nonNull)
        .forEach(n -> words.addAll(List.of(n.toLowerCase(Locale.ROOT).split("\\s+"))));
    identified
        .values()
        .forEach(n -> words.addAll(List.of(n.toLowerCase(Locale.ROOT).split("\\s+"))));
    roster.values().stream()
        .flatMap(Optional::stream)
        .forEach(n -> words.addAll(List.of(n.toLowerCase(Locale.ROOT).split("\\s+"))));
    return words;
  }

  /**
   * Whether a speaker's name is a role ("User Interface", "Project Manager") rather than a
   * person's: more than one word, the first not a given name. Its first word alone ("user") names
   * nobody.
   */
  static boolean isRole(String name) {
    String[] words = name.strip().toLowerCase(Locale.ROOT).split("\\s+");
    return words.length > 1
        && !GIVEN_NAMES.contains(words[0])
        && Arrays.stream(words).allMatch(BackgroundFrequencies::known);
  }

  /**
   * Speakers known by a role ("Marketing", "Industrial Designer") rather than a person's name, by
   * id, with their name's lowercase words.
   */
  Map<String, List<String>> roles() {
    Map<String, List<String>> roles = new LinkedHashMap<>();
    for (Speaker speaker : speakers.values()) {
      String name = speaker.name();
      if (name == null) {
        continue;
      }
      List<String> words = List.of(name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
      boolean oneWordRole =
          words.size() == 1
              && !GIVEN_NAMES.contains(words.get(0))
              && !roster.containsKey(words.get(0))
              && BackgroundFrequencies.known(words.get(0));
      if (isRole(name) || oneWordRole) {
        roles.put(speaker.id(), words);
      }
    }
    return roles;
  }

  /** The first word of a name, or "" for a name of punctuation only ("-", "."). */
  private static String firstName(String name) {
    for (String part : name.trim().toLowerCase(Locale.ROOT).split("[\\s_.-]+")) {
      if (!part.isEmpty()) {
        return part;
      }
    }
    return "";
  }
}
