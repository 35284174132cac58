package io.bta.tokenomics.farms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
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
 * Farms over HTTP against PostgreSQL, each test on farms of its own share tokens with every other
 * farm's weight set to 0, so the program's whole emission is theirs and the payouts are exact:
 * deposits lock, harvests mint exactly what accrued, the trust boost and a kick, weight and rate
 * changes settle first, emergency withdrawal forfeits, the budget refuses whole, the pause refuses,
 * 16 harvests at once, governance's actions.
 */
@IntegrationTest
class FarmsTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final EntityId ISSUER = EntityId.of("system:farms-test");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Trust trust;

    @Autowired
    Farms farms;

    @Autowired
    MutableClock clock;

    @Autowired
    List<ProposalActionType> actions;

    Api api;
    String admin;
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.adminToken();
        ledger.initializeTokens(ADMIN);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (var f : farms.farms()) {
            if (f.allocPoint() != 0) {
                farms.setWeight(f.id(), 0);
            }
        }
        setRate("10");
    }

    @AfterEach
    void invariantsHold() {
        for (var token : ledger.tokens()) {
            if (token.paused()) {
                ledger.unpause(token.id(), ADMIN);
            }
        }
        setRate("10");
        Invariants.assertHold(jdbc);
    }

    void setRate(String rate) {
        assertThat(api.send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(api.base() + "/api/farms/program"))
                                        .header("Content-Type", "application/json")
                                        .method(
                                                "PATCH",
                                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                                        "{\"rewardPerSecond\":\"" + rate + "\"}")),
                                admin,
                                null)
                        .status())
                .isEqualTo(200);
    }

    /** A share token of this test, with {@code amount} of it given to each holder. */
    TokenId token(String name, long amount, String... holders) {
        var token = ledger.createShareToken("BTA-LP-" + name + "-" + tag, "farm test " + name, ISSUER);
        for (var h : holders) {
            ledger.mint(token.id(), EntityId.of(h), Amount.of(amount), "test", ISSUER);
        }
        return token.id();
    }

    String farm(TokenId token, long weight) {
        var r = api.post("/api/farms", admin, Api.json("stakeTokenId", token.toString(), "allocPoint", weight));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    Api.Response deposit(String farm, String who, String amount) {
        return api.post("/api/farms/" + farm + "/deposit", Api.token(who), Api.json("amount", amount));
    }

    Api.Response harvest(String farm, String who) {
        return api.post("/api/farms/" + farm + "/harvest", Api.token(who), null);
    }

    Amount reward(String who) {
        return ledger.balance(EntityId.of(who), ledger.resolve("BTA-REWARD")).available();
    }

    String who(String name) {
        return name + "-" + tag.toLowerCase();
    }

    void after(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void aDepositLocksAndAHarvestMintsExactlyWhatAccrued() {
        var alice = who("alice");
        trust.record(EntityId.of(alice), new BigDecimal("50"), ADMIN);
        var token = token("A", 100, alice);
        var farm = farm(token, 100);

        var deposited = deposit(farm, alice, "40");

        assertThat(deposited.status()).as(deposited.body()).isEqualTo(200);
        assertThat(ledger.balance(EntityId.of(alice), token).locked()).isEqualTo(Amount.of(40));
        assertThat(ledger.balance(EntityId.of(alice), token).available()).isEqualTo(Amount.of(60));
        var listed = api.get("/api/farms/" + farm, Api.token(alice));
        assertThat(listed.text("rewardPerSecond")).isEqualTo("10");
        assertThat(listed.text("totalStaked")).isEqualTo("40");
        assertThat(listed.text("status")).isEqualTo("ACTIVE");
        // 10 a second, all of it to alice's 40: 10 × 31,536,000 / 40 × 100 %
        assertThat(listed.json().get("apr").decimalValue()).isEqualByComparingTo("788400000");

        after(7);
        var position = api.get("/api/farms/" + farm + "/positions/" + alice, Api.token(alice));
        assertThat(position.text("pending")).isEqualTo("70");
        assertThat(position.text("workingAmount")).isEqualTo("40");

        var harvested = harvest(farm, alice);

        assertThat(harvested.status()).as(harvested.body()).isEqualTo(200);
        assertThat(harvested.text("harvested")).isEqualTo("70");
        assertThat(harvested.text("pending")).isEqualTo("0");
        assertThat(reward(alice)).isEqualTo(Amount.of(70));
        var again = harvest(farm, alice);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("NOTHING_TO_HARVEST");

        after(3);
        var withdrawn = api.post("/api/farms/" + farm + "/withdraw", Api.token(alice), Api.json("amount", "40"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.text("pending")).isEqualTo("30"); // what accrued stays owed
        assertThat(ledger.balance(EntityId.of(alice), token).locked()).isEqualTo(Amount.ZERO);
        after(5); // nothing staked: nothing accrues
        assertThat(harvest(farm, alice).text("harvested")).isEqualTo("100");
        var tooMuch = api.post("/api/farms/" + farm + "/withdraw", Api.token(alice), Api.json("amount", "1"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_STAKE");
    }

    @Test
    void theTrustBoostWeighsPositionsAndAKickAppliesANewScore() {
        var high = who("high");
        var low = who("low");
        trust.record(EntityId.of(high), new BigDecimal("100"), ADMIN);
        trust.record(EntityId.of(low), new BigDecimal("50"), ADMIN);
        var token = token("B", 10, high, low);
        var farm = farm(token, 1);
        setRate("7");
        assertThat(deposit(farm, high, "10").text("workingAmount")).isEqualTo("25"); // 2.5×
        assertThat(deposit(farm, low, "10").json().get("boostBps").asInt()).isEqualTo(10_000);

        after(10); // 70 over working 25 + 10
        assertThat(harvest(farm, high).text("harvested")).isEqualTo("50");
        assertThat(harvest(farm, low).text("harvested")).isEqualTo("20");

        trust.record(EntityId.of(low), new BigDecimal("100"), ADMIN);
        var kicked = api.post("/api/farms/" + farm + "/positions/" + low + "/kick", Api.token(who("anyone")), null);
        assertThat(kicked.status()).as(kicked.body()).isEqualTo(200);
        assertThat(kicked.text("workingAmount")).isEqualTo("25");
        after(10); // 70 over working 25 + 25
        assertThat(harvest(farm, high).text("harvested")).isEqualTo("85");
        assertThat(harvest(farm, low).text("harvested")).isEqualTo("55");
    }

    @Test
    void weightAndRateChangesSettleEveryFarmFirst() {
        var x = who("x");
        var y = who("y");
        var farmX = farm(token("X", 5, x), 1);
        var farmY = farm(token("Y", 5, y), 1);
        setRate("12");
        deposit(farmX, x, "5");
        deposit(farmY, y, "5");

        after(10); // 120: 60 each
        var patch = api.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/farms/" + farmX))
                        .header("Content-Type", "application/json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"allocPoint\":3}")),
                admin,
                null);
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        after(10); // 120: 90 and 30
        setRate("4");
        after(10); // 40: 30 and 10

        assertThat(harvest(farmX, x).text("harvested")).isEqualTo("180");
        assertThat(harvest(farmY, y).text("harvested")).isEqualTo("100");
    }

    @Test
    void anEmergencyWithdrawalReturnsThePrincipalAndForfeitsWhatWasPending() {
        var e = who("e");
        var token = token("E", 8, e);
        var farm = farm(token, 1);
        deposit(farm, e, "8");
        after(4);

        var out = api.post("/api/farms/" + farm + "/emergency-withdraw", Api.token(e), null);

        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.text("amount")).isEqualTo("0");
        assertThat(out.text("pending")).isEqualTo("0");
        assertThat(ledger.balance(EntityId.of(e), token).available()).isEqualTo(Amount.of(8));
        assertThat(reward(e)).isEqualTo(Amount.ZERO);
        assertThat(harvest(farm, e).code()).isEqualTo("NOTHING_TO_HARVEST");
    }

    @Test
    void sixteenHarvestsAtOncePayEachItsShareOnce() throws Exception {
        var holders = new ArrayList<String>();
        for (int i = 0; i < 16; i++) {
            holders.add(who("h" + i));
        }
        var token = token("H", 1, holders.toArray(String[]::new));
        var farm = farm(token, 1);
        setRate("16");
        for (var h : holders) {
            trust.record(EntityId.of(h), new BigDecimal("50"), ADMIN);
            assertThat(deposit(farm, h, "1").status()).isEqualTo(200);
        }
        after(10); // 160: 10 each
        var pool = Executors.newFixedThreadPool(16);
        try {
            var tasks = new ArrayList<Callable<Api.Response>>();
            for (var h : holders) {
                tasks.add(() -> harvest(farm, h));
                tasks.add(() -> harvest(farm, h));
            }
            int paid = 0;
            for (var f : pool.invokeAll(tasks)) {
                var r = f.get();
                if (r.status() == 200) {
                    paid++;
                } else {
                    assertThat(r.code()).as(r.body()).isEqualTo("NOTHING_TO_HARVEST");
                }
            }
            assertThat(paid).isEqualTo(16);
        } finally {
            pool.shutdownNow();
        }
        for (var h : holders) {
            assertThat(reward(h)).as(h).isEqualTo(Amount.of(10));
        }
        var emitted = new BigDecimal(api.get("/api/farms/" + farm, admin).text("emitted"));
        assertThat(emitted).isEqualByComparingTo("160");
    }

    @Test
    void aHarvestTheBudgetCannotCoverIsRefusedWholeAndStaysPending() {
        var b = who("b");
        var farm = farm(token("BUDGET", 1, b), 1);
        deposit(farm, b, "1");
        setRate("100000000"); // 10^8 a second: a day is far beyond any epoch's budget
        after(24 * 3600);
        setRate("10");
        var pending =
                api.get("/api/farms/" + farm + "/positions/" + b, Api.token(b)).text("pending");
        long head = Invariants.ledgerHead(jdbc);

        var refused = harvest(farm, b);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EMISSION_BUDGET_EXCEEDED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        assertThat(reward(b)).isEqualTo(Amount.ZERO);
        assertThat(api.get("/api/farms/" + farm + "/positions/" + b, Api.token(b))
                        .text("pending"))
                .isEqualTo(pending);
        api.post("/api/farms/" + farm + "/emergency-withdraw", Api.token(b), null);
    }

    @Test
    void aPausedTokenRefusesTheFarmActionsThatMoveIt() {
        var p = who("p");
        var token = token("P", 10, p);
        var farm = farm(token, 1);
        deposit(farm, p, "5");
        after(2);
        var symbol = ledger.symbolOf(token);
        assertThat(api.post("/api/tokens/" + symbol + "/pause", admin, "{\"reason\":\"drill\"}")
                        .status())
                .isEqualTo(200);
        long head = Invariants.ledgerHead(jdbc);

        assertThat(deposit(farm, p, "1").code()).isEqualTo("TOKEN_PAUSED");
        assertThat(api.post("/api/farms/" + farm + "/withdraw", Api.token(p), Api.json("amount", "1"))
                        .code())
                .isEqualTo("TOKEN_PAUSED");
        assertThat(harvest(farm, p).status())
                .as("the reward token is not paused")
                .isEqualTo(200);
        assertThat(api.post("/api/tokens/" + symbol + "/unpause", admin, null).status())
                .isEqualTo(200);
        assertThat(api.post("/api/tokens/BTA-REWARD/pause", admin, "{\"reason\":\"drill\"}")
                        .status())
                .isEqualTo(200);
        after(2);
        assertThat(harvest(farm, p).code()).isEqualTo("TOKEN_PAUSED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head + 1); // the one harvest while the stake token was paused
    }

    @Test
    void aTokenBacksOneFarmAndBadInputIsRefused() {
        var token = token("D", 1, who("d"));
        var farm = farm(token, 5);

        var twice = api.post("/api/farms", admin, Api.json("stakeTokenId", token.toString(), "allocPoint", 1));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("FARM_EXISTS");
        assertThat(api.post("/api/farms", Api.token(who("d")), Api.json("stakeTokenId", "BTA-GOV", "allocPoint", 1))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/farms", admin, Api.json("stakeTokenId", "BTA-NOPE", "allocPoint", 1))
                        .refusedField("stakeTokenId"))
                .isNotBlank();
        assertThat(api.post("/api/farms", admin, Api.json("stakeTokenId", "BTA-GOV", "allocPoint", -1))
                        .refusedField("allocPoint"))
                .contains("0 to 1000000");
        assertThat(deposit(farm, who("d"), "0").refusedField("amount")).contains("greater than zero");
        assertThat(api.get("/api/farms/" + UUID.randomUUID(), admin).code()).isEqualTo("UNKNOWN_FARM");
        assertThat(api.get("/api/farms/" + farm + "/positions/" + who("d"), Api.token(who("other")))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/farms/" + farm + "/harvest", Api.token(who("nobody")), null)
                        .code())
                .isEqualTo("NO_POSITION");
    }

    @Test
    void aFarmPaysOnlyWithinItsWindow() {
        var w = who("w");
        var token = token("W", 2, w);
        var start = clock.instant().plusSeconds(100);
        var r = api.post(
                "/api/farms",
                admin,
                Api.json(
                        "stakeTokenId",
                        token.toString(),
                        "allocPoint",
                        1,
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusSeconds(50).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("status")).isEqualTo("SCHEDULED");
        var farm = r.text("id");
        deposit(farm, w, "2");
        after(130); // 30 seconds in
        assertThat(api.get("/api/farms/" + farm + "/positions/" + w, Api.token(w))
                        .text("pending"))
                .isEqualTo("300");
        after(100); // past the end: 50 seconds paid in all
        assertThat(harvest(farm, w).text("harvested")).isEqualTo("500");
        assertThat(deposit(farm, w, "1").code()).isEqualTo("FARM_ENDED");
    }

    @Test
    void governanceCreatesFarmsAndChangesTheirWeightAndTheRate() {
        var create = action("CREATE_FARM");
        var weight = action("SET_FARM_WEIGHT");
        var rate = action("SET_FARM_RATE");
        var execution = new ProposalActionType.Execution(new ProposalId(UUID.randomUUID()), ADMIN);
        var token = token("G", 1);

        create.execute(create.validate(Map.of("stakeTokenId", token.toString(), "allocPoint", "7")), execution);

        var farm = farms.farms().stream()
                .filter(f -> f.stakeTokenId().equals(token))
                .findFirst()
                .orElseThrow();
        assertThat(farm.allocPoint()).isEqualTo(7);
        weight.execute(weight.validate(Map.of("farmId", farm.id().toString(), "allocPoint", "9")), execution);
        assertThat(farms.farm(farm.id()).allocPoint()).isEqualTo(9);
        rate.execute(rate.validate(Map.of("rewardPerSecond", "2.5")), execution);
        assertThat(farms.rate()).isEqualTo(Amount.parse("2.5"));
        assertThatThrownBy(() -> weight.validate(Map.of("farmId", farm.id().toString(), "allocPoint", "-2")))
                .hasMessageStartingWith("allocPoint:");
        assertThatThrownBy(() -> create.validate(Map.of("stakeTokenId", token.toString())))
                .hasMessageStartingWith("allocPoint:");
    }

    private ProposalActionType action(String type) {
        return actions.stream().filter(a -> a.type().equals(type)).findFirst().orElseThrow();
    }
}
