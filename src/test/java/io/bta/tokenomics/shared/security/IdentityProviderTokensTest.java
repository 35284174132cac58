package io.bta.tokenomics.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.TestIdentityProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Tokens from an identity provider: its keys published as a JWKS by a local server (RSA and EC
 * keys made here), checked by the service's own decoder. The provider's key cache runs on a
 * {@link MutableClock}, so rotation and expiry are shown without waiting.
 */
class IdentityProviderTokensTest {

    final TestIdentityProvider provider = new TestIdentityProvider();
    final MutableClock keyClock = new MutableClock(Instant.parse("2026-12-05T00:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        provider.close();
    }

    TokenSettings settings(String rolesClaim) {
        return TokenSettings.of(
                new TokenSettings.Provider(
                        provider.issuer(),
                        provider.jwksUri(),
                        List.of(TestIdentityProvider.AUDIENCE),
                        null,
                        null,
                        rolesClaim,
                        null,
                        null),
                new SecurityProperties(null, null, Duration.ofSeconds(5)));
    }

    JwtDecoder decoder() {
        return TokenChecks.decoder(settings(null), null, Clock.systemUTC(), keyClock, meters);
    }

    String refusal(JwtDecoder decoder, String token) {
        try {
            decoder.decode(token);
        } catch (JwtException e) {
            return TokenChecks.reason(e) + ": " + TokenChecks.describe(e);
        }
        throw new AssertionError("the token was accepted");
    }

    double refused(String reason) {
        var counter = meters.find("tokenomics.security.tokens.refused")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void rs256AndEs256TokensOfTheProviderAreAccepted() {
        var decoder = decoder();
        assertThat(decoder.decode(provider.sign(provider.rsa, c -> c.subject("alice")))
                        .getSubject())
                .isEqualTo("alice");
        assertThat(decoder.decode(provider.sign(provider.ec, c -> c.subject("bob")))
                        .getSubject())
                .isEqualTo("bob");
    }

    @Test
    void rolesAreReadFromTheConfiguredClaimEvenANestedOne() {
        var settings = settings("realm_access.roles");
        var decoder = TokenChecks.decoder(settings, null, Clock.systemUTC(), keyClock, meters);
        var jwt = decoder.decode(provider.sign(
                provider.rsa, c -> c.subject("carol").claim("realm_access", Map.of("roles", List.of("ADMIN")))));
        var authentication = new TokenAuthentication(settings).convert(jwt);
        assertThat(authentication.getName()).isEqualTo("carol");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
        assertThat(refusal(
                        decoder, provider.sign(provider.rsa, c -> c.claim("realm_access", Map.of("roles", "ADMIN")))))
                .startsWith("claims: the bearer token's realm_access.roles claim must be an array of strings");
    }

    @Test
    void aScopeClaimIsOneStringOfRoles() {
        var settings = settings("scope");
        var decoder = TokenChecks.decoder(settings, null, Clock.systemUTC(), keyClock, meters);
        var jwt = decoder.decode(provider.sign(provider.rsa, c -> c.claim("scope", "ADMIN SERVICE")));
        assertThat(new TokenAuthentication(settings).convert(jwt).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN", "ROLE_SERVICE");
    }

    @Test
    void aKeyThatIsPublishedLaterIsAcceptedOnceTheSetIsFetchedAgainAtMostOncePerInterval() {
        var decoder = decoder();
        decoder.decode(provider.sign(provider.rsa, c -> {})); // first fetch
        var rotated = TestIdentityProvider.newRsaKey("rsa-2");
        var token = provider.sign(rotated, c -> {});
        assertThat(refusal(decoder, token)).startsWith("unknown_key: no signing key of the identity provider");

        provider.publish(rotated);
        int before = provider.jwksRequests();
        for (int i = 0; i < 50; i++) { // a flood of unknown kids within the interval: no more fetches
            refusal(decoder, provider.sign(TestIdentityProvider.newEcKey("made-up-" + i), c -> {}));
        }
        assertThat(provider.jwksRequests()).isEqualTo(before);

        keyClock.advance(Duration.ofSeconds(30));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("alice");
        assertThat(provider.jwksRequests()).isEqualTo(before + 1);
    }

    @Test
    void aWithdrawnKeysTokensAreRefusedOnceTheCacheExpires() {
        var decoder = decoder();
        var token = provider.sign(provider.rsa, c -> {});
        decoder.decode(token);
        provider.withdraw(provider.rsa);

        keyClock.advance(Duration.ofMinutes(4));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("alice"); // kept set still valid

        keyClock.advance(Duration.ofMinutes(1));
        assertThat(refusal(decoder, token)).startsWith("unknown_key:");
        assertThat(decoder.decode(provider.sign(provider.ec, c -> {})).getSubject())
                .isEqualTo("alice");
    }

    @Test
    void withTheProviderDownNoTokenIsAcceptedAndTheFailureIsCounted() {
        provider.down(true);
        var decoder = decoder();
        assertThat(refusal(decoder, provider.sign(provider.rsa, c -> {})))
                .isEqualTo("keys_unavailable: the identity provider's signing keys cannot be fetched now, so no"
                        + " token can be verified; try again later");
        assertThat(meters.find("tokenomics.security.jwks.fetches")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(refused("keys_unavailable")).isEqualTo(1);

        provider.down(false);
        keyClock.advance(Duration.ofSeconds(30));
        var token = provider.sign(provider.rsa, c -> {});
        assertThat(decoder.decode(token).getSubject()).isEqualTo("alice");

        provider.down(true); // a token verified before is refused once the kept keys expire
        keyClock.advance(Duration.ofMinutes(5));
        assertThat(refusal(decoder, token)).startsWith("keys_unavailable:");
    }

    @Test
    void eachRefusalSaysWhyWithoutRepeatingTheToken() {
        var decoder = decoder();
        assertThat(refusal(decoder, provider.sign(provider.rsa, c -> c.issuer("https://elsewhere.example"))))
                .isEqualTo("issuer: the bearer token's issuer (iss) is not the one this service accepts");
        assertThat(refusal(decoder, provider.sign(provider.rsa, c -> c.audience("another-service"))))
                .isEqualTo("audience: the bearer token is not meant for this service (aud)");
        assertThat(refusal(decoder, provider.sign(provider.rsa, c -> c.audience((String) null))))
                .startsWith("audience:");
        assertThat(refusal(decoder, provider.sign(provider.rsa, c -> c.issueTime(
                                Date.from(Instant.now().minusSeconds(3660)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(60))))))
                .isEqualTo("expired: the bearer token has expired");
        assertThat(refusal(
                        decoder,
                        provider.sign(
                                provider.rsa,
                                c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(60))))))
                .isEqualTo("not_yet_valid: the bearer token is not valid yet (nbf)");
        assertThat(refusal(decoder, provider.sign(provider.rsa, c -> c.expirationTime(null))))
                .isEqualTo("expiry: the bearer token has no expiry (exp)");
        assertThat(refusal(decoder, provider.sign(TestIdentityProvider.newRsaKey("nobody"), c -> {})))
                .startsWith("unknown_key:");
        assertThat(refused("issuer")).isEqualTo(1);
        assertThat(refused("expired")).isEqualTo(1);
    }

    @Test
    void unsignedAndSymmetricTokensAreRefusedWhateverTheyClaim() throws Exception {
        var decoder = decoder();
        Consumer<JWTClaimsSet.Builder> claims = c -> c.subject("admin").claim("roles", List.of("ADMIN"));
        var unsigned = new PlainJWT(new JWTClaimsSet.Builder()
                        .issuer(provider.issuer())
                        .audience(TestIdentityProvider.AUDIENCE)
                        .subject("admin")
                        .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                        .build())
                .serialize();
        assertThat(refusal(decoder, unsigned)).isEqualTo("algorithm: unsigned tokens (alg: none) are not accepted");
        // algorithm confusion: HMAC keyed with the provider's public key, which anyone can read
        var confused =
                provider.hs256(provider.rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), claims);
        assertThat(refusal(decoder, confused))
                .isEqualTo("algorithm: the bearer token's signing algorithm is not accepted here");
        // a valid RS256 token whose signature was altered
        var good = provider.sign(provider.rsa, claims);
        var tampered = good.substring(0, good.lastIndexOf('.') + 1)
                + new StringBuilder(good.substring(good.lastIndexOf('.') + 1)).reverse();
        assertThat(refusal(decoder, tampered)).startsWith("signature:");
    }

    @Test
    void onlyTheAlgorithmsConfiguredAreAccepted() {
        var settings = TokenSettings.of(
                new TokenSettings.Provider(
                        provider.issuer(), provider.jwksUri(), List.of(), List.of("ES256"), null, null, null, null),
                new SecurityProperties(null, null, Duration.ofSeconds(5)));
        var decoder = TokenChecks.decoder(settings, null, Clock.systemUTC(), keyClock, meters);
        assertThat(decoder.decode(provider.sign(provider.ec, c -> {})).getSubject())
                .isEqualTo("alice");
        assertThat(refusal(decoder, provider.sign(provider.rsa, c -> {}))).startsWith("algorithm:");
    }

    @Test
    void theJwksAddressIsFoundFromTheIssuerAlone() {
        var settings = TokenSettings.of(
                new TokenSettings.Provider(provider.issuer(), null, List.of(), null, null, null, null, null),
                new SecurityProperties(null, null, Duration.ofSeconds(5)));
        var decoder = TokenChecks.decoder(settings, null, Clock.systemUTC(), keyClock, meters);
        assertThat(decoder.decode(provider.sign(provider.rsa, c -> {})).getSubject())
                .isEqualTo("alice");
    }

    @Test
    void settingsThatCannotBeSafeStopTheStart() throws Exception {
        var own = new SecurityProperties(null, null, Duration.ofSeconds(5));
        assertThatThrownBy(() -> TokenSettings.of(
                        new TokenSettings.Provider(
                                null, provider.jwksUri(), null, List.of("RS256", "HS256"), null, null, null, null),
                        own))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HS256 is not accepted with an identity provider");
        assertThatThrownBy(() -> TokenSettings.of(
                        new TokenSettings.Provider(null, provider.jwksUri(), null, null, null, null, null, null),
                        new SecurityProperties("a-secret-that-is-long-enough-for-hs256-000", null, Duration.ZERO)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> TokenSettings.of(
                        new TokenSettings.Provider(null, null, null, null, null, null, null, "classpath:key.pub"), own))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public-key-location is not supported");
        // with a shared secret, a token signed with another secret fails on its signature
        var hs = TokenSettings.of(new TokenSettings.Provider(null, null, null, null, null, null, null, null), own);
        var secret = "the-service-secret-that-is-long-enough-0123".getBytes(StandardCharsets.UTF_8);
        var decoder = TokenChecks.decoder(hs, secret, Clock.systemUTC(), keyClock, meters);
        var forged = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("admin")
                        .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                        .build());
        forged.sign(new MACSigner("another-secret-that-is-long-enough-01234".getBytes(StandardCharsets.UTF_8)));
        assertThat(refusal(decoder, forged.serialize()))
                .isEqualTo("signature: the bearer token's signature does not verify");
    }
}
