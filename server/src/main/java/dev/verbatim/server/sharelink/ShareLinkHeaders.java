package dev.verbatim.server.sharelink;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every answer under {@code /s/}, error pages included, keeps the token in its URL to itself: no
 * search engine indexes it and no browser sends it on as a Referer.
 */
@Configuration(proxyBeanMethods = false)
class ShareLinkHeaders implements WebMvcConfigurer, HandlerInterceptor {

  static final String ROUTES = "/s/**";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(ROUTES);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
    response.setHeader("Referrer-Policy", "no-referrer");
    return true;
  }
}
