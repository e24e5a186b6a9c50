/**
 * Limits on how often one client may try something: token buckets per key (an email, a client
 * address, a user), kept in a bounded map so that many distinct keys cannot exhaust memory. The
 * features that limit (sign-in in {@code account}, uploads in {@code upload}) choose the keys.
 */
@NullMarked
package dev.verbatim.server.ratelimit;

import org.jspecify.annotations.NullMarked;
