package dev.verbatim.testsupport;

/** A scripted line as it ended up in the rendered recording, with its true time span. */
public record SpokenLine(Line line, long startMs, long endMs) {}
