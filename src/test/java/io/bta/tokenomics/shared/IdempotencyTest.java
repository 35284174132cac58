package io.bta.tokenomics.shared;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IdempotencyTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    String alice;
    String bob;
    String aliceToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(EntityId.of("admin"));
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
        aliceToken = Api.token(alice);
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                ledger.treasury(),
                EntityId.of(alice),
                Amount.of(100),
                null,
                EntityId.of("admin"));
    }

    Amount bobHas() {
        return ledger.balance(EntityId.of(bob), ledger.resolve("BTA-UTIL")).available();
    }

    long transfersToBob() {
        return jdbc.sql("select count(*) from ledger_transactions where to_entity_id = ?")
                .param(bob)
                .query(Long.class)
                .single();
    }

    @Test
    void aRetryReplaysTheFirstResponseAndAppliesNothingAgain() {
        var body = json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "10");
        var key = "k-" + UUID.randomUUID();
        var first = api.post("/api/tokens/transfer", aliceToken, body, key);
        var second = api.post("/api/tokens/transfer", aliceToken, body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(bobHas()).isEqualTo(Amount.of(10));
        assertThat(transfersToBob()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        var key = "k-" + UUID.randomUUID();
        api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "10"),
                key);
        var other = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "11"),
                key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(bobHas()).isEqualTo(Amount.of(10));
    }

    @Test
    void keysBelongToTheirCaller() {
        var key = "shared-" + UUID.randomUUID();
        var carol = "carol-" + UUID.randomUUID();
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                ledger.treasury(),
                EntityId.of(carol),
                Amount.of(5),
                null,
                EntityId.of("admin"));
        var byAlice = api.post(
                "/api/tokens/transfer", aliceToken, json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1"), key);
        var byCarol = api.post(
                "/api/tokens/transfer",
                Api.token(carol),
                json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1"),
                key);
        assertThat(byAlice.status()).isEqualTo(201);
        assertThat(byCarol.status()).isEqualTo(201);
        assertThat(byCarol.header("Idempotent-Replayed")).isNull();
        assertThat(bobHas()).isEqualTo(Amount.of(2));
    }

    @Test
    void aRefusalIsReplayedToo() {
        var key = "k-" + UUID.randomUUID();
        var body = json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1000");
        var first = api.post("/api/tokens/transfer", aliceToken, body, key);
        assertThat(first.status()).isEqualTo(409);
        var retry = api.post("/api/tokens/transfer", aliceToken, body, key);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(transfersToBob()).isZero();
    }

    @Test
    void aRequestWhoseFirstAttemptIsStillRunningIs409() {
        var key = "k-" + UUID.randomUUID();
        var body = json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "3");
        // The first attempt holds its lease (as a request in flight does), so the duplicate must wait.
        var first = api.post("/api/tokens/transfer", aliceToken, body, key);
        jdbc.sql("update idempotency_keys set state = 'IN_PROGRESS', locked_until = ? where caller = ? and key = ?")
                .param(Timestamp.from(clock.instant().plus(Duration.ofSeconds(30))))
                .param(alice)
                .param(key)
                .update();
        var duplicate = api.post("/api/tokens/transfer", aliceToken, body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS");
        assertThat(duplicate.header("Retry-After")).isNotNull();
    }

    @Test
    void anAttemptThatDiedWithoutCommittingIsTakenOverAfterItsLease() {
        var key = "k-" + UUID.randomUUID();
        var body = json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "4");
        // A claim left behind by a crashed attempt: its effects rolled back with it, its lease runs out.
        jdbc.sql(
                        """
                insert into idempotency_keys (caller, key, fingerprint, state, lease, locked_until, created_at, expires_at)
                values (?, ?, 'unknown', 'IN_PROGRESS', gen_random_uuid(), ?, ?, ?)
                """)
                .param(alice)
                .param(key)
                .param(Timestamp.from(clock.instant().plus(Duration.ofSeconds(60))))
                .param(Timestamp.from(clock.instant()))
                .param(Timestamp.from(clock.instant().plus(Duration.ofHours(24))))
                .update();
        var fingerprintOf = api.post("/api/tokens/transfer", aliceToken, body, "probe-" + UUID.randomUUID());
        assertThat(fingerprintOf.status()).isEqualTo(201);
        var fingerprint = jdbc.sql(
                        "select fingerprint from idempotency_keys where caller = ? and key like 'probe-%' order by created_at desc limit 1")
                .param(alice)
                .query(String.class)
                .single();
        jdbc.sql("update idempotency_keys set fingerprint = ? where caller = ? and key = ?")
                .param(fingerprint)
                .param(alice)
                .param(key)
                .update();

        assertThat(api.post("/api/tokens/transfer", aliceToken, body, key).status())
                .isEqualTo(409);
        clock.advance(Duration.ofSeconds(61));
        var takeover = api.post("/api/tokens/transfer", aliceToken, body, key);
        assertThat(takeover.status()).isEqualTo(201);
        assertThat(bobHas()).isEqualTo(Amount.of(8)); // the probe and the takeover, nothing from the dead attempt
    }

    @Test
    void concurrentDuplicatesApplyOnce() throws Exception {
        var body = json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "7");
        var key = "k-" + UUID.randomUUID();
        int n = 12;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        var futures = new ArrayList<Future<Api.Response>>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return api.post("/api/tokens/transfer", aliceToken, body, key);
            }));
        }
        start.countDown();
        String created = null;
        int inProgress = 0;
        for (var f : futures) {
            var r = f.get();
            assertThat(r.status()).as(r.body()).isIn(201, 409);
            if (r.status() == 201) {
                if (created == null) {
                    created = r.body();
                }
                assertThat(r.body()).isEqualTo(created); // the one response, original or replayed
            } else {
                assertThat(r.code()).isEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS");
                inProgress++;
            }
        }
        pool.shutdown();
        assertThat(created).isNotNull();
        assertThat(bobHas()).isEqualTo(Amount.of(7));
        assertThat(transfersToBob()).isEqualTo(1);
        var after = api.post("/api/tokens/transfer", aliceToken, body, key);
        assertThat(after.status()).isEqualTo(201);
        assertThat(after.body()).isEqualTo(created);
        Invariants.assertHold(jdbc);
        assertThat(inProgress).isBetween(0, n - 1);
    }

    @Test
    void keysExpireAfterTheirTimeToLive() {
        var key = "k-" + UUID.randomUUID();
        var body = json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1");
        api.post("/api/tokens/transfer", aliceToken, body, key);
        clock.advance(Duration.ofHours(23));
        assertThat(api.post("/api/tokens/transfer", aliceToken, body, key).header("Idempotent-Replayed"))
                .isEqualTo("true");
        clock.advance(Duration.ofHours(2));
        var afterExpiry = api.post("/api/tokens/transfer", aliceToken, body, key);
        assertThat(afterExpiry.status()).isEqualTo(201);
        assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
        assertThat(bobHas()).isEqualTo(Amount.of(2));
    }

    @Test
    void aMalformedKeyIs400() {
        var r = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1"),
                "x".repeat(300));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(transfersToBob()).isZero();
    }
}
