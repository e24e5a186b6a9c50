package dev.verbatim.server.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts for every kind of process; the web security itself is in {@link WebSecurity}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AccountConfiguration {

  /** BCrypt today, with the algorithm's name in each hash so a stronger one can follow. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Sign-in looks accounts up by email. Unknown and disabled accounts fail alike, and Spring's
   * provider hashes a dummy password for unknown ones, so neither the message nor the time tells
   * whether an address has an account.
   */
  @Bean
  UserDetailsService userDetailsService(UserStore users) {
    return email ->
        users
            .credentials(email)
            .map(c -> new AccountPrincipal(c.user(), c.passwordHash()))
            .orElseThrow(() -> new UsernameNotFoundException("No such account"));
  }

  /** Only a web service makes the first admin; one-shot commands keep no accounts. */
  @Bean
  @ConditionalOnWebApplication
  AdminBootstrap adminBootstrap(Accounts accounts, AdminProperties properties) {
    return new AdminBootstrap(accounts, properties);
  }
}
