package dev.verbatim.server.meeting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a meeting route needs, where it is more than its method implies: {@link
 * MeetingAccess} lets GET and HEAD through with {@link Permission#VIEW} and every other method with
 * {@link Permission#EDIT}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {
  Permission value();
}
