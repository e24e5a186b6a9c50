package dev.verbatim.server.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method that the audit trail records, once it has returned without an exception (a
 * refused or failed request did nothing to record). The record is written before the response is,
 * in the same request: if it cannot be written the request fails, rather than act unrecorded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

  AuditAction value();

  /** What kind of thing the target is. */
  AuditTarget.Kind kind() default AuditTarget.Kind.MEETING;

  /**
   * The path variable that holds the target's id; empty for something the request creates, whose id
   * is the last segment of the response's {@code Location}.
   */
  String target() default "id";

  /** Path variables or request parameters to record as the detail, as {@code name=value}. */
  String[] detail() default {};

  /** Fixed words for the detail, such as which of two routes to the same action this is. */
  String note() default "";

  /**
   * Once per target per session (per token and hour without one), for routes a client calls many
   * times for one thing, like the range requests of a player.
   */
  boolean oncePerSession() default false;
}
