package dev.verbatim.server.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
                        + " minutes, and export them. Errors are RFC 9457 problem details."));
  }
}
