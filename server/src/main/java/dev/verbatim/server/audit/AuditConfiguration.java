package dev.verbatim.server.audit;

import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps every bean with {@link Audited} methods so that their calls are recorded. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  /** Static, as post-processors are made before other beans; the trail is looked up when used. */
  @Bean
  static AuditedMethods auditedMethods(ObjectProvider<AuditTrail> trail) {
    return new AuditedMethods(new AuditAdvice(trail));
  }

  /** The same mechanism Spring uses for {@code @Async} and {@code @Validated}. */
  static final class AuditedMethods extends AbstractAdvisingBeanPostProcessor {
    private static final long serialVersionUID = 1L;

    AuditedMethods(AuditAdvice advice) {
      this.advisor =
          new DefaultPointcutAdvisor(
              new AnnotationMatchingPointcut(null, Audited.class, true), advice);
      // Controllers implement no interfaces: proxy their class.
      setProxyTargetClass(true);
      setBeforeExistingAdvisors(true);
    }
  }
}
