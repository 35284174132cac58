package io.bta.tokenomics.vesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vesting over HTTP against PostgreSQL: a grant escrows its total, locked, in the transaction that
 * creates it; releases pay exactly what has vested, once, also from 16 threads; a revocation keeps
 * what vested and returns the rest once; a paused token refuses releases; governance creates and
 * revokes; nobody else sees a grant.
 */
@IntegrationTest
class VestingTest {

    static final long DAY = 24 * 3600;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    List<ProposalActionType> actions;

    Api api;
    String admin;
    String bene;
    Instant start;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.adminToken();
        api.post("/api/tokens/initialize", admin, null);
        bene = "bene-" + UUID.randomUUID().toString().substring(0, 8);
        start = clock.instant();
    }

    @AfterEach
    void invariantsHold() {
        for (var token : ledger.tokens()) {
            if (token.paused()) {
                ledger.unpause(token.id(), EntityId.of("admin"));
            }
        }
        Invariants.assertHold(jdbc);
    }

    Api.Response create(String total, Instant start, long cliff, long duration, boolean revocable) {
        return api.post(
                "/api/vesting",
                admin,
                "{\"beneficiaryId\":\"" + bene + "\",\"tokenId\":\"BTA-UTIL\",\"total\":\"" + total + "\",\"start\":\""
                        + start + "\",\"cliffSeconds\":" + cliff + ",\"durationSeconds\":" + duration
                        + ",\"revocable\":" + revocable + "}");
    }

    Api.Response release(String id) {
        return api.post("/api/vesting/" + id + "/release", Api.token(bene), null);
    }

    Amount balance(String entity) {
        var b = ledger.balance(EntityId.of(entity), ledger.resolve("BTA-UTIL"));
        return b.available();
    }

    Amount locked(String entity) {
        return ledger.balance(EntityId.of(entity), ledger.resolve("BTA-UTIL")).locked();
    }

    @Test
    void aGrantIsEscrowedLockedAndReleasedAsItVests() {
        var treasury = balance("treasury");
        var created = create("1200", start, 30 * DAY, 120 * DAY, false);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.text("id");
        assertThat(created.text("status")).isEqualTo("BEFORE_CLIFF");
        assertThat(created.text("releasable")).isEqualTo("0");
        assertThat(locked("vesting:" + id)).isEqualTo(Amount.of(1200));
        assertThat(balance("treasury")).isEqualTo(treasury.minus(Amount.of(1200)));

        var early = release(id);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("NOTHING_TO_RELEASE");

        clock.set(start.plusSeconds(30 * DAY)); // the cliff: a quarter, counted from the start
        var atCliff = release(id);
        assertThat(atCliff.status()).as(atCliff.body()).isEqualTo(200);
        assertThat(atCliff.text("amount")).isEqualTo("300");
        assertThat(balance(bene)).isEqualTo(Amount.of(300));

        clock.set(start.plusSeconds(60 * DAY));
        var view = api.get("/api/vesting/" + id, Api.token(bene));
        assertThat(view.text("vested")).isEqualTo("600");
        assertThat(view.text("released")).isEqualTo("300");
        assertThat(view.text("releasable")).isEqualTo("300");
        assertThat(view.text("status")).isEqualTo("VESTING");
        assertThat(view.text("asOf")).isEqualTo(start.plusSeconds(60 * DAY).toString());
        assertThat(release(id).text("amount")).isEqualTo("300");

        clock.set(start.plusSeconds(500 * DAY));
        assertThat(release(id).text("amount")).isEqualTo("600");
        assertThat(balance(bene)).isEqualTo(Amount.of(1200));
        assertThat(locked("vesting:" + id)).isEqualTo(Amount.ZERO);
        assertThat(balance("vesting:" + id)).isEqualTo(Amount.ZERO);
        assertThat(api.get("/api/vesting/" + id, Api.token(bene)).text("status"))
                .isEqualTo("COMPLETED");
        assertThat(release(id).code()).isEqualTo("NOTHING_TO_RELEASE");
    }

    @Test
    void aGrantBackdatedToAHireDateHasVestedAlready() {
        var hired = start.minusSeconds(50 * DAY);

        var created = create("100", hired, 0, 100 * DAY, false);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("vested")).isEqualTo("50");
        assertThat(created.text("releasable")).isEqualTo("50");
        assertThat(release(created.text("id")).text("amount")).isEqualTo("50");
    }

    @Test
    void aRevocationKeepsWhatVestedAndReturnsTheRestOnce() {
        var id = create("1000", start, 0, 100 * DAY, true).text("id");
        clock.set(start.plusSeconds(40 * DAY));
        var treasury = balance("treasury");

        var revoked = api.post("/api/vesting/" + id + "/revoke", admin, null);

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.text("returnedAmount")).isEqualTo("600");
        assertThat(balance("treasury")).isEqualTo(treasury.plus(Amount.of(600)));
        assertThat(revoked.json().get("grant").get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("grant").get("releasable").asString()).isEqualTo("400");
        var again = api.post("/api/vesting/" + id + "/revoke", admin, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_REVOKED");
        assertThat(api.post("/api/vesting/" + id + "/revoke", Api.token(bene), null)
                        .status())
                .isEqualTo(403);

        clock.set(start.plusSeconds(90 * DAY)); // nothing more vests after a revocation
        assertThat(release(id).text("amount")).isEqualTo("400");
        assertThat(release(id).code()).isEqualTo("NOTHING_TO_RELEASE");
        assertThat(balance(bene)).isEqualTo(Amount.of(400));
        assertThat(balance("vesting:" + id).plus(locked("vesting:" + id))).isEqualTo(Amount.ZERO);

        var irrevocable = create("10", start, 0, DAY, false).text("id");
        assertThat(api.post("/api/vesting/" + irrevocable + "/revoke", admin, null)
                        .code())
                .isEqualTo("NOT_REVOCABLE");
    }

    @Test
    void sixteenReleasesAtOncePayWhatVestedOnce() throws Exception {
        var id = create("160", start, 0, 16 * DAY, false).text("id");
        clock.set(start.plusSeconds(8 * DAY));
        long head = Invariants.ledgerHead(jdbc);
        var pool = Executors.newFixedThreadPool(16);
        try {
            var tasks = new ArrayList<Callable<Api.Response>>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> release(id));
            }
            int paid = 0;
            for (var f : pool.invokeAll(tasks)) {
                var r = f.get();
                if (r.status() == 200) {
                    paid++;
                    assertThat(r.text("amount")).isEqualTo("80");
                } else {
                    assertThat(r.code()).as(r.body()).isEqualTo("NOTHING_TO_RELEASE");
                }
            }
            assertThat(paid).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(bene)).isEqualTo(Amount.of(80));
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head + 2); // one unlock and one transfer
    }

    @Test
    void aPausedTokenRefusesReleasesWithNothingMoved() {
        var id = create("10", start.minusSeconds(DAY), 0, DAY, false).text("id");
        assertThat(api.post("/api/tokens/BTA-UTIL/pause", admin, "{\"reason\":\"drill\"}")
                        .status())
                .isEqualTo(200);
        long head = Invariants.ledgerHead(jdbc);

        var paused = release(id);

        assertThat(paused.status()).isEqualTo(409);
        assertThat(paused.code()).isEqualTo("TOKEN_PAUSED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        assertThat(api.get("/api/vesting/" + id, admin).text("released")).isEqualTo("0");
        assertThat(api.post("/api/tokens/BTA-UTIL/unpause", admin, null).status())
                .isEqualTo(200);
        assertThat(release(id).text("amount")).isEqualTo("10");
    }

    @Test
    void onlyTheBeneficiaryOrAnAdminSeesAGrantAndTheEscrowIsVestingsAlone() {
        var id = create("10", start, 0, DAY, true).text("id");
        var stranger = Api.token("stranger-" + bene);

        assertThat(api.get("/api/vesting/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/vesting/" + id + "/release", stranger, null).status())
                .isEqualTo(404);
        assertThat(api.get("/api/vesting?beneficiaryId=" + bene, stranger).status())
                .isEqualTo(403);
        var mine = api.get("/api/vesting", Api.token(bene));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/vesting?beneficiaryId=" + bene, admin).json().size())
                .isEqualTo(1);
        var taken = api.post(
                "/api/tokens/unlock",
                admin,
                Api.json("entityId", "vesting:" + id, "tokenId", "BTA-UTIL", "amount", "10"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.code()).isEqualTo("ENTITY_IN_CUSTODY");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingMoves() {
        long head = Invariants.ledgerHead(jdbc);

        assertThat(create("10", start, 11, 10, false).refusedField("cliffSeconds"))
                .contains("cliff");
        assertThat(create("10", start, 0, 0, false).refusedField("durationSeconds"))
                .contains("duration");
        assertThat(create("0", start, 0, 10, false).refusedField("total")).contains("greater than zero");
        var noStart = api.post(
                "/api/vesting",
                admin,
                "{\"beneficiaryId\":\"" + bene + "\",\"tokenId\":\"BTA-UTIL\",\"total\":\"1\",\"durationSeconds\":10,"
                        + "\"revocable\":false}");
        assertThat(noStart.refusedField("start")).isEqualTo("is required");
        var huge = create("10000000000", start, 0, 10, false);
        assertThat(huge.status()).isEqualTo(409);
        assertThat(huge.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(api.post("/api/vesting", Api.token(bene), "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/vesting/not-an-id", admin).code()).isEqualTo("UNKNOWN_VESTING");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
    }

    @Test
    void governanceCreatesAndRevokesAGrant() {
        var create = action("CREATE_VESTING");
        var revoke = action("REVOKE_VESTING");
        var execution = new ProposalActionType.Execution(new ProposalId(UUID.randomUUID()), EntityId.of("admin"));
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("beneficiaryId", bene);
        parameters.put("tokenId", "BTA-UTIL");
        parameters.put("total", "50");
        parameters.put("start", start.toString());
        parameters.put("durationSeconds", Long.toString(10 * DAY));
        parameters.put("revocable", "true");

        create.execute(create.validate(parameters), execution);

        var grants = api.get("/api/vesting?beneficiaryId=" + bene, admin).json();
        assertThat(grants.size()).isEqualTo(1);
        var id = grants.get(0).get("id").asString();
        clock.set(start.plusSeconds(5 * DAY));
        revoke.execute(revoke.validate(Map.of("vestingId", id)), execution);
        assertThat(api.get("/api/vesting/" + id, admin).text("returnedAmount")).isEqualTo("25");

        var bad = new LinkedHashMap<>(parameters);
        bad.put("cliffSeconds", Long.toString(11 * DAY));
        assertThatThrownBy(() -> create.validate(bad)).hasMessageStartingWith("cliffSeconds:");
        var irrevocable = new LinkedHashMap<>(parameters);
        irrevocable.put("revocable", "false");
        create.execute(create.validate(irrevocable), execution);
        var fixed = api.get("/api/vesting?beneficiaryId=" + bene, admin)
                .json()
                .get(0)
                .get("id")
                .asString();
        assertThatThrownBy(() -> revoke.validate(Map.of("vestingId", fixed))).hasMessageContaining("irrevocable");
    }

    private ProposalActionType action(String type) {
        return actions.stream().filter(a -> a.type().equals(type)).findFirst().orElseThrow();
    }
}
