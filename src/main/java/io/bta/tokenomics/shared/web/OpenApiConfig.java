package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description, with the bearer scheme so that Swagger UI can send a token. Value types
 * that the JSON mapper writes as one scalar are described as that scalar (an {@code Amount} is a
 * decimal string, an id a string, a lock period a number of days), not as the object their Java
 * shape suggests; each module's own value types register the same way ({@link #describeAs}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static {
        describeAs(String.class, Amount.class, EntityId.class);
    }

    /**
     * Describes each of {@code types} in the OpenAPI document as {@code scalar}: for a value type
     * whose JSON serializer writes one scalar. A module calls it where it registers the serializer.
     */
    public static void describeAs(Class<?> scalar, Class<?>... types) {
        for (var type : types) {
            SpringDocUtils.getConfig().replaceWithClass(type, scalar);
        }
    }

    @Bean
    OpenAPI tokenomicsOpenApi() {
        var components = new Components()
                .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT"));
        ProblemResponses.addSchemas(components);
        return new OpenAPI()
                .info(new Info()
                        .title("BTA Tokenomics API")
                        .version("0.1.0")
                        .description("Tokens, balances, transfers, history and trust scores of the BTA platform. "
                                + "Amounts are decimal strings with up to 18 decimals. Errors are RFC 9457 problems"
                                + " (application/problem+json) with a stable code; each operation lists the codes it"
                                + " can answer, with an example of each."))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
