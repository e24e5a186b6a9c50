package dev.verbatim.testsupport.evaluation;

/**
 * A decision the script says is there.
 *
 * @param line the index of the scripted line it was said in
 * @param text a reference wording
 */
public record ExpectedDecision(int line, String text) {}
