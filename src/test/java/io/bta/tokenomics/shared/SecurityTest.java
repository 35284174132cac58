package io.bta.tokenomics.shared;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.bta.tokenomics.shared.security.TokenCommand;
import io.bta.tokenomics.shared.security.TokenIssuer;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SecurityTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.post("/api/tokens/initialize", Api.adminToken(), null);
    }

    @Test
    void noTokenIs401Problem() {
        var r = api.get("/api/tokens", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void expiredTokenIs401() {
        var expired = new TokenIssuer(Api.SECRET.getBytes(StandardCharsets.UTF_8))
                .issue("alice", List.of(), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        var r = api.get("/api/tokens", expired);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }

    /**
     * The running service allows the default clock skew of 5 s, not 60 s: a token 10 s past its
     * exp is refused (ClockSkewTest holds both sides of the bound with a clock it sets).
     */
    @Test
    void aTokenExpiredTenSecondsAgoIs401() {
        var expiry = Instant.now().minusSeconds(10);
        var expired = new TokenIssuer(Api.SECRET.getBytes(StandardCharsets.UTF_8))
                .issue("alice", List.of(), expiry.minus(Duration.ofHours(1)), Duration.ofHours(1));
        var r = api.get("/api/tokens/balances", expired);
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        var forged = new TokenIssuer(
                        "another-secret-that-is-also-long-enough-0123456789".getBytes(StandardCharsets.UTF_8))
                .issue("admin", List.of("ADMIN"), Instant.now(), Duration.ofHours(1));
        assertThat(api.get("/api/tokens", forged).status()).isEqualTo(401);
    }

    @Test
    void unsignedTokenWithAlgNoneIs401() {
        var claims = new JWTClaimsSet.Builder()
                .subject("admin")
                .claim("roles", List.of("ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build();
        var none = new PlainJWT(claims).serialize();
        assertThat(api.get("/api/tokens", none).status()).isEqualTo(401);
        assertThat(api.post("/api/tokens/mint", none, json("entityId", "x", "tokenId", "BTA-UTIL", "amount", "1"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void tokenWithoutExpiryIs401() throws JOSEException {
        var claims = new JWTClaimsSet.Builder()
                .subject("admin")
                .claim("roles", List.of("ADMIN"))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(Api.SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(api.get("/api/tokens", jwt.serialize()).status()).isEqualTo(401);
    }

    @Test
    void tokenWhoseSubjectIsNotAnEntityIdIs401() {
        assertThat(api.get("/api/tokens", Api.token("not an id!")).status()).isEqualTo(401);
    }

    /**
     * Claims of the wrong JSON type in a token signed with the right key: each is a 401 problem
     * (never a 500, never read as something else: "sub": 5 is not the entity "5", "roles": "ADMIN"
     * is not the role ADMIN), and a refusal over sub or roles names the claim, not its value.
     */
    @Test
    void aSignedTokenWithClaimsOfTheWrongTypeIs401() {
        long exp = Instant.now().plusSeconds(3600).getEpochSecond();
        var payloads = new LinkedHashMap<String, String>();
        payloads.put("{\"sub\":\"admin\",\"roles\":[1],\"exp\":" + exp + "}", "roles");
        payloads.put("{\"sub\":\"admin\",\"roles\":\"ADMIN\",\"exp\":" + exp + "}", "roles");
        payloads.put("{\"sub\":\"admin\",\"roles\":{\"a\":1},\"exp\":" + exp + "}", "roles");
        payloads.put("{\"sub\":\"admin\",\"roles\":[null],\"exp\":" + exp + "}", "roles");
        payloads.put("{\"sub\":\"admin\",\"roles\":[\"ADMIN\",true],\"exp\":" + exp + "}", "roles");
        payloads.put("{\"sub\":\"admin\",\"roles\":null,\"exp\":" + exp + "}", "roles");
        payloads.put("{\"sub\":5,\"exp\":" + exp + "}", "sub");
        payloads.put("{\"sub\":5.5,\"exp\":" + exp + "}", "sub");
        payloads.put("{\"sub\":null,\"exp\":" + exp + "}", "sub");
        payloads.put("{\"sub\":[\"admin\"],\"exp\":" + exp + "}", null);
        payloads.put("{\"sub\":{\"id\":\"admin\"},\"exp\":" + exp + "}", null);
        payloads.put("{\"sub\":\"admin\",\"exp\":null}", null);
        payloads.put("{\"sub\":\"admin\",\"exp\":\"" + exp + "\"}", null);
        payloads.put("{\"sub\":\"admin\",\"exp\":{}}", null);
        payloads.put("{\"sub\":\"admin\",\"exp\":[" + exp + "]}", null);
        for (var payload : payloads.entrySet()) {
            var token = signed(payload.getKey());
            for (var r : List.of(
                    api.get("/api/tokens/balances", token),
                    api.post("/api/tokens/mint", token, json("entityId", "x", "tokenId", "BTA-UTIL", "amount", "1")))) {
                assertThat(r.status()).as(payload.getKey() + " " + r.body()).isEqualTo(401);
                assertThat(r.isProblem()).as(r.body()).isTrue();
                assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
                assertThat(r.text("detail")).doesNotContain("Exception", "admin", Long.toString(exp));
                if (payload.getValue() != null) {
                    assertThat(r.text("detail")).as(payload.getKey()).contains(payload.getValue() + " claim");
                }
            }
        }
    }

    /** A token signed with the test secret whose payload is exactly {@code json}. */
    static String signed(String json) {
        try {
            var jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(json));
            jws.sign(new MACSigner(Api.SECRET.getBytes(StandardCharsets.UTF_8)));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void garbageBearerIs401() {
        assertThat(api.get("/api/tokens", "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void nonAdminOnAdminPathsIs403Problem() {
        var alice = Api.token("alice");
        var service = Api.token("svc", "SERVICE");
        for (var path : List.of(
                "/api/tokens/initialize",
                "/api/tokens/mint",
                "/api/tokens/burn",
                "/api/tokens/lock",
                "/api/tokens/unlock")) {
            var r = api.post(path, alice, json("entityId", "alice", "tokenId", "BTA-UTIL", "amount", "1"));
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
        // a platform service may lock and unlock (scope ledger:lock), but never create or destroy tokens
        for (var path : List.of("/api/tokens/initialize", "/api/tokens/mint", "/api/tokens/burn")) {
            var r = api.post(path, service, json("entityId", "alice", "tokenId", "BTA-UTIL", "amount", "1"));
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
    }

    @Test
    void actingOnAnotherEntityIs403() {
        var alice = Api.token("alice");
        assertThat(api.get("/api/tokens/balances/bob", alice).status()).isEqualTo(403);
        assertThat(api.get("/api/tokens/transactions/bob", alice).status()).isEqualTo(403);
        var r = api.post(
                "/api/tokens/transfer",
                alice,
                json("fromEntityId", "bob", "toEntityId", "alice", "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("NOT_OWNER");
    }

    @Test
    void healthAndApiDocsAreOpenButOtherActuatorEndpointsAreNot() {
        var health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/env", null).status()).isIn(401, 404);
    }

    @Test
    void tokenCommandPrintsATokenTheServiceAccepts(@TempDir Path dir) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = TokenCommand.run(
                new String[] {"token", "--sub", "carol", "--roles", "admin"},
                Map.of("TOKENOMICS_SECURITY_JWT_SECRET", Api.SECRET),
                new PrintStream(out),
                new PrintStream(err));
        assertThat(code).isZero();
        var token = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(token.lines().count()).isEqualTo(1);
        var r = api.post("/api/tokens/mint", token, json("entityId", "carol", "tokenId", "BTA-GUAR", "amount", "1"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void tokenCommandGeneratesAndReusesTheSecretInTheDataDirectory(@TempDir Path dir) throws Exception {
        var env = Map.of("TOKENOMICS_DATA_DIR", dir.toString());
        var first = new ByteArrayOutputStream();
        assertThat(TokenCommand.run(
                        new String[] {"token", "--sub", "dave"},
                        env,
                        new PrintStream(first),
                        new PrintStream(new ByteArrayOutputStream())))
                .isZero();
        var secret = Files.readString(dir.resolve("jwt-secret")).strip();
        assertThat(secret.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(32);
        var jwt = SignedJWT.parse(first.toString(StandardCharsets.UTF_8).strip());
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.MACVerifier(secret.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("dave");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
        // a second run keeps the same secret
        TokenCommand.run(
                new String[] {"token", "--sub", "dave"},
                env,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(Files.readString(dir.resolve("jwt-secret")).strip()).isEqualTo(secret);
    }

    @Test
    void tokenCommandTakesTheDataDirectoryAsAnOption(@TempDir Path dir) throws Exception {
        var err = new ByteArrayOutputStream();
        var spaced = dir.resolve("spaced");
        assertThat(TokenCommand.run(
                        new String[] {"token", "--data-dir", spaced.toString(), "--sub", "erin"},
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err)))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(spaced.resolve("jwt-secret")).exists();
        var joined = dir.resolve("joined");
        assertThat(TokenCommand.run(
                        new String[] {"token", "--sub", "erin", "--data-dir=" + joined},
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err)))
                .isZero();
        assertThat(joined.resolve("jwt-secret")).exists();
        var property = dir.resolve("property");
        assertThat(TokenCommand.run(
                        new String[] {"token", "--sub", "erin", "--tokenomics.data-dir=" + property},
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err)))
                .isZero();
        assertThat(property.resolve("jwt-secret")).exists();
        // the usage names the option, and the option needs its value
        var usage = new ByteArrayOutputStream();
        assertThat(TokenCommand.run(
                        new String[] {"token", "--sub", "erin", "--data-dir"},
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(usage)))
                .isEqualTo(2);
        assertThat(usage.toString(StandardCharsets.UTF_8)).contains("[--data-dir <dir>]");
    }

    @Test
    void tokenCommandRefusesABadSubject() {
        var err = new ByteArrayOutputStream();
        int code = TokenCommand.run(
                new String[] {"token", "--sub", "bad sub"},
                Map.of("TOKENOMICS_SECURITY_JWT_SECRET", Api.SECRET),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sub");
    }
}
