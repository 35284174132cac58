package io.bta.tokenomics.shared.security;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, keyed by the whole compact token (header,
 * claims and signature: the same bytes verify the same way), so a client that sends the same
 * token with every request pays for parsing and HMAC once. The claims are validated again on
 * every use (expiry, not-before, subject), with the same validator as a first decode. At most
 * {@code capacity} tokens are kept; past that the cache starts over.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.delegate = delegate;
        this.validator = validator;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var jwt = verified.get(token);
        if (jwt == null) {
            jwt = delegate.decode(token); // verifies the signature and validates the claims
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        var result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            var description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return jwt;
    }
}
