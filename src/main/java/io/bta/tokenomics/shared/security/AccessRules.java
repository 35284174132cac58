package io.bta.tokenomics.shared.security;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may send which request before any data is read: the paths anyone may read, and the requests
 * only some roles may make. {@code SecurityConfig} enforces them in this order; the OpenAPI document
 * lists a 401 for every other path and a 403 for the role rules from the same table.
 */
public final class AccessRules {

    /** Requests (of {@code method}, or of any method when null) to paths of {@code patterns} that need one of {@code roles}. */
    public record RoleRule(HttpMethod method, List<String> patterns, List<String> roles) {

        public RoleRule {
            patterns = List.copyOf(patterns);
            roles = List.copyOf(roles);
        }

        /** Whether this rule covers {@code method} on a path (a template such as {@code /api/trust/{entityId}}). */
        public boolean covers(String method, String path) {
            return (this.method == null || this.method.name().equals(method.toUpperCase(Locale.ROOT)))
                    && matchesAny(patterns, path);
        }
    }

    /** Paths anyone may read, without a token. */
    public static final List<String> PUBLIC = List.of(
            "/error",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            // an NFT's metadata JSON: what its tokenURI points at, read by wallets and NFT tools
            "/api/nft/*/*/metadata");

    /** The role-only rules of the API, in the order they are matched. */
    public static final List<RoleRule> ROLE_RULES = List.of(
            new RoleRule(
                    HttpMethod.POST,
                    List.of(
                            "/api/tokens/initialize",
                            "/api/tokens/mint",
                            "/api/tokens/burn",
                            "/api/tokens/*/pause",
                            "/api/tokens/*/unpause"),
                    List.of(Caller.ADMIN)),
            // lock and unlock: admins, or services with the scope ledger:lock (checked there)
            new RoleRule(
                    HttpMethod.POST,
                    List.of("/api/tokens/lock", "/api/tokens/unlock"),
                    List.of(Caller.ADMIN, Caller.SERVICE)),
            new RoleRule(null, List.of("/api/admin/**"), List.of(Caller.ADMIN)),
            new RoleRule(
                    HttpMethod.POST, List.of("/api/nft/collections", "/api/nft/badge-rules"), List.of(Caller.ADMIN)),
            new RoleRule(
                    HttpMethod.POST,
                    List.of("/api/governance/proposals/*/execute", "/api/governance/proposals/*/verify-tally"),
                    List.of(Caller.ADMIN)),
            new RoleRule(HttpMethod.PUT, List.of("/api/trust/**"), List.of(Caller.ADMIN, Caller.SERVICE)));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private AccessRules() {}

    public static boolean isPublic(String path) {
        return matchesAny(PUBLIC, path);
    }

    /** Whether a role rule covers {@code method} on {@code path}: a caller without the role is refused 403. */
    public static boolean needsRole(String method, String path) {
        return ROLE_RULES.stream().anyMatch(r -> r.covers(method, path));
    }

    private static boolean matchesAny(List<String> patterns, String path) {
        return patterns.stream().anyMatch(p -> PATHS.match(p, path));
    }
}
