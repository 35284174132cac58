package io.bta.tokenomics.shared.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.health.actuate.endpoint.SystemHealthDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the actuator's endpoints: Spring Boot's own isolated mapper (null values left out),
 * except that {@code GET /actuator/health} answers its status alone, as the README documents.
 * Spring Boot lists the health groups ({@code "groups":["liveness","readiness"]}) beside the
 * status whatever {@code show-details} and {@code show-components} say, and has no property to
 * leave them out; the probes themselves stay at {@code /actuator/health/liveness} and
 * {@code /actuator/health/readiness}. {@code management.endpoints.jackson.isolated-json-mapper=false}
 * makes Spring Boot use this bean instead of building its own.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorJson {

    @JsonIgnoreProperties("groups")
    private abstract static class WithoutGroups {}

    @Bean
    EndpointJsonMapper endpointJsonMapper() {
        var mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .addMixIn(SystemHealthDescriptor.class, WithoutGroups.class)
                .build();
        return () -> mapper;
    }
}
