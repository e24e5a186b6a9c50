package dev.verbatim.server.account;

import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditActor;
import dev.verbatim.server.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Signing in, failing to and signing out, as Spring Security announces them, for the audit trail.
 * Here because Spring Security stays in this package. A failed sign-in records the address that was
 * tried, never the password; API tokens do not sign in (their use is {@code token.use}).
 */
@Component
class SignInAudit {

  private final AuditTrail audit;

  SignInAudit(AuditTrail audit) {
    this.audit = audit;
  }

  @EventListener
  void signedIn(AuthenticationSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
      audit.record(actor(p), AuditAction.LOGIN, null, null);
    }
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    // The name typed into the form, which may belong to no account; credentials are not read.
    String email = attempt.getName() == null ? "" : attempt.getName();
    audit.record(
        AuditActor.attempt(email),
        AuditAction.LOGIN_FAILED,
        null,
        event.getException().getClass().getSimpleName());
  }

  @EventListener
  void signedOut(LogoutSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
      audit.record(actor(p), AuditAction.LOGOUT, null, null);
    }
  }

  private static AuditActor actor(AccountPrincipal principal) {
    return AuditActor.user(principal.user().id(), principal.user().email(), null);
  }
}
