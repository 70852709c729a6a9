package io.masspay.infra.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.masspay.kernel.security.Caller;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): springdoc finds the
 * routes, {@link DescribedOperations} gives them the contract's words.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

    static {
        // the issuer a token is bound to is resolved from the token, it is not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * swagger-core reads the controllers' records with a Jackson 2 mapper of its own, not with the web
     * layer's Jackson 3 one; it must name properties the way the wire does (PascalCase, API.md), or the
     * generated schemas, which {@link DescribedOperations} compares with the described ones, say
     * {@code batchId} where the service writes {@code BatchId}.
     */
    @Bean
    ModelResolver pascalCaseModelResolver() {
        ObjectMapper wireNames = Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);
        return new ModelResolver(wireNames);
    }

    @Bean
    OpenApiCustomizer describedOperations() {
        return new DescribedOperations(DescribedOperations.load("/openapi/masspay-api.yaml"));
    }
}
