/**
 * The audit trail: who did what to which meeting, account or token, when and from where.
 *
 * <p>Records are only ever added ({@link dev.verbatim.server.audit.AuditTrail}); nothing here
 * changes or deletes one. Controller methods say what they do with {@link
 * dev.verbatim.server.audit.Audited}, and one advice records it once the method has succeeded;
 * sign-in, token use, account changes and retention call {@link
 * dev.verbatim.server.audit.AuditTrail} themselves, since what they did depends on the outcome.
 * Admins read the trail at {@code /admin/audit}, {@code GET /api/audit} and {@code GET
 * /api/audit.csv}.
 *
 * <p>This package depends on no other feature: {@link dev.verbatim.server.audit.AuditActors} is how
 * it learns who is calling, implemented by the accounts.
 */
@NullMarked
package dev.verbatim.server.audit;

import org.jspecify.annotations.NullMarked;
