package io.bta.tokenomics.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An identity provider for tests: RSA and EC keys made here, their public halves published as a
 * JWKS (and an OpenID discovery document) by a local HTTP server, tokens signed with them. Keys
 * can be added and removed (rotation) and the server can be taken down (it then answers 503).
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String AUDIENCE = "bta-tokenomics";

    private final HttpServer server;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    public final RSAKey rsa;
    public final ECKey ec;

    public TestIdentityProvider() {
        rsa = newRsaKey("rsa-1");
        ec = newEcKey("ec-1");
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            jwksRequests.incrementAndGet();
            answer(exchange, down.get() ? 503 : 200, new JWKSet(List.copyOf(published)).toString(true));
        });
        server.createContext(
                "/.well-known/openid-configuration",
                exchange -> answer(
                        exchange,
                        down.get() ? 503 : 200,
                        "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUri() + "\"}"));
        server.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static RSAKey newRsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey newEcKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUri() {
        return issuer() + "/jwks";
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** The settings that point the service at this provider. */
    public List<String> settings() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwksUri(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
    }

    public void publish(JWK key) {
        published.add(key.toPublicJWK());
    }

    public void withdraw(JWK key) {
        published.removeIf(k -> k.getKeyID().equals(key.getKeyID()));
    }

    public void down(boolean isDown) {
        down.set(isDown);
    }

    /** A token as the provider issues it: RS256, its issuer and the service's audience. */
    public String token(String subject, List<String> roles, Instant issuedAt, Duration ttl) {
        return sign(rsa, claims -> claims.subject(subject)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl))));
    }

    /** Signs the claims the builder is given (after issuer, audience and a one-hour expiry) with {@code key}. */
    public String sign(JWK key, Consumer<JWTClaimsSet.Builder> claims) {
        var builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(AUDIENCE)
                .subject("alice")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        claims.accept(builder);
        try {
            JWSSigner signer;
            JWSAlgorithm algorithm;
            if (key instanceof RSAKey r) {
                signer = new RSASSASigner(r);
                algorithm = JWSAlgorithm.RS256;
            } else if (key instanceof ECKey e) {
                signer = new ECDSASigner(e);
                algorithm = JWSAlgorithm.ES256;
            } else {
                throw new IllegalArgumentException("an RSA or EC key");
            }
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    builder.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token with the given secret and the provider's claims: the algorithm-confusion attempt. */
    public String hs256(byte[] secret, Consumer<JWTClaimsSet.Builder> claims) {
        var builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(AUDIENCE)
                .subject("alice")
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        claims.accept(builder);
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(rsa.getKeyID())
                            .build(),
                    builder.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
