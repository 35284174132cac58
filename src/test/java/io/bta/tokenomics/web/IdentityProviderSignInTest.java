package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.TestIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service pointed at an identity provider with Spring Boot's own settings
 * ({@code spring.security.oauth2.resourceserver.jwt.*}): the API and the pages' sign-in take its
 * tokens, refusals are 401 problems that say why, the provider being down is a 401 (never a 500)
 * and counted, and the shared-secret tokens of the default set-up are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderSignInTest {

    static TestIdentityProvider provider;
    static ConfigurableApplicationContext context;
    static int port;
    static Api api;

    @BeforeAll
    static void start() {
        provider = new TestIdentityProvider();
        provider.down(true); // the first request finds the provider down
        var args = new ArrayList<>(provider.settings());
        args.addAll(List.of(
                "--server.port=0",
                "--tokenomics.data-dir=target/test-data/idp-" + UUID.randomUUID(),
                "--tokenomics.security.jwks-refetch-interval=1ms",
                "--spring.security.oauth2.resourceserver.jwt.authorities-claim-name=realm_access.roles",
                "--tokenomics.webhooks.follow-interval-ms=3600000",
                "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                "--tokenomics.audit.seal-interval=1h"));
        context = new SpringApplicationBuilder(TokenomicsApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = new Api(port);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        provider.close();
    }

    static String admin() {
        return provider.sign(
                provider.rsa, c -> c.subject("admin").claim("realm_access", Map.of("roles", List.of("ADMIN"))));
    }

    @Test
    @Order(1) // first: the service has not fetched the keys yet
    void theProvidersTokensWorkAndEachRefusalIsA401ThatSaysWhy() {
        // provider down: fail closed, a 401 with a reason, counted
        var down = api.get("/api/tokens", admin());
        assertThat(down.status()).isEqualTo(401);
        assertThat(down.isProblem()).isTrue();
        assertThat(down.json().get("detail").asString())
                .isEqualTo("the identity provider's signing keys cannot be fetched now, so no token can be"
                        + " verified; try again later");

        provider.down(false);
        assertThat(api.post("/api/tokens/initialize", admin(), null).status()).isIn(200, 201, 409);
        assertThat(api.get("/api/tokens", provider.sign(provider.ec, c -> c.subject("alice")))
                        .status())
                .isEqualTo(200);
        var metrics = api.get("/actuator/prometheus", admin());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("tokenomics_security_jwks_fetches_total\\{[^}]*outcome=\"failed\"} 1")
                .containsPattern("tokenomics_security_tokens_refused_total\\{[^}]*reason=\"keys_unavailable\"} 1");

        // roles come from the configured claim, not from "roles"
        var rolesElsewhere =
                provider.sign(provider.rsa, c -> c.subject("mallory").claim("roles", List.of("ADMIN")));
        assertThat(api.post("/api/tokens/initialize", rolesElsewhere, null).status())
                .isEqualTo(403);

        assertThat(detail(provider.sign(provider.rsa, c -> c.issuer("https://elsewhere.example"))))
                .isEqualTo("the bearer token's issuer (iss) is not the one this service accepts");
        assertThat(detail(provider.sign(provider.rsa, c -> c.audience("another-service"))))
                .isEqualTo("the bearer token is not meant for this service (aud)");
        assertThat(detail(provider.sign(TestIdentityProvider.newRsaKey("unknown"), c -> {})))
                .isEqualTo("no signing key of the identity provider matches the bearer token (kid)");
        // the default set-up's shared-secret tokens, and the provider's public key used as an HMAC secret
        assertThat(detail(Api.adminToken())).isEqualTo("the bearer token's signing algorithm is not accepted here");
        assertThat(detail(provider.hs256(
                        provider.rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), c -> {})))
                .isEqualTo("the bearer token's signing algorithm is not accepted here");
    }

    @Test
    @Order(2)
    void thePagesSignInTakesTheProvidersTokens() {
        provider.down(false);
        var page = new PageClient(port);
        page.signIn(provider.sign(provider.rsa, c -> c.subject("alice")));
        assertThat(page.get("/app/wallet").statusCode()).isEqualTo(200);

        var refused = new PageClient(port);
        var r = refused.post("/app/sign-in", refused.withCsrf("/app/sign-in", Map.of("token", Api.token("alice"))));
        assertThat(r.statusCode()).isEqualTo(422);
    }

    static String detail(String token) {
        var r = api.get("/api/tokens", token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        return r.json().get("detail").asString();
    }
}
