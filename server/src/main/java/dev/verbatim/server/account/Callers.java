package dev.verbatim.server.account;

import dev.verbatim.server.audit.AuditActor;
import dev.verbatim.server.audit.AuditActors;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who the current request acts for. */
@Component
public class Callers implements AuditActors {

  /** The caller of a request that had to authenticate; every meeting route does. */
  public Caller current() {
    return find()
        .orElseThrow(() -> new IllegalStateException("The request has no authenticated caller"));
  }

  public Optional<Caller> find() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  static Optional<Caller> of(@Nullable Authentication authentication) {
    if (authentication instanceof TokenAuthentication token) {
      return Optional.of(token.caller());
    }
    if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
      return Optional.of(p.caller());
    }
    return Optional.empty();
  }

  /** The caller as the audit trail records them: account, email now, and token if any. */
  @Override
  public Optional<AuditActor> actor() {
    return find().map(c -> AuditActor.user(c.id(), c.email(), c.tokenId()));
  }
}
