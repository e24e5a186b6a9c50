package dev.verbatim.server.meeting;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link MeetingAccess} to every route of a meeting, before its handler runs: whatever is
 * mapped under {@code /api/meetings/{id}} or {@code /meetings/{id}}, now or later, is checked here.
 * GET and HEAD need {@link Permission#VIEW}, other methods {@link Permission#EDIT}, and a handler
 * may ask for more with {@link RequiresPermission}.
 */
@Configuration(proxyBeanMethods = false)
class MeetingAccessCheck implements WebMvcConfigurer, HandlerInterceptor {

  private static final String[] MEETING_ROUTES = {"/api/meetings/{", "/meetings/{"};

  private final MeetingAccess access;

  MeetingAccessCheck(MeetingAccess access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      // The end of an event stream comes back through here; its access was checked when it
      // opened, and the session may have ended since, as when the person signed out.
      return true;
    }
    if (!(handler instanceof HandlerMethod method)
        || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
            instanceof String pattern)) {
      return true;
    }
    String variable = meetingVariable(pattern);
    if (variable == null) {
      return true;
    }
    // Whatever the route calls its meeting id; without one, nothing is let through.
    Object id =
        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> v
            ? v.get(variable)
            : null;
    if (!(id instanceof String meetingId)) {
      throw new MeetingNotFoundException("Meeting");
    }
    try {
      access.require(meetingId, needed(request, method));
    } catch (MeetingNotFoundException | MeetingForbiddenException e) {
      if (eventStream(request)) {
        // An event stream cannot carry problem JSON; the status alone says it.
        response.setStatus(e instanceof MeetingNotFoundException ? 404 : 403);
        return false;
      }
      throw e;
    }
    return true;
  }

  private static boolean eventStream(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null
        && accept.contains("text/event-stream")
        && !accept.contains("json")
        && !accept.contains("*/*");
  }

  /** The name of the path variable that holds the meeting id, if this is a meeting's route. */
  static @Nullable String meetingVariable(String pattern) {
    for (String route : MEETING_ROUTES) {
      int end = pattern.indexOf('}', route.length());
      if (pattern.startsWith(route) && end > route.length()) {
        return pattern.substring(route.length(), end).split(":", 2)[0];
      }
    }
    return null;
  }

  private static Permission needed(HttpServletRequest request, HandlerMethod method) {
    RequiresPermission declared = method.getMethodAnnotation(RequiresPermission.class);
    if (declared != null) {
      return declared.value();
    }
    String verb = request.getMethod();
    return "GET".equals(verb) || "HEAD".equals(verb) ? Permission.VIEW : Permission.EDIT;
  }
}
