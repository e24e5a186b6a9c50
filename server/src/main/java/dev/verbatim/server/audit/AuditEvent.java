package dev.verbatim.server.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail.
 *
 * @param time when, in UTC
 * @param detail a few words more, such as an export's format
 * @param client the address the request came from, as the servlet container saw it
 */
public record AuditEvent(
    long id,
    Instant time,
    AuditActor actor,
    AuditAction action,
    @Nullable AuditTarget target,
    @Nullable String detail,
    @Nullable String client) {}
