/**
 * The Verbatim application: it wires the feature modules into one pipeline and offers it as a
 * command line and a web service.
 *
 * <p>Feature logic does not live here. Media handling is in {@code ingest}, recognition in {@code
 * transcribe}, minutes in {@code minutes} and the index in {@code search}; this module only
 * orchestrates them, owns the document format on disk and speaks to users.
 */
@NullMarked
package dev.verbatim.server;

import org.jspecify.annotations.NullMarked;
