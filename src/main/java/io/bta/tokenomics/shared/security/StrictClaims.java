package io.bta.tokenomics.shared.security;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jwt.JWTParser;
import io.bta.tokenomics.shared.EntityId;
import java.text.ParseException;
import java.util.Arrays;
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
 *
 * <p>Which claims: the entity claim ({@code sub} unless configured) must be a string that is an
 * entity id; the roles claim ({@code roles} unless configured, possibly a dotted path such as
 * {@code realm_access.roles}) absent, an array of strings, or, for a claim such as {@code scope},
 * one string of roles split by the configured delimiter.
 */
final class StrictClaims implements JwtDecoder {

    /** A claim of the wrong shape. */
    static final class InvalidClaim extends TokenRefused {
        InvalidClaim(String message) {
            super("claims", message);
        }
    }

    private final JwtDecoder delegate;
    private final TokenSettings settings;

    StrictClaims(JwtDecoder delegate, TokenSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
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
        check(claims, settings);
        return jwt;
    }

    /** The claims as they were written; throws {@link InvalidClaim} naming the first that is not. */
    static void check(Map<String, Object> claims, TokenSettings settings) {
        var entityClaim = settings.entityClaim();
        if (!(claims.get(entityClaim) instanceof String subject) || !EntityId.isValid(subject)) {
            throw new InvalidClaim(
                    "the bearer token's " + entityClaim + " claim must be an entity id: a string of " + EntityId.RULE);
        }
        roles(claims, settings);
    }

    /** The roles the claims give, as written; throws {@link InvalidClaim} if the roles claim has another shape. */
    static List<String> roles(Map<String, Object> claims, TokenSettings settings) {
        var path = settings.rolesClaim();
        Object value = claims;
        for (var step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                value = null;
                break;
            }
            value = object.get(step);
        }
        if (value == null && !hasPath(claims, path)) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        if (value instanceof String text && settings.rolesDelimiter() != null) {
            return Arrays.stream(text.split(java.util.regex.Pattern.quote(settings.rolesDelimiter())))
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        throw new InvalidClaim("the bearer token's " + path + " claim must be an array of strings");
    }

    /** Whether the path is present (with any value, even null) rather than absent. */
    private static boolean hasPath(Map<String, Object> claims, String path) {
        Object value = claims;
        var steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            if (!(value instanceof Map<?, ?> object) || !object.containsKey(steps[i])) {
                return false;
            }
            value = object.get(steps[i]);
        }
        return true;
    }
}
