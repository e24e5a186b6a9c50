package dev.verbatim.minutes.template;

import dev.verbatim.core.Minutes;
import dev.verbatim.minutes.template.MinutesTemplate.Section;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The minutes templates: the built-in ones, overridden or added to by {@code *.template} files in a
 * user directory. A template file is plain text:
 *
 * <pre>
 * # comment
 * title: Stand-up
 * sections: action-items, decisions, summary, participants, transcript
 * </pre>
 *
 * <p>The id is the file name without {@code .template}. Every file is read once, when this is made,
 * so a broken file stops start-up instead of a meeting.
 */
public final class MinutesTemplates {

  private static final Logger log = LoggerFactory.getLogger(MinutesTemplates.class);

  private static final String EXTENSION = ".template";

  /** Resources cannot be listed portably from a jar, so the built-in ids are named here. */
  private static final List<String> BUILT_IN =
      List.of(Minutes.GENERAL, "standup", "project-review", "customer-call");

  private final Map<String, MinutesTemplate> templates;
  private final List<String> order;

  /**
   * @param userDirectory a directory of {@code *.template} files, or null for the built-in
   *     templates only
   * @throws IllegalArgumentException when a template file is malformed, naming the file and line
   * @throws UncheckedIOException when a template file cannot be read
   */
  public MinutesTemplates(@Nullable Path userDirectory) {
    Map<String, MinutesTemplate> loaded = new LinkedHashMap<>();
    for (String id : BUILT_IN) {
      loaded.put(id, builtIn(id));
    }
    if (userDirectory != null) {
      for (Path file : templateFiles(userDirectory)) {
        MinutesTemplate template = read(file);
        if (loaded.put(template.id(), template) != null) {
          log.info("Template '{}' from {} replaces the built-in one", template.id(), file);
        }
      }
    }
    this.templates = Map.copyOf(loaded);
    this.order = List.copyOf(loaded.keySet());
  }

  /**
   * Returns the template with this id.
   *
   * @throws IllegalArgumentException when there is none, listing the ids there are
   */
  public MinutesTemplate get(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No minutes template '"
                        + id
                        + "'; known templates: "
                        + String.join(", ", order)));
  }

  /** Returns the template with this id, if there is one. */
  public Optional<MinutesTemplate> find(String id) {
    return Optional.ofNullable(templates.get(id));
  }

  /** Returns every template: the built-in ones first, then the user's own by id. */
  public List<MinutesTemplate> all() {
    return order.stream().map(templates::get).toList();
  }

  private static MinutesTemplate builtIn(String id) {
    String resource = "templates/" + id + EXTENSION;
    try (InputStream in = MinutesTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The built-in template " + resource + " is missing");
      }
      return parse(id, "built-in " + resource, strictUtf8(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the built-in template " + resource, e);
    }
  }

  private static List<Path> templateFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("The template directory " + directory + " is missing");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + EXTENSION)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the template directory " + directory, e);
    }
    // Sorted so that logs and all() do not depend on the file system's order.
    files.sort(null);
    return files;
  }

  private static MinutesTemplate read(Path file) {
    String name = file.getFileName().toString();
    String id = name.substring(0, name.length() - EXTENSION.length());
    try (InputStream in = Files.newInputStream(file)) {
      return parse(id, file.toString(), strictUtf8(in));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("Template file " + file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the template file " + file, e);
    }
  }

  /** Malformed bytes fail instead of turning silently into replacement characters. */
  private static Reader strictUtf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static MinutesTemplate parse(String id, String source, Reader reader) throws IOException {
    String title = null;
    List<Section> sections = null;
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      // Editors on Windows start files with a byte-order mark.
      String trimmed = (number == 1 ? line.replaceFirst("^\uFEFF", "") : line).strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon < 0) {
        throw malformed(source, number, "expected 'key: value', found '" + trimmed + "'");
      }
      String key = trimmed.substring(0, colon).strip();
      String value = trimmed.substring(colon + 1).strip();
      switch (key) {
        case "title" -> {
          if (title != null) {
            throw malformed(source, number, "'title' is given twice");
          }
          if (value.isEmpty()) {
            throw malformed(source, number, "the title is empty");
          }
          title = value;
        }
        case "sections" -> {
          if (sections != null) {
            throw malformed(source, number, "'sections' is given twice");
          }
          sections = sections(source, number, value);
        }
        default ->
            throw malformed(
                source, number, "unknown key '" + key + "'; known keys: title, sections");
      }
    }
    if (title == null) {
      throw new IllegalArgumentException("Template file " + source + " has no 'title:' line");
    }
    if (sections == null) {
      throw new IllegalArgumentException("Template file " + source + " has no 'sections:' line");
    }
    try {
      return new MinutesTemplate(id, title, sections);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Template file " + source + ": " + e.getMessage(), e);
    }
  }

  private static List<Section> sections(String source, int number, String value) {
    List<Section> sections = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String name = part.strip();
      if (name.isEmpty()) {
        throw malformed(source, number, "a section name is empty");
      }
      Section section = section(name);
      if (section == null) {
        throw malformed(
            source, number, "unknown section '" + name + "'; known sections: " + sectionNames());
      }
      if (sections.contains(section)) {
        throw malformed(source, number, "section '" + name + "' is given twice");
      }
      sections.add(section);
    }
    return sections;
  }

  private static @Nullable Section section(String name) {
    for (Section section : Section.values()) {
      if (name(section).equals(name)) {
        return section;
      }
    }
    return null;
  }

  /** The name of a section in template files, such as {@code action-items}. */
  static String name(Section section) {
    return section.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String sectionNames() {
    return Arrays.stream(Section.values())
        .map(MinutesTemplates::name)
        .collect(Collectors.joining(", "));
  }

  private static IllegalArgumentException malformed(String source, int line, String problem) {
    return new IllegalArgumentException(
        "Template file " + source + ", line " + line + ": " + problem);
  }
}
