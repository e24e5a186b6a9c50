package dev.verbatim.minutes;

import java.time.LocalDate;

/** A due date found in text, with where its phrase lies. */
record DueDate(LocalDate date, int start, int end, String phrase) {}
