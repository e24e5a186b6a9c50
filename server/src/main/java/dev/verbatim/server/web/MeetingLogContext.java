package dev.verbatim.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the meeting id of a request ({@code /api/meetings/{id}/…}, {@code /meetings/{id}}) into the
 * logging context, so every log line about a meeting carries it, as the job workers' lines do.
 */
@Configuration(proxyBeanMethods = false)
class MeetingLogContext implements WebMvcConfigurer, HandlerInterceptor {

  static final String KEY = "meetingId";

  /**
   * Ids this service makes (meetings, resumable uploads); anything else in the URL, such as a line
   * break that would forge a log line, stays out of the log.
   */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> map
        && map.get("id") instanceof String id
        && ID.matcher(id).matches()) {
      MDC.put(KEY, id);
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable Exception ex) {
    MDC.remove(KEY);
  }
}
