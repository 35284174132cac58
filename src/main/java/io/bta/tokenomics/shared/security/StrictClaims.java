package io.bta.tokenomics.shared.security;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jwt.JWTParser;
import io.bta.tokenomics.shared.EntityId;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks the JSON type of each claim the service reads, on the token's own payload, after the
 * delegate has verified the signature. What the delegate hands over hides a wrong type: Nimbus
 * reads {@code "sub": 5} as the subject "5", and Spring's authorities converter splits
 * {@code "roles": "ADMIN"} into a role and fails with a ClassCastException (a 500) on
 * {@code "roles": [1]}. A token with a claim of the wrong shape is refused like any invalid token
 * (401), with a reason that names the claim and never repeats its value.
 */
final class StrictClaims implements JwtDecoder {

    /** A claim of the wrong shape; its message is written here, for the client, and holds no token data. */
    static final class InvalidClaim extends BadJwtException {
        InvalidClaim(String message) {
            super(message);
        }
    }

    private final JwtDecoder delegate;

    StrictClaims(JwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var jwt = delegate.decode(token);
        Map<String, Object> claims;
        try {
            claims = ((JOSEObject) JWTParser.parse(token)).getPayload().toJSONObject();
        } catch (ParseException | ClassCastException e) {
            throw new BadJwtException("the token's claims are not a JSON object");
        }
        if (claims == null) {
            throw new BadJwtException("the token's claims are not a JSON object");
        }
        check(claims);
        return jwt;
    }

    /** The claims as they were written: {@code sub} a string that is an entity id, {@code roles} absent or strings. */
    static void check(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String subject) || !EntityId.isValid(subject)) {
            throw new InvalidClaim("the bearer token's sub claim must be an entity id: a string of " + EntityId.RULE);
        }
        if (claims.containsKey("roles")
                && !(claims.get("roles") instanceof List<?> roles
                        && roles.stream().allMatch(String.class::isInstance))) {
            throw new InvalidClaim("the bearer token's roles claim must be an array of strings");
        }
    }
}
