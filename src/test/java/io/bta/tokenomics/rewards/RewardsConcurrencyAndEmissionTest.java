package io.bta.tokenomics.rewards;

import static io.bta.tokenomics.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

@IntegrationTest
class RewardsConcurrencyAndEmissionTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final int THREADS = 8;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Rewards rewards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    EntityId alice;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        alice = EntityId.of("alice-" + UUID.randomUUID());
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
        RewardInvariants.assertHold(jdbc);
    }

    /** Runs the task on THREADS threads released at the same moment; returns each result. */
    <T> List<T> concurrently(Callable<T> task) throws Exception {
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentDuplicatesCreateOneRewardAndReserveOnce() throws Exception {
        var reservedBefore = rewards.emission().reserved();
        var grants = concurrently(() -> rewards.rewardLearning(alice, "course-race", null));

        assertThat(grants.stream().map(g -> g.reward().id()).distinct()).hasSize(1);
        assertThat(grants.stream().filter(RewardGrant::created)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from rewards where recipient_id = ?")
                        .param(alice.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(rewards.emission().reserved()).isEqualTo(reservedBefore.plus(Amount.of(10)));
    }

    @Test
    void concurrentReferralsOfOneRefereeByManyReferrersPayOnce() throws Exception {
        var referee = EntityId.of("referee-" + UUID.randomUUID());
        var outcomes = concurrently(() -> {
            try {
                return rewards.rewardReferral(EntityId.of("referrer-" + UUID.randomUUID()), referee)
                                .created()
                        ? "created"
                        : "existing";
            } catch (RewardProblems.AlreadyReferred e) {
                return "refused";
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                return "refused";
            }
        });
        assertThat(outcomes).containsOnlyOnce("created").doesNotContain("existing");
        assertThat(jdbc.sql("select count(*) from rewards where type = 'REFERRAL' and source_ref = ?")
                        .param(referee.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentClaimsMintExactlyOnce() throws Exception {
        var reward = rewards.rewardLearning(alice, "course-claim-race", null).reward();
        var aliceToken = token(alice.value());
        var statuses = concurrently(() -> api.post("/api/rewards/" + reward.id() + "/claim", aliceToken, null)
                .status());

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(THREADS - 1);
        assertThat(ledger.balance(alice, ledger.resolve("BTA-REWARD")).available())
                .isEqualTo(Amount.of(10));
        assertThat(jdbc.sql("select count(*) from ledger_transactions where to_entity_id = ? and type = 'MINT'")
                        .param(alice.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(rewards.reward(reward.id()).status()).isEqualTo(RewardStatus.CLAIMED);
    }

    /**
     * Fills the current epoch to the last unit, then crosses its end: the next epoch opens with a
     * budget of max(rate × supply then, bootstrap), and nothing of the previous one carries over.
     */
    @Test
    void theBudgetRefusesTheExcessAndRollsOverAtTheEpochBoundary() {
        var before = rewards.emission();
        var remaining = before.remaining();
        var oneUnitTooMuch = Amount.ofUnits(remaining.units().add(BigInteger.ONE));

        assertThatThrownBy(() -> rewards.distributeReward(alice, RewardType.MANUAL, "too-much", oneUnitTooMuch, null))
                .isInstanceOf(RewardProblems.EmissionBudgetExceeded.class)
                .hasMessageContaining(before.budget().toString());
        assertThat(rewards.emission().reserved()).isEqualTo(before.reserved());

        var all = rewards.distributeReward(alice, RewardType.MANUAL, "all-of-it", remaining, "fills the epoch");
        assertThat(all.created()).isTrue();
        var full = rewards.emission();
        assertThat(full.remaining()).isEqualTo(Amount.ZERO);
        assertThat(full.epoch()).isEqualTo(before.epoch());

        var learningRefused = api.post(
                "/api/rewards/triggers/learning",
                Api.adminToken(),
                Api.json("entityId", alice.value(), "courseId", "late"));
        assertThat(learningRefused.status()).isEqualTo(422);
        assertThat(learningRefused.code()).isEqualTo("EMISSION_BUDGET_EXCEEDED");
        assertThat(learningRefused.text("detail")).contains(full.budget().toString());
        assertThatThrownBy(() -> ledger.mint(ledger.resolve("BTA-REWARD"), alice, Amount.of(1), null, ADMIN))
                .isInstanceOf(RewardProblems.EmissionBudgetExceeded.class);

        // A reward of the full epoch may still be claimed: its reservation pays for it.
        var claimed = rewards.claimReward(all.reward().id(), alice);
        assertThat(claimed.status()).isEqualTo(RewardStatus.CLAIMED);
        assertThat(rewards.emission().minted()).isEqualTo(full.minted().plus(remaining));

        clock.advance(Duration.between(clock.instant(), full.endsAt()).plusSeconds(1));
        var supply = ledger.token("BTA-REWARD").totalSupply();
        var next = rewards.emission();
        assertThat(next.epoch()).isEqualTo(full.epoch() + 1);
        assertThat(next.startsAt()).isEqualTo(full.endsAt());
        assertThat(next.supplyAtStart()).isEqualTo(supply);
        var byRate = supply.timesRoundedDown(next.inflationRate());
        assertThat(next.budget())
                .isEqualTo(byRate.isGreaterThan(Amount.of(50_000_000)) ? byRate : Amount.of(50_000_000));
        assertThat(next.minted()).isEqualTo(Amount.ZERO);
        assertThat(next.reserved()).isEqualTo(Amount.ZERO);

        var fresh = rewards.rewardLearning(alice, "after-rollover", null);
        assertThat(fresh.created()).isTrue();
        assertThat(rewards.emission().reserved()).isEqualTo(Amount.of(10));
    }
}
