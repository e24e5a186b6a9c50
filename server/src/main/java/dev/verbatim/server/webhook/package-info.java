/**
 * Signed webhooks for task systems: admins subscribe a URL to meeting and action-item events;
 * changes write deliveries into an outbox in their own transaction; a dispatcher sends them,
 * signed, and retries with backoff. See docs/adr/0008-webhooks.md.
 */
@NullMarked
package dev.verbatim.server.webhook;

import org.jspecify.annotations.NullMarked;
