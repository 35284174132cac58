package io.bta.tokenomics.auctions;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
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

@IntegrationTest
@RecordApplicationEvents
class AuctionsTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final String SERVICE = Api.token("auction-service", "SERVICE");

    @LocalServerPort
    int port;

    @Autowired
    Auctions auctions;

    @Autowired
    Ledger ledger;

    @Autowired
    Trust trust;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    TokenId util;
    String auction;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        util = ledger.resolve("BTA-UTIL");
        auction = "a-" + UUID.randomUUID();
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    String base() {
        return "/api/auctions/" + auction;
    }

    /** An entity with the given BTA-UTIL and trust score (null: the default score, 50). */
    EntityId bidder(String utilBalance, String score) {
        var entity = EntityId.of("bidder-" + UUID.randomUUID());
        if (utilBalance != null) {
            ledger.transfer(util, ledger.treasury(), entity, Amount.of(utilBalance), null, ADMIN);
        }
        if (score != null) {
            trust.record(entity, new BigDecimal(score), ADMIN);
        }
        return entity;
    }

    void register(String baseBond, String fee) {
        var r = api.put(base(), SERVICE, json("baseBond", baseBond, "participationFee", fee));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    Api.Response join(EntityId bidder) {
        return api.post(base() + "/participants", Api.token(bidder.value()), null);
    }

    Amount available(EntityId e) {
        return ledger.balance(e, util).available();
    }

    Amount locked(EntityId e) {
        return ledger.balance(e, util).locked();
    }

    Amount treasury() {
        return ledger.balance(ledger.treasury(), util).total();
    }

    @Test
    void theBondFallsLinearlyWithTrust() {
        register("1000", null);
        var zero = bidder(null, "0");
        var half = bidder(null, "50");
        var full = bidder(null, "100");
        var anyone = Api.token("someone");
        var q0 = api.get(base() + "/bond-quote?entityId=" + zero.value(), anyone);
        assertThat(q0.status()).as(q0.body()).isEqualTo(200);
        assertThat(q0.text("bond")).isEqualTo("1000");
        assertThat(q0.text("trustScore")).isEqualTo("0");
        assertThat(q0.text("auctionId")).isEqualTo(auction);
        assertThat(q0.text("entityId")).isEqualTo(zero.value());
        assertThat(api.get(base() + "/bond-quote?entityId=" + half.value(), anyone)
                        .text("bond"))
                .isEqualTo("750");
        assertThat(api.get(base() + "/bond-quote?entityId=" + full.value(), anyone)
                        .text("bond"))
                .isEqualTo("500");
        // never registered: the default base bond of 1000
        var other =
                api.get("/api/auctions/never-" + UUID.randomUUID() + "/bond-quote?entityId=" + full.value(), anyone);
        assertThat(other.text("bond")).isEqualTo("500");
    }

    @Test
    void theBondIsRoundedUpToTheSmallestUnit() {
        var half = new BigDecimal("50");
        assertThat(auctions.bondFor(Amount.of("0.000000000000000001"), half))
                .isEqualTo(Amount.of("0.000000000000000001"));
        assertThat(auctions.bondFor(Amount.of("0.000000000000000003"), half))
                .isEqualTo(Amount.of("0.000000000000000003"));
        assertThat(auctions.bondFor(Amount.of("1"), new BigDecimal("33.333333")))
                .isEqualTo(Amount.of("0.833333335"));
    }

    @Test
    void joiningLocksTheBondOnce() {
        register("100", null);
        var b = bidder("200", "100");
        var r = join(b);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("bond")).isEqualTo("50");
        assertThat(r.text("status")).isEqualTo("JOINED");
        assertThat(available(b)).isEqualTo(Amount.of(150));
        assertThat(locked(b)).isEqualTo(Amount.of(50));
        var again = join(b);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_JOINED");
        assertThat(locked(b)).isEqualTo(Amount.of(50));
        assertThat(api.get(base() + "/participants/" + b.value(), Api.token(b.value()))
                        .text("bond"))
                .isEqualTo("50");
        assertThat(api.get(base() + "/participants", SERVICE).json().size()).isEqualTo(1);
        var memo = jdbc.sql("select memo from ledger_transactions where type = 'LOCK' and from_entity_id = ?")
                .param(b.value())
                .query(String.class)
                .single();
        assertThat(memo).contains("auction " + auction);
    }

    @Test
    void aShortBalanceIsAClearConflictAndLocksNothing() {
        register("100", null);
        var b = bidder("99", "0");
        var r = join(b);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(available(b)).isEqualTo(Amount.of(99));
        assertThat(locked(b)).isEqualTo(Amount.ZERO);
        assertThat(api.get(base() + "/participants", SERVICE).json().size()).isZero();
    }

    @Test
    void anUnregisteredAuctionUsesTheDefaultBaseBond() {
        var b = bidder("2000", "0");
        assertThat(join(b).text("bond")).isEqualTo("1000");
        var view = api.get(base(), Api.token("someone"));
        assertThat(view.text("baseBond")).isEqualTo("1000");
        assertThat(view.json().get("registered").asBoolean()).isFalse();
        assertThat(view.json().get("participantCount").asInt()).isEqualTo(1);
    }

    @Test
    void settlementUnlocksLosersChargesTheWinnersFeeAndForfeitsDefaulters() {
        register("100", "10");
        var winner = bidder("1000", "0");
        var loser = bidder("1000", "50");
        var defaulter = bidder("1000", "100");
        for (var b : new EntityId[] {winner, loser, defaulter}) {
            assertThat(join(b).status()).isEqualTo(201);
        }
        var treasuryBefore = treasury();
        var r = api.post(
                base() + "/settle",
                SERVICE,
                "{\"winnerId\":\"" + winner.value() + "\",\"defaulted\":[\"" + defaulter.value() + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("SETTLED");
        assertThat(r.text("winnerId")).isEqualTo(winner.value());
        // winner: bond 100 unlocked, fee 10 to the treasury
        assertThat(available(winner)).isEqualTo(Amount.of(990));
        assertThat(locked(winner)).isEqualTo(Amount.ZERO);
        // loser: bond 75 unlocked whole
        assertThat(available(loser)).isEqualTo(Amount.of(1000));
        assertThat(locked(loser)).isEqualTo(Amount.ZERO);
        // defaulter: bond 50 forfeited
        assertThat(available(defaulter)).isEqualTo(Amount.of(950));
        assertThat(locked(defaulter)).isEqualTo(Amount.ZERO);
        assertThat(treasury()).isEqualTo(treasuryBefore.plus(Amount.of(60)));
        var w = api.get(base() + "/participants/" + winner.value(), SERVICE);
        assertThat(w.text("status")).isEqualTo("WON");
        assertThat(w.text("charged")).isEqualTo("10");
        assertThat(api.get(base() + "/participants/" + loser.value(), SERVICE).text("status"))
                .isEqualTo("LOST");
        var d = api.get(base() + "/participants/" + defaulter.value(), SERVICE);
        assertThat(d.text("status")).isEqualTo("FORFEITED");
        assertThat(d.text("charged")).isEqualTo("50");
    }

    @Test
    void withoutAFeeTheWinnersBondIsUnlockedWhole() {
        register("100", null);
        var winner = bidder("100", "0");
        var loser = bidder("100", "0");
        join(winner);
        join(loser);
        var treasuryBefore = treasury();
        var r = api.post(base() + "/settle", Api.adminToken(), json("winnerId", winner.value()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(available(winner)).isEqualTo(Amount.of(100));
        assertThat(available(loser)).isEqualTo(Amount.of(100));
        assertThat(treasury()).isEqualTo(treasuryBefore);
    }

    @Test
    void aFeeAboveATrustedWinnersBondTakesTheBondOnly() {
        register("100", "80");
        var winner = bidder("100", "100"); // bond 50 < fee 80
        join(winner);
        var treasuryBefore = treasury();
        api.post(base() + "/settle", SERVICE, json("winnerId", winner.value()));
        assertThat(available(winner)).isEqualTo(Amount.of(50));
        assertThat(locked(winner)).isEqualTo(Amount.ZERO);
        assertThat(treasury()).isEqualTo(treasuryBefore.plus(Amount.of(50)));
    }

    @Test
    void anAuctionIsSettledOnceAndTakesNoBiddersAfter() {
        register("10", null);
        var b = bidder("100", "0");
        join(b);
        assertThat(api.post(base() + "/settle", SERVICE, "{}").status()).isEqualTo(200);
        var again = api.post(base() + "/settle", SERVICE, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("AUCTION_SETTLED");
        assertThat(join(bidder("100", "0")).code()).isEqualTo("AUCTION_SETTLED");
        assertThat(api.put(base(), SERVICE, json("baseBond", "5")).code()).isEqualTo("AUCTION_SETTLED");
        assertThat(available(b)).isEqualTo(Amount.of(100));
    }

    @Test
    void aClosedAuctionTakesNoBidders() {
        var r = api.put(
                base(),
                SERVICE,
                json(
                        "baseBond",
                        "10",
                        "closesAt",
                        clock.instant().plus(Duration.ofHours(1)).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(join(bidder("100", "0")).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));
        var late = join(bidder("100", "0"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("AUCTION_CLOSED");
    }

    @Test
    void settlementNamesOnlyParticipants() {
        register("10", null);
        var b = bidder("100", "0");
        join(b);
        var stranger = api.post(base() + "/settle", SERVICE, json("winnerId", "stranger-" + UUID.randomUUID()));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.code()).isEqualTo("NOT_A_PARTICIPANT");
        var both = api.post(
                base() + "/settle",
                SERVICE,
                "{\"winnerId\":\"" + b.value() + "\",\"defaulted\":[\"" + b.value() + "\"]}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(api.post("/api/auctions/nope-" + UUID.randomUUID() + "/settle", SERVICE, "{}")
                        .code())
                .isEqualTo("UNKNOWN_AUCTION");
        assertThat(locked(b)).isEqualTo(Amount.of(10));
    }

    @Test
    void aPlainUserMayJoinItselfButNothingElse() {
        var b = bidder("2000", "0");
        var user = Api.token(b.value());
        var terms = api.put(base(), user, json("baseBond", "1"));
        assertThat(terms.status()).isEqualTo(403);
        assertThat(terms.code()).isEqualTo("SCOPE_REQUIRED");
        var other = bidder("2000", "0");
        assertThat(api.post(base() + "/participants", user, json("bidderId", other.value()))
                        .status())
                .isEqualTo(403);
        assertThat(join(b).status()).isEqualTo(201);
        assertThat(api.get(base() + "/participants", user).status()).isEqualTo(403);
        assertThat(api.get(base() + "/participants/" + other.value(), user).status())
                .isEqualTo(403);
        assertThat(api.post(base() + "/settle", user, "{}").status()).isEqualTo(403);
        // a service joins a bidder on its behalf
        var byService = api.post(base() + "/participants", SERVICE, json("bidderId", other.value()));
        assertThat(byService.status()).isEqualTo(201);
        assertThat(locked(other)).isEqualTo(Amount.of(1000));
    }

    @Test
    void aClosingTimeThatIsNotInTheFutureIsA400NamingIt() {
        for (var closesAt : List.of(clock.instant().minusSeconds(1), clock.instant())) {
            var r = api.put(base(), SERVICE, json("baseBond", "10", "closesAt", closesAt.toString()));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo("INVALID_INPUT");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("closesAt");
            assertThat(r.json().get("errors").get(0).get("message").asString()).contains("future");
        }
        assertThat(jdbc.sql("select count(*) from auctions where id = ?")
                        .param(auction)
                        .query(Long.class)
                        .single())
                .isZero();
        var open = api.put(
                base(),
                SERVICE,
                json(
                        "baseBond",
                        "10",
                        "closesAt",
                        clock.instant().plusSeconds(1).toString()));
        assertThat(open.status()).as(open.body()).isEqualTo(200);
    }

    @Test
    void badTermsAreRefused() {
        assertThat(api.put(base(), SERVICE, json("baseBond", "0")).status()).isEqualTo(400);
        assertThat(api.put(base(), SERVICE, json("baseBond", "abc", "closesAt", "soon"))
                        .body())
                .contains("baseBond", "closesAt");
        var fee = api.put(base(), SERVICE, json("baseBond", "10", "participationFee", "11"));
        assertThat(fee.status()).isEqualTo(422);
        assertThat(fee.code()).isEqualTo("FEE_ABOVE_BASE_BOND");
        assertThat(api.put("/api/auctions/bad%20id", SERVICE, json("baseBond", "10"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void joinAndSettlePublishTheirEvents(ApplicationEvents events) {
        var id = AuctionId.of(auction);
        auctions.register(id, Amount.of(10), Amount.of(1), null);
        var b = bidder("100", "0");
        auctions.join(id, b, b);
        auctions.settle(id, b, Set.of(), ADMIN);
        assertThat(events.stream(AuctionEvents.AuctionJoined.class))
                .singleElement()
                .satisfies(j -> {
                    assertThat(j.auctionId()).isEqualTo(id);
                    assertThat(j.bond()).isEqualTo(Amount.of(10));
                });
        assertThat(events.stream(AuctionEvents.AuctionSettled.class))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.winnerId()).isEqualTo(b);
                    assertThat(s.toTreasury()).isEqualTo(Amount.of(1));
                    assertThat(s.outcomes()).singleElement().satisfies(o -> assertThat(o.status())
                            .isEqualTo(ParticipationStatus.WON));
                });
    }

    @Test
    void twoConcurrentJoinsOfOneBidderLockOneBond() throws Exception {
        // not registered: both requests also race to create the auction's row
        var b = bidder("5000", "0");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<Api.Response>>();
            for (int i = 0; i < 2; i++) {
                Callable<Api.Response> call = () -> {
                    start.await();
                    return join(b);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            var codes = new ArrayList<String>();
            for (var f : futures) {
                var r = f.get();
                codes.add(r.status() == 201 ? "JOINED" : r.status() + " " + r.code());
            }
            assertThat(codes).containsExactlyInAnyOrder("JOINED", "409 ALREADY_JOINED");
        } finally {
            pool.shutdown();
        }
        assertThat(locked(b)).isEqualTo(Amount.of(1000));
        assertThat(available(b)).isEqualTo(Amount.of(4000));
    }

    @Test
    void twoConcurrentSettlementsSettleOnce() throws Exception {
        register("100", null);
        var winner = bidder("1000", "0");
        var defaulter = bidder("1000", "0");
        join(winner);
        join(defaulter);
        var treasuryBefore = treasury();
        var body = "{\"winnerId\":\"" + winner.value() + "\",\"defaulted\":[\"" + defaulter.value() + "\"]}";
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<Api.Response>>();
            for (int i = 0; i < 2; i++) {
                Callable<Api.Response> call = () -> {
                    start.await();
                    return api.post(base() + "/settle", SERVICE, body);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(treasury()).isEqualTo(treasuryBefore.plus(Amount.of(100)));
        assertThat(available(winner)).isEqualTo(Amount.of(1000));
        assertThat(available(defaulter)).isEqualTo(Amount.of(900));
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }
}
