package io.bta.tokenomics.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description, with the bearer scheme so that Swagger UI can send a token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI tokenomicsOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("BTA Tokenomics API")
                        .version("0.1.0")
                        .description("Tokens, balances, transfers, history and trust scores of the BTA platform. "
                                + "Amounts are decimal strings with up to 18 decimals. Errors are RFC 9457 problems."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
