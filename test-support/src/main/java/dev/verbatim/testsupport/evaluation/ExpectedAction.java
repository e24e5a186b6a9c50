package dev.verbatim.testsupport.evaluation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An action item the script says is there.
 *
 * @param line the index of the scripted line it was said in
 * @param owner who does it, lowercase; null when the meeting left it open
 * @param due the date it is due, resolved against the meeting date; null when none was said
 * @param text a reference wording, matched on content words when timing cannot decide
 */
public record ExpectedAction(
    int line, @Nullable String owner, @Nullable LocalDate due, String text) {}
