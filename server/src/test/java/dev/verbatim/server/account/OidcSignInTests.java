package dev.verbatim.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with a real OpenID Connect provider: Spring Authorization Server, run in this JVM on a
 * port of its own. The authorization-code flow goes through both servers as a browser would,
 * redirect by redirect. The provider is at {@code localhost} and Verbatim at {@code 127.0.0.1}, so
 * each keeps its own cookies, as two sites do.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInTests {

  static final String CLIENT_SECRET = "verbatim-client-secret";
  static ConfigurableApplicationContext provider;
  static int providerPort;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", () -> TestData.directory("verbatim-oidc").toString());
    provider =
        new SpringApplicationBuilder(Provider.class)
            .properties(
                "spring.config.name=oidc-provider",
                "server.port=0",
                "server.servlet.session.cookie.name=PROVIDER_SESSION",
                "spring.flyway.enabled=false",
                "spring.main.banner-mode=off",
                "spring.jmx.enabled=false")
            .run();
    providerPort = ((WebServerApplicationContext) provider).getWebServer().getPort();
    String registration = "spring.security.oauth2.client.registration.corp.";
    registry.add(registration + "client-id", () -> "verbatim");
    registry.add(registration + "client-secret", () -> CLIENT_SECRET);
    registry.add(registration + "client-name", () -> "Corp SSO");
    registry.add(registration + "scope", () -> "openid,email,profile");
    registry.add(
        "spring.security.oauth2.client.provider.corp.issuer-uri",
        () -> "http://localhost:" + providerPort);
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  String verbatim;

  @BeforeAll
  void registerVerbatimAtTheProvider() {
    verbatim = "http://127.0.0.1:" + port;
    provider
        .getBean(RegisteredClientRepository.class)
        .save(Provider.client(verbatim + "/login/oauth2/code/corp"));
  }

  @Test
  void theLoginPageOffersTheProvider() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get(verbatim + "/login");
    assertThat(page.body())
        .contains("Sign in with Corp SSO")
        .contains("/oauth2/authorization/corp");
  }

  @Test
  void aVerifiedEmailSignsInAsANewMember() throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> end = browser.signInWithProvider(verbatim, "alice", "alice-password");

    assertThat(end.uri().toString()).isEqualTo(verbatim + "/");
    HttpResponse<String> me = browser.get(verbatim + "/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"email\":\"alice@corp.test\"").contains("\"role\":\"member\"");
    assertThat(accounts.findByEmail("alice@corp.test"))
        .get()
        .extracting(u -> u.role())
        .isEqualTo(Role.MEMBER);

    // The next sign-in finds the same account.
    String id = accounts.findByEmail("alice@corp.test").orElseThrow().id();
    new Browser().signInWithProvider(verbatim, "alice", "alice-password");
    assertThat(accounts.findByEmail("alice@corp.test").orElseThrow().id()).isEqualTo(id);
  }

  @Test
  void anExistingAccountIsLinkedByItsEmailAndKeepsItsRole() throws Exception {
    ApiClient admin = new ApiClient(port);
    assertThat(
            admin
                .post(
                    "/api/users",
                    Map.of(
                        "email", "carol@corp.test",
                        "name", "Carol",
                        "password", "carol's long password",
                        "role", "admin"))
                .status())
        .isEqualTo(201);
    Browser browser = new Browser();

    browser.signInWithProvider(verbatim, "carol", "carol-password");

    HttpResponse<String> me = browser.get(verbatim + "/api/me");
    assertThat(me.body()).contains("\"email\":\"carol@corp.test\"").contains("\"role\":\"admin\"");
  }

  @Test
  void anUnverifiedEmailIsRefusedWithAClearMessage() throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> end = browser.signInWithProvider(verbatim, "bob", "bob-password");

    assertThat(end.uri().toString()).startsWith(verbatim + "/login?oidc-error");
    assertThat(end.body()).contains("Your email address at Corp SSO is not verified");
    assertThat(browser.get(verbatim + "/api/me").statusCode()).isEqualTo(401);
    assertThat(accounts.findByEmail("bob@corp.test")).isEmpty();
  }

  /** A browser: a cookie jar, redirects followed one by one, the provider's sign-in form. */
  static final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*").GET().build(),
          BodyHandlers.ofString());
    }

    /** From Verbatim's "Sign in with" link to the page the flow ends on. */
    HttpResponse<String> signInWithProvider(String verbatim, String user, String password)
        throws IOException, InterruptedException {
      HttpResponse<String> response = follow(get(verbatim + "/oauth2/authorization/corp"));
      // The provider's own sign-in form.
      assertThat(response.uri().getPath()).isEqualTo("/login");
      Matcher csrf = CSRF.matcher(response.body());
      assertThat(csrf.find()).as(response.body()).isTrue();
      String form =
          "username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          http.send(
              HttpRequest.newBuilder(response.uri())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(BodyPublishers.ofString(form))
                  .build(),
              BodyHandlers.ofString());
      return follow(signedIn);
    }

    private HttpResponse<String> follow(HttpResponse<String> response)
        throws IOException, InterruptedException {
      for (int hops = 0; hops < 10; hops++) {
        if (response.statusCode() / 100 != 3) {
          return response;
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        response = get(response.uri().resolve(location).toString());
      }
      throw new AssertionError("Too many redirects, last at " + response.uri());
    }
  }

  /** The OpenID Connect provider: authorization code flow, ID tokens with email claims. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Provider {

    static RegisteredClient client(String redirectUri) {
      return RegisteredClient.withId("verbatim")
          .clientId("verbatim")
          .clientSecret("{noop}" + CLIENT_SECRET)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri(redirectUri)
          .scope(OidcScopes.OPENID)
          .scope(OidcScopes.EMAIL)
          .scope(OidcScopes.PROFILE)
          .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
          .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
      OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
      http.securityMatcher(server.getEndpointsMatcher())
          .with(server, as -> as.oidc(Customizer.withDefaults()))
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .oauth2ResourceServer(tokens -> tokens.jwt(Customizer.withDefaults()))
          .exceptionHandling(
              e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults());
      return http.build();
    }

    @Bean
    UserDetailsService people() {
      return new InMemoryUserDetailsManager(
          User.withUsername("alice").password("{noop}alice-password").roles("USER").build(),
          User.withUsername("bob").password("{noop}bob-password").roles("USER").build(),
          User.withUsername("carol").password("{noop}carol-password").roles("USER").build());
    }

    /** Everyone's email is verified but Bob's. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emails() {
      return context -> {
        if ("id_token".equals(context.getTokenType().getValue())) {
          String name = context.getPrincipal().getName();
          context.getClaims().claim("email", name + "@corp.test");
          context.getClaims().claim("email_verified", !name.equals("bob"));
          context.getClaims().claim("name", name.substring(0, 1).toUpperCase() + name.substring(1));
        }
      };
    }

    @Bean
    RegisteredClientRepository clients() {
      // Verbatim's port is known only once it runs; the test registers it then.
      return new InMemoryRegisteredClientRepository(client("http://127.0.0.1/unknown-yet"));
    }

    @Bean
    JWKSource<com.nimbusds.jose.proc.SecurityContext> keys() throws NoSuchAlgorithmException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyID(UUID.randomUUID().toString())
              .build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<com.nimbusds.jose.proc.SecurityContext> keys) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
      return AuthorizationServerSettings.builder().build();
    }
  }
}
