package io.bta.tokenomics.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * A JSON object of the service names each key once. By default Jackson keeps the last of two
 * values for a key, while a proxy, a gateway's audit log or a signature check may read the first:
 * {@code {"toEntityId":"bob","toEntityId":"mallory"}} would be seen paying bob and pay mallory. The
 * parser refuses the second occurrence wherever it is (a nested object, a batch item), and the
 * problem handler answers a 400 naming the key's path.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateKeysConfig {

    @Bean
    JsonMapperBuilderCustomizer duplicateKeysRefused() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
