package dev.verbatim.core;

/** A word together with the speaker who said it, before words are grouped into segments. */
public record SpeakerWord(String speakerId, Word word) {}
