package dev.verbatim.server.audit;

import java.util.Optional;

/**
 * Who the current request acts for, as the audit trail records them. The accounts implement it, so
 * this package needs nothing of theirs.
 */
public interface AuditActors {

  /** The signed-in person or token owner of the current request, if it has one. */
  Optional<AuditActor> actor();
}
