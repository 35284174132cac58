package io.bta.tokenomics.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@RecordApplicationEvents
class GuaranteesTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final String BASE = "/api/guarantees/allocations";
    static final String SERVICE = Api.token("marketplace", "SERVICE");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Guarantees guarantees;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    TokenId guar;
    TokenId util;
    EntityId guarantor;
    EntityId beneficiary;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        guar = ledger.resolve("BTA-GUAR");
        util = ledger.resolve("BTA-UTIL");
        guarantor = EntityId.of("guarantor-" + UUID.randomUUID());
        beneficiary = EntityId.of("beneficiary-" + UUID.randomUUID());
        ledger.transfer(util, ledger.treasury(), guarantor, Amount.of(1000), null, ADMIN);
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    static String guaranteeId() {
        return "g-" + UUID.randomUUID();
    }

    String body(String guaranteeId, String amount, String collateralAmount, String expiresAt) {
        var node = JSON.createObjectNode();
        node.put("guaranteeId", guaranteeId);
        node.put("guarantorId", guarantor.value());
        node.put("beneficiaryId", beneficiary.value());
        node.put("amount", amount);
        if (collateralAmount != null) {
            var c = node.putObject("collateral");
            c.put("tokenId", "BTA-UTIL");
            c.put("amount", collateralAmount);
        }
        if (expiresAt != null) {
            node.put("expiresAt", expiresAt);
        }
        return JSON.writeValueAsString(node);
    }

    Api.Response allocate(String guaranteeId, String amount, String collateralAmount) {
        var r = api.post(BASE, SERVICE, body(guaranteeId, amount, collateralAmount, null));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    Amount available(EntityId e, TokenId t) {
        return ledger.balance(e, t).available();
    }

    Amount locked(EntityId e, TokenId t) {
        return ledger.balance(e, t).locked();
    }

    Amount supply(TokenId t) {
        return ledger.token("BTA-GUAR").totalSupply();
    }

    @Test
    void allocatingMintsAndLocksGuarAndLocksTheCollateral() {
        var gid = guaranteeId();
        var before = supply(guar);
        var r = allocate(gid, "250.5", "300");
        assertThat(r.text("guaranteeId")).isEqualTo(gid);
        assertThat(r.text("guarantorId")).isEqualTo(guarantor.value());
        assertThat(r.text("beneficiaryId")).isEqualTo(beneficiary.value());
        assertThat(r.text("amount")).isEqualTo("250.5");
        assertThat(r.text("status")).isEqualTo("ACTIVE");
        assertThat(r.json().get("collateral").get("symbol").asString()).isEqualTo("BTA-UTIL");
        assertThat(r.json().get("collateral").get("amount").asString()).isEqualTo("300");
        assertThat(r.text("closedAt")).isNull();
        assertThat(locked(guarantor, guar)).isEqualTo(Amount.of("250.5"));
        assertThat(available(guarantor, guar)).isEqualTo(Amount.ZERO);
        assertThat(locked(guarantor, util)).isEqualTo(Amount.of(300));
        assertThat(available(guarantor, util)).isEqualTo(Amount.of(700));
        assertThat(supply(guar)).isEqualTo(before.plus(Amount.of("250.5")));
        var memos = jdbc.sql("select memo from ledger_transactions where memo like ?")
                .param("guarantee " + gid + " %")
                .query(String.class)
                .list();
        assertThat(memos).hasSize(3);
    }

    @Test
    void releaseBurnsTheGuarAndUnlocksTheCollateral() {
        var before = supply(guar);
        var id = allocate(guaranteeId(), "100", "300").text("id");
        var r = api.post(BASE + "/" + id + "/release", SERVICE, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("RELEASED");
        assertThat(r.text("closedAt")).isNotNull();
        assertThat(ledger.balance(guarantor, guar).total()).isEqualTo(Amount.ZERO);
        assertThat(available(guarantor, util)).isEqualTo(Amount.of(1000));
        assertThat(locked(guarantor, util)).isEqualTo(Amount.ZERO);
        assertThat(supply(guar)).isEqualTo(before);
        var again = api.post(BASE + "/" + id + "/release", SERVICE, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALLOCATION_NOT_ACTIVE");
    }

    @Test
    void claimMovesTheGuarAndTheCollateralToTheBeneficiary() {
        var id = allocate(guaranteeId(), "100", "300").text("id");
        var r = api.post(BASE + "/" + id + "/claim", Api.adminToken(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("CLAIMED");
        assertThat(ledger.balance(guarantor, guar).total()).isEqualTo(Amount.ZERO);
        assertThat(available(beneficiary, guar)).isEqualTo(Amount.of(100));
        assertThat(available(beneficiary, util)).isEqualTo(Amount.of(300));
        assertThat(available(guarantor, util)).isEqualTo(Amount.of(700));
        assertThat(locked(guarantor, util)).isEqualTo(Amount.ZERO);
        assertThat(api.post(BASE + "/" + id + "/release", SERVICE, null).code()).isEqualTo("ALLOCATION_NOT_ACTIVE");
    }

    @Test
    void anAllocationWithoutCollateralHasNone() {
        var r = allocate(guaranteeId(), "5", null);
        assertThat(r.json().get("collateral").isNull()).isTrue();
        var released = api.post(BASE + "/" + r.text("id") + "/release", SERVICE, null);
        assertThat(released.text("status")).isEqualTo("RELEASED");
        assertThat(available(guarantor, util)).isEqualTo(Amount.of(1000));
    }

    @Test
    void aSecondActiveAllocationOfAGuaranteeIsRefusedUntilTheFirstCloses() {
        var gid = guaranteeId();
        var id = allocate(gid, "10", null).text("id");
        var again = api.post(BASE, SERVICE, body(gid, "10", null, null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("GUARANTEE_ALREADY_ALLOCATED");
        assertThat(locked(guarantor, guar)).isEqualTo(Amount.of(10));
        api.post(BASE + "/" + id + "/release", SERVICE, null);
        allocate(gid, "20", null);
        assertThat(locked(guarantor, guar)).isEqualTo(Amount.of(20));
    }

    /** BTA-GUAR's figures as {@code GET /api/analytics/overview} shows them. */
    JsonNode guarFigures() {
        var r = api.get("/api/analytics/overview", SERVICE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (var t : r.json().get("tokens")) {
            if (t.get("symbol").asString().equals("BTA-GUAR")) {
                return t;
            }
        }
        throw new AssertionError("no BTA-GUAR in " + r.body());
    }

    static BigDecimal decimal(JsonNode figures, String field) {
        var text = figures.get(field).asString();
        assertThat(text).as(field + " in plain notation").matches("0|[1-9][0-9]*(\\.[0-9]*[1-9])?");
        return new BigDecimal(text);
    }

    @Test
    void anAllocationNearTheAmountBoundLeavesLaterAllocationsAndMintsPossible() {
        var bound = BigDecimal.TEN.pow(20);
        var before = guarFigures();
        var mintedBefore = decimal(before, "totalMinted");
        var burnedBefore = decimal(before, "totalBurned");
        var supplyBefore = decimal(before, "totalSupply");
        // The reported state: a lifetime minted total 1000 below 10^20 (99999999999999998000 allocated
        // after 2000 minted), the supply back where it was once the allocation is released. On a
        // ledger whose total is past that already, the allocation takes the supply 1000 below 10^20.
        var near = bound.subtract(BigDecimal.valueOf(1000));
        var large = near.subtract(mintedBefore.compareTo(near) < 0 ? mintedBefore : supplyBefore);
        var id = allocate(guaranteeId(), large.toPlainString(), null).text("id");
        var released = api.post(BASE + "/" + id + "/release", SERVICE, null);
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(decimal(guarFigures(), "totalSupply")).isEqualByComparingTo(supplyBefore);

        allocate(guaranteeId(), "1000", null);
        var mint = api.post(
                "/api/tokens/mint",
                Api.adminToken(),
                Api.json("entityId", beneficiary.value(), "tokenId", "BTA-GUAR", "amount", "1000"));
        assertThat(mint.status()).as(mint.body()).isEqualTo(201);

        var after = guarFigures();
        assertThat(decimal(after, "totalSupply")).isEqualByComparingTo(supplyBefore.add(BigDecimal.valueOf(2000)));
        assertThat(decimal(after, "totalMinted"))
                .isEqualByComparingTo(mintedBefore.add(large).add(BigDecimal.valueOf(2000)))
                .isGreaterThan(bound);
        assertThat(decimal(after, "totalBurned")).isEqualByComparingTo(burnedBefore.add(large));
        assertThat(locked(guarantor, guar)).isEqualTo(Amount.of(1000));
        assertThat(available(beneficiary, guar)).isEqualTo(Amount.of(1000));
    }

    @Test
    void collateralBeyondTheAvailableBalanceIsRefusedAndNothingIsMinted() {
        var gid = guaranteeId();
        var before = supply(guar);
        var r = api.post(BASE, SERVICE, body(gid, "10", "1000.000000000000000001", null));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("INSUFFICIENT_BALANCE");
        // the client sent one allocation, not a list: no position among the ledger's own steps
        assertThat(r.json().has("index")).as(r.body()).isFalse();
        assertThat(r.json().get("entityId").asString()).isEqualTo(guarantor.value());
        assertThat(supply(guar)).isEqualTo(before);
        assertThat(ledger.balance(guarantor, guar).total()).isEqualTo(Amount.ZERO);
        assertThat(available(guarantor, util)).isEqualTo(Amount.of(1000));
        // the refused allocation left no row behind, so the guarantee can be allocated
        allocate(gid, "10", "1000");
    }

    @Test
    void badInputIsA400NamingTheFields() {
        var node = JSON.createObjectNode();
        node.put("guaranteeId", "bad id with spaces");
        node.put("guarantorId", guarantor.value());
        node.put("beneficiaryId", guarantor.value());
        node.put("amount", "-1");
        node.put("expiresAt", "tomorrow");
        var r = api.post(BASE, SERVICE, JSON.writeValueAsString(node));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("guaranteeId", "beneficiaryId", "amount", "expiresAt");
        var past = api.post(
                BASE,
                SERVICE,
                body(guaranteeId(), "1", null, clock.instant().minusSeconds(1).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.code()).isEqualTo("EXPIRY_NOT_IN_FUTURE");
        var unknownToken = api.post(
                BASE,
                SERVICE,
                body(guaranteeId(), "1", null, null)
                        .replace("}", ",\"collateral\":{\"tokenId\":\"NOPE\",\"amount\":\"1\"}}"));
        assertThat(unknownToken.status()).isEqualTo(404);
        assertThat(api.post(BASE + "/not-a-uuid/release", SERVICE, null).code()).isEqualTo("UNKNOWN_ALLOCATION");
        assertThat(api.post(BASE + "/" + UUID.randomUUID() + "/claim", SERVICE, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPlainUserMayNotAllocateReleaseOrClaim() {
        var id = allocate(guaranteeId(), "10", null).text("id");
        var user = Api.token(guarantor.value());
        var create = api.post(BASE, user, body(guaranteeId(), "10", null, null));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("SCOPE_REQUIRED");
        assertThat(api.post(BASE + "/" + id + "/release", user, null).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/" + id + "/claim", Api.token(beneficiary.value()), null)
                        .status())
                .isEqualTo(403);
        assertThat(locked(guarantor, guar)).isEqualTo(Amount.of(10));
    }

    @Test
    void partiesReadTheirOwnAllocationsAndOthersMayNot() {
        var gid = guaranteeId();
        var id = allocate(gid, "10", null).text("id");
        assertThat(api.get(BASE + "/" + id, Api.token(guarantor.value())).text("guaranteeId"))
                .isEqualTo(gid);
        assertThat(api.get(BASE + "/" + id, Api.token(beneficiary.value())).status())
                .isEqualTo(200);
        assertThat(api.get(BASE + "/" + id, SERVICE).status()).isEqualTo(200);
        var stranger = api.get(BASE + "/" + id, Api.token("stranger-" + UUID.randomUUID()));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.code()).isEqualTo("NOT_A_PARTY");

        var own = api.get(BASE, Api.token(beneficiary.value()));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().size()).isEqualTo(1);
        assertThat(api.get(BASE + "?guarantorId=" + guarantor.value(), Api.token(beneficiary.value()))
                        .status())
                .isEqualTo(403);
        var byService = api.get(BASE + "?guarantorId=" + guarantor.value() + "&status=ACTIVE", SERVICE);
        assertThat(byService.json().size()).isEqualTo(1);
        assertThat(byService.json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get(BASE + "?guarantorId=" + guarantor.value() + "&status=CLAIMED", SERVICE)
                        .json()
                        .size())
                .isZero();
        assertThat(api.get(BASE + "?status=BOGUS", SERVICE).status()).isEqualTo(400);
    }

    @Test
    void anAllocationPastItsExpiryIsReleasedAutomatically() {
        var before = supply(guar);
        var expiresAt = clock.instant().plus(Duration.ofDays(30));
        var r = api.post(BASE, SERVICE, body(guaranteeId(), "40", "100", expiresAt.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var id = AllocationId.of(r.text("id"));
        var other = allocate(guaranteeId(), "1", null).text("id"); // no expiry: stays
        clock.advance(Duration.ofDays(29));
        guarantees.expireDue();
        assertThat(guarantees.allocation(id).status()).isEqualTo(AllocationStatus.ACTIVE);
        clock.advance(Duration.ofDays(1));
        assertThat(api.post(BASE + "/" + id + "/claim", SERVICE, null).code()).isEqualTo("ALLOCATION_EXPIRED");
        guarantees.expireDue();
        var expired = guarantees.allocation(id);
        assertThat(expired.status()).isEqualTo(AllocationStatus.EXPIRED);
        assertThat(expired.closedAt()).isEqualTo(expiresAt);
        assertThat(guarantees.allocation(AllocationId.of(other)).status()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(locked(guarantor, guar)).isEqualTo(Amount.of(1));
        assertThat(available(guarantor, util)).isEqualTo(Amount.of(1000));
        assertThat(supply(guar)).isEqualTo(before.plus(Amount.of(1)));
        assertThat(guarantees.expireDue()).isZero();
    }

    @Test
    void twoConcurrentReleasesOfOneAllocationReleaseItOnce() throws Exception {
        var before = supply(guar);
        var id = allocate(guaranteeId(), "77", "100").text("id");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<Api.Response>>();
            for (int i = 0; i < 2; i++) {
                Callable<Api.Response> release = () -> {
                    start.await();
                    return api.post(BASE + "/" + id + "/release", SERVICE, null);
                };
                futures.add(pool.submit(release));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            var codes = new ArrayList<String>();
            for (var f : futures) {
                var r = f.get();
                statuses.add(r.status());
                codes.add(r.status() == 200 ? r.text("status") : r.code());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(codes).containsExactlyInAnyOrder("RELEASED", "ALLOCATION_NOT_ACTIVE");
        } finally {
            pool.shutdown();
        }
        assertThat(supply(guar)).isEqualTo(before);
        assertThat(ledger.balance(guarantor, guar).total()).isEqualTo(Amount.ZERO);
        assertThat(available(guarantor, util)).isEqualTo(Amount.of(1000));
        var burns = jdbc.sql("select count(*) from ledger_transactions where type = 'BURN' and memo like ?")
                .param("% allocation " + id + " %")
                .query(Long.class)
                .single();
        assertThat(burns).isEqualTo(1);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }

    @Test
    void eachFlowPublishesItsEvent(ApplicationEvents events) {
        var gid = guaranteeId();
        var a = guarantees.allocate(
                new Guarantees.NewAllocation(gid, guarantor, beneficiary, Amount.of(3), util, Amount.of(4), null),
                ADMIN);
        guarantees.claim(a.id(), ADMIN);
        var b = guarantees.allocate(
                new Guarantees.NewAllocation(gid, guarantor, beneficiary, Amount.of(2), null, null, null), ADMIN);
        guarantees.release(b.id(), ADMIN);
        var allocated = events.stream(GuaranteeEvents.GuaranteeAllocated.class).toList();
        assertThat(allocated)
                .extracting(GuaranteeEvents.GuaranteeAllocated::allocationId)
                .containsExactly(a.id(), b.id());
        assertThat(allocated.get(0).collateralAmount()).isEqualTo(Amount.of(4));
        var claimed = events.stream(GuaranteeEvents.GuaranteeClaimed.class).toList();
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.beneficiaryId()).isEqualTo(beneficiary);
            assertThat(c.amount()).isEqualTo(Amount.of(3));
        });
        var released = events.stream(GuaranteeEvents.GuaranteeReleased.class).toList();
        assertThat(released).singleElement().satisfies(r -> {
            assertThat(r.allocationId()).isEqualTo(b.id());
            assertThat(r.expired()).isFalse();
        });
        assertThat(available(beneficiary, util)).isEqualTo(Amount.of(4));
    }
}
