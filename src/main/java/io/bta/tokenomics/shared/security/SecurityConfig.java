package io.bta.tokenomics.shared.security;

import io.bta.tokenomics.shared.apikeys.ApiKeyAuthenticationFilter;
import io.bta.tokenomics.shared.apikeys.ApiKeys;
import io.bta.tokenomics.shared.db.DataDirectory;
import io.bta.tokenomics.shared.error.Problems;
import io.bta.tokenomics.shared.web.RateLimitFilter;
import io.bta.tokenomics.shared.web.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
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
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            JsonMapper json,
            ApiKeys apiKeys,
            RateLimiter rateLimiter,
            TokenAuthentication tokenAuthentication)
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
                                            : TokenChecks.describe(e)));
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
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(tokenAuthentication))
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
    TokenSettings tokenSettings(Environment environment, SecurityProperties properties) {
        return TokenSettings.from(environment, properties);
    }

    @Bean
    TokenAuthentication tokenAuthentication(TokenSettings settings) {
        return new TokenAuthentication(settings);
    }

    /**
     * Tokens' {@code exp} and {@code nbf}, and the provider's key cache, are read on wall-clock time,
     * not the service's Clock: the identity service sets {@code exp} in real time (and tests move
     * the service's clock by months while they sign tokens with the real one).
     */
    @Bean
    JwtDecoder jwtDecoder(TokenSettings settings, DataDirectory dataDirectory, MeterRegistry meters) {
        byte[] secret = settings.identityProvider()
                ? null
                : JwtSecrets.resolve(settings.own().jwtSecret(), dataDirectory.path());
        return TokenChecks.decoder(settings, secret, Clock.systemUTC(), Clock.systemUTC(), meters);
    }

    /**
     * No observations (traces, timers) around each security filter: they cost more CPU per request
     * than the filters themselves. {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
