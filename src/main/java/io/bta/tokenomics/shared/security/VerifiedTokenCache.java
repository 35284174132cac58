package io.bta.tokenomics.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, keyed by the whole compact token (header,
 * claims and signature: the same bytes verify the same way), so a client that sends the same
 * token with every request pays for parsing and signature checks once. The claims are validated
 * again on every use (expiry, not-before, subject), with the same validator as a first decode. At
 * most {@code capacity} tokens are kept; past that the cache starts over. With keys that can be
 * withdrawn (an identity provider's), a token is verified again once {@code reverifyAfter} has
 * passed on {@code clock}, so a removed key stops verifying it; with a fixed secret
 * ({@code reverifyAfter} null) the signature never needs a second look.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private record Verified(Jwt jwt, Instant at) {}

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Clock clock;
    private final Duration reverifyAfter;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(
            JwtDecoder delegate,
            OAuth2TokenValidator<Jwt> validator,
            int capacity,
            Clock clock,
            Duration reverifyAfter) {
        this.delegate = delegate;
        this.validator = validator;
        this.capacity = capacity;
        this.clock = clock;
        this.reverifyAfter = reverifyAfter;
    }

    VerifiedTokenCache(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this(delegate, validator, capacity, Clock.systemUTC(), null);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var now = clock.instant();
        var kept = verified.get(token);
        if (kept == null || (reverifyAfter != null && !now.isBefore(kept.at().plus(reverifyAfter)))) {
            if (kept != null) {
                verified.remove(token);
            }
            var jwt = delegate.decode(token); // verifies the signature and validates the claims
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, new Verified(jwt, now));
            return jwt;
        }
        var result = validator.validate(kept.jwt());
        if (result.hasErrors()) {
            verified.remove(token);
            var description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return kept.jwt();
    }
}
