/**
 * Read-only share links: a secret URL that shows one meeting to whoever holds it, without an
 * account. Its owner (or an admin) makes, lists and revokes links through {@code
 * /api/meetings/{id}/share-links}; the links themselves are {@code /s/{token}} (the page, in {@code
 * web}), {@code /s/{token}/media} and {@code /s/{token}/export/{format}}. Only a token's SHA-256 is
 * kept, and every look is recorded in the audit trail as the link, not as a person.
 */
@NullMarked
package dev.verbatim.server.sharelink;

import org.jspecify.annotations.NullMarked;
