package dev.verbatim.server.meeting;

import org.jspecify.annotations.Nullable;

/**
 * One uploaded recording of a meeting.
 *
 * @param name the file name the uploader gave it
 * @param storageKey where {@code MediaStorage} keeps it
 */
public record MediaFile(
    int ordinal,
    String name,
    String storageKey,
    long sizeBytes,
    String sha256,
    @Nullable String mediaType) {}
