package io.bta.tokenomics.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokenCacheTest {

    static final String SECRET = "cache-test-secret-that-is-long-enough-for-hs256-0123";

    final AtomicInteger verifications = new AtomicInteger();
    final AtomicBoolean claimsValid = new AtomicBoolean(true);
    final OAuth2TokenValidator<Jwt> validator = jwt -> claimsValid.get()
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));
    final VerifiedTokenCache cache;

    VerifiedTokenCacheTest() {
        var nimbus = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(validator);
        cache = new VerifiedTokenCache(
                token -> {
                    verifications.incrementAndGet();
                    return nimbus.decode(token);
                },
                validator,
                2);
    }

    static String token(String subject) {
        return new TokenIssuer(SECRET.getBytes(StandardCharsets.UTF_8))
                .issue(subject, java.util.List.of(), Instant.now(), java.time.Duration.ofMinutes(10));
    }

    @Test
    void verifiesATokenOnceAndValidatesItsClaimsOnEveryUse() {
        var token = token("alice");
        assertThat(cache.decode(token).getSubject()).isEqualTo("alice");
        assertThat(cache.decode(token).getSubject()).isEqualTo("alice");
        assertThat(verifications).hasValue(1);

        claimsValid.set(false); // as when the token expires between two requests
        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class);
        claimsValid.set(true);
        cache.decode(token);
        assertThat(verifications).as("an invalid token is forgotten").hasValue(2);
    }

    @Test
    void aTokenWithAnotherSignatureIsVerifiedAndRefused() {
        var token = token("alice");
        cache.decode(token);
        var forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void staysWithinItsCapacity() {
        var tokens = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            tokens.add(token("user-" + i));
            cache.decode(tokens.get(i));
        }
        cache.decode(tokens.get(4));
        assertThat(verifications).as("the last one is kept").hasValue(5);
        cache.decode(tokens.get(0));
        assertThat(verifications).as("the first ones were dropped").hasValue(6);
    }
}
