package nl.waarborg.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at /api/v1/openapi.json. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI waarborgOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Waarborg API").version("v1")
                        .description("The privacy policy in force, the statement and the Art. 30 register derived from it, "
                                + "and the hash-chained audit log. "
                                + "Staff endpoints need 'Authorization: Bearer <staff token>'; errors are application/problem+json."))
                .components(new Components().addSecuritySchemes("staffToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
