package io.bta.tokenomics.hostile;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.TestIdentityProvider;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The authorization matrix again, with tokens from an identity provider (RS256, issuer and
 * audience checked, keys from its JWKS) instead of the shared secret: every caller gets the same
 * answer. The "forged signature" caller signs with an RSA key of the provider's key id that the
 * provider never published.
 */
class AuthorizationMatrixWithIdentityProviderTest extends AuthorizationMatrixTest {

    static TestIdentityProvider provider;

    @BeforeAll
    static void start() {
        provider = new TestIdentityProvider();
        var impostor = TestIdentityProvider.newRsaKey(provider.rsa.getKeyID());
        Api.signWith(provider::token);
        forger = (subject, roles, issuedAt, ttl) -> provider.sign(impostor, c -> c.subject(subject)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl))));
        startWith(provider.settings().toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            Api.signWith(null);
            forger = OTHER_SECRET;
            provider.close();
        }
    }
}
