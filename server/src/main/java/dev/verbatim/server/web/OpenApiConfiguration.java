package dev.verbatim.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document at {@code /api/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI verbatimOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Verbatim API")
                .version("1")
                .description(
                    "Upload recordings, follow their processing, read and edit transcripts and"
                        + " minutes, and export them. Errors are RFC 9457 problem details."
                        + " Authenticate with an API token (Authorization: Bearer <token>) or"
                        + " the session of a signed-in page; a token's scopes are"
                        + " meetings:read, meetings:write and action-items:write."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "An API token, made on the API tokens page or POST /api/tokens")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
