/**
 * Retention: recordings, and whole meetings, deleted once they are older than the organisation
 * keeps them ({@code verbatim.retention.*}), each deletion in the audit trail as the system's.
 */
@NullMarked
package dev.verbatim.server.retention;

import org.jspecify.annotations.NullMarked;
