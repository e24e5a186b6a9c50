package dev.verbatim.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The sign-in page and the API tokens page, and who is signed in for every page's header (as {@code
 * me}).
 */
@Controller
class AccountPages {

  private final Callers callers;
  private final List<OpenIdProvider> providers;

  /** A configured OpenID Connect provider, for its "Sign in with" link. */
  record OpenIdProvider(String id, String name) {}

  AccountPages(Callers callers, ObjectProvider<ClientRegistrationRepository> registrations) {
    this.callers = callers;
    List<OpenIdProvider> found = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object registration : all) {
        if (registration instanceof ClientRegistration r) {
          found.add(new OpenIdProvider(r.getRegistrationId(), r.getClientName()));
        }
      }
    }
    this.providers = List.copyOf(found);
  }

  @GetMapping("/login")
  String login(
      @RequestParam(name = "error", required = false) @Nullable String error,
      @RequestParam(name = "signedout", required = false) @Nullable String signedOut,
      @RequestAttribute(name = SignInLimits.LOCKED_SECONDS, required = false)
          @Nullable Long lockedSeconds,
      @RequestParam(name = "oidc-error", required = false) @Nullable String oidcError,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (callers.find().isPresent()) {
      return "redirect:/";
    }
    if (lockedSeconds != null) {
      // A refused sign-in form (SignInLimits), shown again with its reason.
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(lockedSeconds));
      model.addAttribute("lockedMinutes", Math.max(1, (lockedSeconds + 59) / 60));
    }
    model.addAttribute("providers", providers);
    if (oidcError != null) {
      HttpSession session = request.getSession(false);
      String message =
          session == null
              ? null
              : OidcSignIn.message(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION));
      model.addAttribute(
          "oidcError", message != null ? message : "Signing in with the provider did not work.");
    }
    model.addAttribute("error", error != null);
    model.addAttribute("signedOut", signedOut != null);
    return "login";
  }

  /** The caller's API tokens; the page's script lists, creates and revokes them. */
  @GetMapping("/tokens")
  String tokens(Model model) {
    model.addAttribute("scopes", Scope.values());
    return "tokens";
  }

  /** The accounts, for admins; the page's script lists, creates and changes them. */
  @GetMapping("/users")
  String users() {
    return "users";
  }

  /** Adds the caller to the model of every page, for the header. */
  @Configuration(proxyBeanMethods = false)
  static class SignedInModel implements WebMvcConfigurer, HandlerInterceptor {

    private final Callers callers;

    SignedInModel(Callers callers) {
      this.callers = callers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
        HttpServletRequest request,
        HttpServletResponse response,
        Object handler,
        @Nullable ModelAndView view) {
      if (view != null && !view.getModel().containsKey("me")) {
        view.addObject("me", callers.find().orElse(null));
      }
    }
  }
}
