/**
 * Meetings as the service keeps them: stored in the database, read and edited through the API, and
 * turned back into the {@code verbatim/meeting@1} document.
 */
@NullMarked
package dev.verbatim.server.meeting;

import org.jspecify.annotations.NullMarked;
