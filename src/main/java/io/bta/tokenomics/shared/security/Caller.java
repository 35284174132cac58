package io.bta.tokenomics.shared.security;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Forbidden;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of the current request: an entity and its roles. */
public record Caller(EntityId id, Set<String> roles) {

    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    public static Caller current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !EntityId.isValid(auth.getName())) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
        }
        var roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(EntityId.of(auth.getName()), roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isService() {
        return roles.contains(SERVICE);
    }

    /** The caller may act on {@code entity} if it is the caller itself or the caller is an admin. */
    public void requireSelfOrAdmin(EntityId entity) {
        if (!isAdmin() && !id.equals(entity)) {
            throw Forbidden.notYourAccount(entity.value());
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw Forbidden.requiresRole(ADMIN);
        }
    }
}
