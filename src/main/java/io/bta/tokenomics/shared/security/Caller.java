package io.bta.tokenomics.shared.security;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.error.Inputs;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of the current request: an entity, its roles and, for a caller that
 * authenticated with a service API key, that key's scopes ({@code guarantees:write}, ...).
 */
public record Caller(EntityId id, Set<String> roles, Set<String> scopes, boolean apiKey) {

    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";
    /** Authorities of the form {@code KEYSCOPE_guarantees:write} carry an API key's scopes. */
    public static final String SCOPE_PREFIX = "KEYSCOPE_";
    /** The authority every API-key caller has. */
    public static final String API_KEY_AUTHORITY = "API_KEY";

    public static Caller current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !EntityId.isValid(auth.getName())) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
        }
        var authorities = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        var roles = authorities.stream()
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        var scopes = authorities.stream()
                .filter(a -> a.startsWith(SCOPE_PREFIX))
                .map(a -> a.substring(SCOPE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(EntityId.of(auth.getName()), roles, scopes, authorities.contains(API_KEY_AUTHORITY));
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isService() {
        return roles.contains(SERVICE);
    }

    /**
     * The entity named by a request's {@code field} (a 400 if malformed), which the caller may
     * act on or read: itself, or any entity for an admin (else a 403).
     */
    public EntityId ownOrAdmin(String field, String value) {
        var in = new Inputs();
        var entity = in.entityId(field, value);
        in.check();
        requireSelfOrAdmin(entity);
        return entity;
    }

    /** The caller may act on {@code entity} if it is the caller itself or the caller is an admin. */
    public void requireSelfOrAdmin(EntityId entity) {
        if (!isAdmin() && !id.equals(entity)) {
            throw Forbidden.notYourAccount(entity.value());
        }
    }

    /**
     * Admins may; a platform service with a bearer token (role SERVICE) may; a caller with an API
     * key may only within the key's scopes.
     */
    public boolean mayUse(String scope) {
        return isAdmin() || (apiKey ? scopes.contains(scope) : isService());
    }

    public void requireScope(String scope) {
        if (!mayUse(scope)) {
            throw Forbidden.of(
                    "SCOPE_REQUIRED", "this operation requires an admin, or a service key with the scope " + scope);
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw Forbidden.requiresRole(ADMIN);
        }
    }
}
