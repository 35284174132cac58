package io.bta.tokenomics.shared.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs HS256 tokens the way the platform's identity service does: {@code sub}, {@code roles}, {@code exp}. */
public final class TokenIssuer {

    private final byte[] key;

    public TokenIssuer(byte[] key) {
        this.key = key.clone();
    }

    public String issue(String subject, List<String> roles, Instant issuedAt, Duration ttl) {
        var claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
