/**
 * Who is asking: people and their roles, sign-in with a form and a server-side session, API tokens,
 * and the web security that turns both into a {@link dev.verbatim.server.account.Caller}. Spring
 * Security stays in this package; the rest of the server asks {@link
 * dev.verbatim.server.account.Callers} who the caller is.
 */
@NullMarked
package dev.verbatim.server.account;

import org.jspecify.annotations.NullMarked;
