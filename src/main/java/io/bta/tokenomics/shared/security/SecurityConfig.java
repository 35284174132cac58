package io.bta.tokenomics.shared.security;

import io.bta.tokenomics.shared.apikeys.ApiKeyAuthenticationFilter;
import io.bta.tokenomics.shared.apikeys.ApiKeys;
import io.bta.tokenomics.shared.db.DataDirectory;
import io.bta.tokenomics.shared.error.Problems;
import io.bta.tokenomics.shared.web.RateLimitFilter;
import io.bta.tokenomics.shared.web.RateLimiter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security. Role-only rules live in the table below; rules that depend on
 * the data (acting on one's own account) are checked by the modules through {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, ApiKeys apiKeys, RateLimiter rateLimiter)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(
                    json,
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "UNAUTHENTICATED",
                            "Unauthenticated",
                            request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
                                    ? "the API key is unknown, revoked or expired"
                                    : request.getHeader("Authorization") == null
                                            ? "a bearer token or an API key is required"
                                            : invalidClaim(e) != null
                                                    ? invalidClaim(e).getMessage()
                                                    : "the bearer token is invalid or expired"));
        };
        AccessDeniedHandler denied = (request, response, e) -> write(
                json,
                response,
                Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "the caller may not do this"));

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(AccessRules.PUBLIC.toArray(String[]::new))
                            .permitAll();
                    for (var rule : AccessRules.ROLE_RULES) {
                        auth.requestMatchers(rule.method(), rule.patterns().toArray(String[]::new))
                                .hasAnyRole(rule.roles().toArray(String[]::new));
                    }
                    auth.requestMatchers("/actuator/**")
                            .hasRole(Caller.ADMIN)
                            .anyRequest()
                            .authenticated();
                })
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(apiKeys, unauthenticated), BearerTokenAuthenticationFilter.class)
                // after authentication (it counts per caller), before authorization and idempotency
                .addFilterAfter(new RateLimitFilter(rateLimiter, json), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * A request the firewall refuses (odd parameter names, encoded path tricks) is the client's
     * fault: a 400, rendered as a problem by the error controller, not a 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, DataDirectory dataDirectory) {
        NimbusJwtDecoder decoder;
        if (properties.jwksUri() != null && !properties.jwksUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).build();
        } else {
            var key = JwtSecrets.resolve(properties.jwtSecret(), dataDirectory.path());
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        }
        // Wall-clock time, not the service's Clock: the identity service sets exp in real time (and
        // tests move the service's clock by months while they sign tokens with the real one).
        return verifying(decoder, properties.clockSkew(), Clock.systemUTC());
    }

    /**
     * The decoder the service uses: the signature and the claims' shapes once per token (its bytes
     * do not change), the claims' values on every use, with expiry and not-before checked against
     * {@code clock} give or take {@code clockSkew}.
     */
    static JwtDecoder verifying(NimbusJwtDecoder decoder, Duration clockSkew, Clock clock) {
        var timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        var validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithValidators(timestamps),
                new JwtClaimValidator<Instant>("exp", Objects::nonNull));
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(new StrictClaims(decoder), validator, 10_000);
    }

    /** The claim of the wrong shape that refused a bearer token, if that is why it was refused. */
    private static StrictClaims.InvalidClaim invalidClaim(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictClaims.InvalidClaim invalid) {
                return invalid;
            }
        }
        return null;
    }

    /**
     * No observations (traces, timers) around each security filter: they cost more CPU per request
     * than the filters themselves. {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
