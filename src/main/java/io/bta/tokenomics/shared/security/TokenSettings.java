package io.bta.tokenomics.shared.security;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How bearer tokens are checked, read once at start from {@code tokenomics.security.*} and Spring
 * Boot's {@code spring.security.oauth2.resourceserver.jwt.*}. Either a secret shared with the
 * platform (HS256 only), or an identity provider's published keys (asymmetric algorithms only: a
 * service that can verify a token must not be able to forge one, and an HS256 token is then
 * refused, whatever key it claims). Settings that cannot work stop the start with a message.
 *
 * @param issuer the required {@code iss}, or null (not checked)
 * @param jwkSetUri the provider's JWKS, or null (then found from the issuer's discovery document)
 * @param audiences the required {@code aud}: the token must name at least one; empty: not checked
 * @param entityClaim the claim that names the caller's entity ({@code sub})
 * @param rolesClaim the claim, or a dotted path into nested objects, that holds the roles ({@code roles})
 * @param rolesDelimiter how a roles claim that is one string is split (a space for {@code scope} and
 *     {@code scp}, else only when {@code authorities-claim-delimiter} is set), or null: the claim must
 *     be an array of strings
 */
record TokenSettings(
        boolean identityProvider,
        String issuer,
        URI jwkSetUri,
        List<String> audiences,
        Set<JWSAlgorithm> algorithms,
        String entityClaim,
        String rolesClaim,
        String rolesDelimiter,
        SecurityProperties own) {

    static final String SPRING = "spring.security.oauth2.resourceserver.jwt";
    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "ES256");

    /** Spring Boot's resource server settings as written (absent ones null, not Spring's defaults). */
    record Provider(
            String issuerUri,
            String jwkSetUri,
            List<String> audiences,
            List<String> jwsAlgorithms,
            String principalClaimName,
            String authoritiesClaimName,
            String authoritiesClaimDelimiter,
            String publicKeyLocation) {}

    static TokenSettings from(Environment environment, SecurityProperties own) {
        var provider = Binder.get(environment)
                .bind(SPRING, Provider.class)
                .orElse(new Provider(null, null, null, null, null, null, null, null));
        return of(provider, own);
    }

    static TokenSettings of(Provider p, SecurityProperties own) {
        if (given(p.publicKeyLocation())) {
            throw new IllegalStateException(SPRING + ".public-key-location is not supported: give the identity"
                    + " provider's " + SPRING + ".jwk-set-uri or " + SPRING + ".issuer-uri");
        }
        var jwks = given(p.jwkSetUri()) ? p.jwkSetUri() : given(own.jwksUri()) ? own.jwksUri() : null;
        boolean provider = jwks != null || given(p.issuerUri());
        if (provider && given(own.jwtSecret())) {
            throw new IllegalStateException("tokenomics.security.jwt-secret and an identity provider (" + SPRING
                    + ".issuer-uri or .jwk-set-uri) are both set: choose one; a shared secret next to a provider"
                    + " would let anyone who holds the secret sign tokens the provider never issued");
        }
        var names = p.jwsAlgorithms() == null || p.jwsAlgorithms().isEmpty()
                ? (provider ? DEFAULT_ALGORITHMS : List.of("HS256"))
                : p.jwsAlgorithms();
        var algorithms = new LinkedHashSet<JWSAlgorithm>();
        for (var name : names) {
            var algorithm = JWSAlgorithm.parse(name.strip().toUpperCase(Locale.ROOT));
            boolean fits = provider ? ASYMMETRIC.contains(algorithm) : algorithm.equals(JWSAlgorithm.HS256);
            if (!fits) {
                throw new IllegalStateException(SPRING + ".jws-algorithms: " + name + " is not accepted "
                        + (provider
                                ? "with an identity provider (asymmetric algorithms only: " + ASYMMETRIC + ")"
                                : "with a shared secret (HS256 only)"));
            }
            algorithms.add(algorithm);
        }
        var rolesClaim =
                given(p.authoritiesClaimName()) ? p.authoritiesClaimName().strip() : "roles";
        return new TokenSettings(
                provider,
                given(p.issuerUri()) ? p.issuerUri().strip() : null,
                jwks == null ? null : URI.create(jwks.strip()),
                p.audiences() == null
                        ? List.of()
                        : p.audiences().stream().filter(TokenSettings::given).toList(),
                Set.copyOf(algorithms),
                given(p.principalClaimName()) ? p.principalClaimName().strip() : "sub",
                rolesClaim,
                p.authoritiesClaimDelimiter() != null
                                && !p.authoritiesClaimDelimiter().isEmpty()
                        ? p.authoritiesClaimDelimiter()
                        : rolesClaim.equals("scope") || rolesClaim.equals("scp") ? " " : null,
                own);
    }

    Duration clockSkew() {
        return own.clockSkew();
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
