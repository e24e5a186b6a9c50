package dev.verbatim.server.audit;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Records an {@link Audited} method's action once it returns. Nothing is recorded for one that
 * throws; a record that cannot be written fails the request, as the response is not written yet.
 */
final class AuditAdvice implements MethodInterceptor {

  private final ObjectProvider<AuditTrail> trail;

  AuditAdvice(ObjectProvider<AuditTrail> trail) {
    this.trail = trail;
  }

  @Override
  public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
    Object result = invocation.proceed();
    Audited audited =
        AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Audited.class);
    if (audited != null) {
      trail.getObject().recordReturned(audited, result);
    }
    return result;
  }
}
