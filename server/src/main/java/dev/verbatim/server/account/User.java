package dev.verbatim.server.account;

import java.time.Instant;

/** A person with an account, as the users API shows them (never with their password hash). */
public record User(
    String id, String email, String name, Role role, boolean disabled, Instant createdAt) {}
