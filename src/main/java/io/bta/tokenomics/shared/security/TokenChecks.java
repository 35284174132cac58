package io.bta.tokenomics.shared.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The decoder that checks every bearer token and session cookie, in this order: it is a signed
 * JWT (never {@code alg: none}) with an accepted algorithm (HS256 with a shared secret, only
 * asymmetric ones with an identity provider, so an HS256 token signed with a public key is
 * refused); its key is one the provider publishes; the signature verifies; {@code exp} (required)
 * and {@code nbf} hold on {@code tokenClock} give or take the skew; {@code iss} and {@code aud}
 * are the configured ones; the entity and roles claims have their shapes ({@link StrictClaims}).
 * Each refusal says why in words that hold none of the token's data, and is counted in
 * {@code tokenomics.security.tokens.refused} by {@code reason}.
 */
final class TokenChecks {

    /** A failed claim check with the reason kept for the metric. */
    static final class Refusal extends OAuth2Error {
        private final String reason;

        Refusal(String reason, String description) {
            super("invalid_token", description, null);
            this.reason = reason;
        }
    }

    private TokenChecks() {}

    /**
     * @param secret the HS256 key when no identity provider is configured, else null
     * @param tokenClock the clock for {@code exp}/{@code nbf} (wall-clock time in the service)
     * @param keyClock the clock for the provider's key cache
     */
    static JwtDecoder decoder(
            TokenSettings settings, byte[] secret, Clock tokenClock, Clock keyClock, MeterRegistry meters) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        IdentityProviderKeys keys = null;
        if (settings.identityProvider()) {
            keys = new IdentityProviderKeys(settings, keyClock, meters);
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(settings.algorithms(), keys));
        } else {
            processor.setJWSKeySelector(
                    new SingleKeyJWSKeySelector<>(JWSAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256")));
        }
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWTClaimsSetVerifier((claims, context) -> {}); // the validators below check the claims
        var nimbus = new NimbusJwtDecoder(processor);
        var validator = validator(settings, tokenClock);
        nimbus.setJwtValidator(validator);
        var signing = new SigningCheck(nimbus, settings, keys);
        var cache = new VerifiedTokenCache(
                new StrictClaims(signing, settings),
                validator,
                10_000,
                keyClock,
                settings.identityProvider() ? settings.own().jwksCacheTtl() : null);
        return counted(cache, meters);
    }

    /** The claim checks: times, then issuer and audience where configured. */
    static OAuth2TokenValidator<Jwt> validator(TokenSettings settings, Clock clock) {
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>();
        validators.add(times(settings.clockSkew(), clock));
        if (settings.issuer() != null) {
            validators.add(claim(
                    "issuer",
                    "the bearer token's issuer (iss) is not the one this service accepts",
                    jwt -> settings.issuer().equals(jwt.getClaimAsString("iss"))));
        }
        if (!settings.audiences().isEmpty()) {
            validators.add(claim(
                    "audience",
                    "the bearer token is not meant for this service (aud)",
                    jwt -> jwt.getAudience() != null
                            && jwt.getAudience().stream().anyMatch(settings.audiences()::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** {@code exp} required and not more than {@code skew} in the past; {@code nbf}, if any, not more than it ahead. */
    static OAuth2TokenValidator<Jwt> times(Duration skew, Clock clock) {
        return jwt -> {
            var now = clock.instant();
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return fail("expiry", "the bearer token has no expiry (exp)");
            }
            if (now.minus(skew).isAfter(expiresAt)) {
                return fail("expired", "the bearer token has expired");
            }
            Instant notBefore = jwt.getNotBefore();
            if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
                return fail("not_yet_valid", "the bearer token is not valid yet (nbf)");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidator<Jwt> claim(String reason, String description, Predicate<Jwt> holds) {
        return jwt -> holds.test(jwt) ? OAuth2TokenValidatorResult.success() : fail(reason, description);
    }

    private static OAuth2TokenValidatorResult fail(String reason, String description) {
        return OAuth2TokenValidatorResult.failure(new Refusal(reason, description));
    }

    /** What to tell the client about a refused token: the first reason found, else a general one. */
    static String describe(Throwable e) {
        var refused = TokenRefused.in(e);
        if (refused != null) {
            return refused.getMessage();
        }
        var refusal = firstRefusal(e);
        return refusal != null ? refusal.getDescription() : "the bearer token is invalid or expired";
    }

    static String reason(Throwable e) {
        var refused = TokenRefused.in(e);
        if (refused != null) {
            return refused.reason();
        }
        var refusal = firstRefusal(e);
        return refusal != null ? refusal.reason : "invalid";
    }

    private static Refusal firstRefusal(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof JwtValidationException invalid) {
                Collection<OAuth2Error> errors = invalid.getErrors();
                for (var error : errors) {
                    if (error instanceof Refusal refusal) {
                        return refusal;
                    }
                }
            }
        }
        return null;
    }

    private static JwtDecoder counted(JwtDecoder decoder, MeterRegistry meters) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtException e) {
                Counter.builder("tokenomics.security.tokens.refused")
                        .description("Bearer tokens refused, by reason")
                        .tag("reason", reason(e))
                        .register(meters)
                        .increment();
                throw e;
            }
        };
    }

    /** The checks before the signature: shape, algorithm, key; and the signature's refusal in words. */
    static final class SigningCheck implements JwtDecoder {
        private final JwtDecoder delegate;
        private final TokenSettings settings;
        private final IdentityProviderKeys keys;

        SigningCheck(JwtDecoder delegate, TokenSettings settings, IdentityProviderKeys keys) {
            this.delegate = delegate;
            this.settings = settings;
            this.keys = keys;
        }

        @Override
        public Jwt decode(String token) throws JwtException {
            Object parsed;
            try {
                parsed = JWTParser.parse(token);
            } catch (ParseException | RuntimeException e) {
                throw new TokenRefused("malformed", "the bearer token is not a well-formed JWT");
            }
            if (parsed instanceof PlainJWT) {
                throw new TokenRefused("algorithm", "unsigned tokens (alg: none) are not accepted");
            }
            if (!(parsed instanceof SignedJWT signed)) {
                throw new TokenRefused("algorithm", "encrypted tokens are not accepted; send a signed JWT");
            }
            var header = signed.getHeader();
            if (!settings.algorithms().contains(header.getAlgorithm())) {
                throw new TokenRefused("algorithm", "the bearer token's signing algorithm is not accepted here");
            }
            if (keys != null) {
                List<?> found;
                try {
                    found = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
                } catch (KeySourceException e) {
                    throw keysUnavailable();
                }
                if (found.isEmpty()) {
                    throw new TokenRefused(
                            "unknown_key", "no signing key of the identity provider matches the bearer token (kid)");
                }
            }
            try {
                return delegate.decode(token);
            } catch (JwtValidationException e) {
                throw e;
            } catch (BadJwtException e) {
                if (e.getMessage() != null && e.getMessage().contains("Invalid signature")) {
                    throw new TokenRefused("signature", "the bearer token's signature does not verify");
                }
                throw new TokenRefused("invalid", "the bearer token is invalid");
            } catch (JwtException e) {
                throw keysUnavailable(); // the key source failed between the check above and now
            }
        }

        private static TokenRefused keysUnavailable() {
            return new TokenRefused(
                    "keys_unavailable",
                    "the identity provider's signing keys cannot be fetched now, so no token can be verified;"
                            + " try again later");
        }
    }
}
