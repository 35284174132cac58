package io.bta.tokenomics.staking;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class StakingTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final long DAY = 86_400;

    @LocalServerPort
    int port;

    @Autowired
    Staking staking;

    @Autowired
    Ledger ledger;

    @Autowired
    Trust trust;

    @Autowired
    Governance governance;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    TokenId util;
    TokenId reward;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        util = ledger.resolve("BTA-UTIL");
        reward = ledger.resolve("BTA-REWARD");
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    EntityId staker(String util) {
        var entity = EntityId.of("staker-" + UUID.randomUUID());
        ledger.transfer(this.util, ledger.treasury(), entity, Amount.of(util), null, ADMIN);
        return entity;
    }

    StakingPool pool(String apy, int lockDays, String penalty) {
        return staking.createPool(new PoolTerms(
                util,
                reward,
                "pool " + UUID.randomUUID(),
                Apy.ofPercent(new BigDecimal(apy)),
                Amount.of(10),
                new LockPeriod(lockDays),
                MinTrustScore.of(BigDecimal.ZERO),
                null,
                penalty == null ? null : EarlyUnstakePenalty.of(penalty)));
    }

    /** P × Σ(apy × seconds) / 3,153,600,000, rounded down to 18 decimals: the contract. */
    static Amount formula(String principal, long... apyAndSeconds) {
        var sum = BigDecimal.ZERO;
        for (int i = 0; i < apyAndSeconds.length; i += 2) {
            sum = sum.add(BigDecimal.valueOf(apyAndSeconds[i]).multiply(BigDecimal.valueOf(apyAndSeconds[i + 1])));
        }
        return Amount.of(new BigDecimal(principal)
                .multiply(sum)
                .divide(BigDecimal.valueOf(3_153_600_000L), 18, RoundingMode.DOWN));
    }

    Amount rewardBalance(EntityId entity) {
        return ledger.balance(entity, reward).available();
    }

    // --- accrual ---

    @Test
    void earnedEqualsTheFormulaOverAKnownInterval() {
        var pool = pool("10", 0, null);
        var s = staker("1000");
        var stake = staking.stake(s, pool.id(), Amount.of(1000));
        clock.advance(Duration.ofSeconds(DAY));
        assertThat(staking.stake(stake.id()).pendingRewards()).isEqualTo(formula("1000", 10, DAY));
        assertThat(staking.stake(stake.id()).pendingRewards().toString()).isEqualTo("0.273972602739726027");
    }

    @Test
    void anApyChangeAppliesFromThatMomentWithoutRewritingStakes() {
        var pool = pool("10", 0, null);
        var s = staker("1000");
        var stake = staking.stake(s, pool.id(), Amount.of(1000));
        clock.advance(Duration.ofSeconds(DAY));
        staking.updatePool(pool.id(), Apy.ofPercent("20"), null, null);
        clock.advance(Duration.ofSeconds(DAY));
        assertThat(staking.stake(stake.id()).pendingRewards()).isEqualTo(formula("1000", 10, DAY, 20, DAY));
        var closed = staking.updatePool(pool.id(), null, PoolStatus.CLOSED, null);
        assertThat(closed.status()).isEqualTo(PoolStatus.CLOSED);
        clock.advance(Duration.ofSeconds(DAY));
        assertThat(staking.stake(stake.id()).pendingRewards())
                .as("a closed pool accrues no more")
                .isEqualTo(formula("1000", 10, DAY, 20, DAY));
    }

    @Test
    void manySmallPayoutsSumToTheExactTotalWithTheRemainderCarried() {
        var pool = pool("1", 0, null);
        var s = staker("10");
        var stake = staking.stake(s, pool.id(), Amount.of(10));
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(7));
            staking.distribute(pool.id());
        }
        // each payout alone rounds down 10 × 7 / 3,153,600,000; the remainders are not lost
        assertThat(rewardBalance(s)).isEqualTo(formula("10", 1, 280));
        assertThat(staking.stake(stake.id()).rewardsPaid()).isEqualTo(formula("10", 1, 280));
        assertThat(staking.stake(stake.id()).pendingRewards()).isEqualTo(Amount.ZERO);
    }

    // --- rules ---

    @Test
    void eachRefusalNamesItsRule() {
        var s = staker("1000");
        var pool = staking.createPool(new PoolTerms(
                util,
                reward,
                "strict",
                Apy.ofPercent(BigDecimal.TEN),
                Amount.of(100),
                new LockPeriod(30),
                MinTrustScore.of(new BigDecimal("60")),
                Amount.of(150),
                null));
        trust.record(s, new BigDecimal("59.999999"), ADMIN);
        assertThat(code(() -> staking.stake(s, pool.id(), Amount.of(100)))).isEqualTo("TRUST_SCORE_TOO_LOW");
        trust.record(s, new BigDecimal("60"), ADMIN);
        assertThat(code(() -> staking.stake(s, pool.id(), Amount.of("99.999")))).isEqualTo("BELOW_MIN_STAKE");
        var poor = staker("1");
        trust.record(poor, new BigDecimal("90"), ADMIN);
        assertThat(code(() -> staking.stake(poor, pool.id(), Amount.of(100)))).isEqualTo("INSUFFICIENT_BALANCE");
        var first = staking.stake(s, pool.id(), Amount.of(100));
        assertThat(first.trustScoreAtStake()).isEqualByComparingTo("60");
        assertThat(code(() -> staking.stake(s, pool.id(), Amount.of(100)))).isEqualTo("POOL_CAP_EXCEEDED");
        staking.updatePool(pool.id(), null, PoolStatus.PAUSED, null);
        assertThat(code(() -> staking.stake(s, pool.id(), Amount.of(10)))).isEqualTo("POOL_NOT_ACTIVE");
        var view = staking.pool(pool.id());
        assertThat(view.totalStaked()).isEqualTo(Amount.of(100));
        assertThat(view.stakerCount()).isEqualTo(1);
    }

    @Test
    void stakingLocksThePrincipalInTheLedger() {
        var pool = pool("5", 0, null);
        var s = staker("300");
        staking.stake(s, pool.id(), Amount.of(200));
        var b = ledger.balance(s, util);
        assertThat(b.available()).isEqualTo(Amount.of(100));
        assertThat(b.locked()).isEqualTo(Amount.of(200));
    }

    @Test
    void theLockPeriodIsHonouredWithoutAPenalty() {
        var pool = pool("10", 30, null);
        var s = staker("1000");
        var stake = staking.stake(s, pool.id(), Amount.of(1000));
        clock.advance(Duration.ofDays(29));
        assertThat(code(() -> staking.unstake(stake.id(), s))).isEqualTo("STAKE_LOCKED");
        clock.advance(Duration.ofDays(1));
        var out = staking.unstake(stake.id(), s);
        assertThat(out.penalty()).isEqualTo(Amount.ZERO);
        assertThat(out.principalReturned()).isEqualTo(Amount.of(1000));
        assertThat(out.rewardPaid()).isEqualTo(formula("1000", 10, 30 * DAY));
        assertThat(ledger.balance(s, util).available()).isEqualTo(Amount.of(1000));
        assertThat(ledger.balance(s, util).locked()).isEqualTo(Amount.ZERO);
        assertThat(rewardBalance(s)).isEqualTo(formula("1000", 10, 30 * DAY));
        // exit leaves nothing earned, and a stake is unstaked once
        assertThat(out.stake().pendingRewards()).isEqualTo(Amount.ZERO);
        assertThat(code(() -> staking.unstake(stake.id(), s))).isEqualTo("STAKE_CLOSED");
        clock.advance(Duration.ofDays(1));
        staking.distribute(pool.id());
        assertThat(rewardBalance(s)).isEqualTo(formula("1000", 10, 30 * DAY));
        assertThat(staking.pool(pool.id()).stakerCount()).isZero();
        assertThat(staking.pool(pool.id()).totalStaked()).isEqualTo(Amount.ZERO);
    }

    @Test
    void anEarlyExitPaysThePenaltyToTheTreasury() {
        var pool = pool("10", 30, "0.1");
        var s = staker("333.333333333333333333");
        var stake = staking.stake(s, pool.id(), Amount.of("333.333333333333333333"));
        var treasuryBefore = ledger.balance(ledger.treasury(), util).available();
        clock.advance(Duration.ofDays(3));
        var out = staking.unstake(stake.id(), s);
        // 10% of the principal, rounded up to the smallest unit: in the platform's favour
        assertThat(out.penalty()).isEqualTo(Amount.of("33.333333333333333334"));
        assertThat(out.principalReturned()).isEqualTo(Amount.of("299.999999999999999999"));
        assertThat(ledger.balance(s, util).available()).isEqualTo(Amount.of("299.999999999999999999"));
        assertThat(ledger.balance(ledger.treasury(), util).available()).isEqualTo(treasuryBefore.plus(out.penalty()));
        assertThat(out.rewardPaid()).isEqualTo(formula("333.333333333333333333", 10, 3 * DAY));
    }

    @Test
    void onlyTheStakerMayUnstake() {
        var pool = pool("10", 0, null);
        var s = staker("100");
        var stake = staking.stake(s, pool.id(), Amount.of(100));
        var r = api.post("/api/staking/unstake/" + stake.id(), Api.token("intruder"), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(staking.stake(stake.id()).status()).isEqualTo(Stake.StakeStatus.ACTIVE);
    }

    // --- distribution ---

    @Test
    void distributingTwicePaysOnce() {
        var pool = pool("12.5", 0, null);
        var a = staker("1000");
        var b = staker("500");
        staking.stake(a, pool.id(), Amount.of(1000));
        staking.stake(b, pool.id(), Amount.of(500));
        clock.advance(Duration.ofSeconds(10 * DAY));
        var first = staking.distribute(pool.id());
        var second = staking.distribute(pool.id());
        assertThat(first.stakesPaid()).isEqualTo(2);
        assertThat(second.stakesPaid()).isZero();
        assertThat(rewardBalance(a)).isEqualTo(exact("1000", "12.5", 10 * DAY));
        assertThat(rewardBalance(b)).isEqualTo(exact("500", "12.5", 10 * DAY));
    }

    @Test
    void everyPayoutBecomesAStakingRewardRecord() throws Exception {
        var pool = pool("20", 0, null);
        var s = staker("100");
        var stake = staking.stake(s, pool.id(), Amount.of(100));
        clock.advance(Duration.ofSeconds(DAY));
        staking.distribute(pool.id());
        clock.advance(Duration.ofSeconds(DAY));
        staking.unstake(stake.id(), s);
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long records = 0;
        while (System.nanoTime() < deadline) { // the records are written by an event listener after commit
            records = jdbc.sql(
                            "select count(*) from rewards where recipient_id = ? and type = 'STAKING' and status = 'CLAIMED'")
                    .param(s.value())
                    .query(Long.class)
                    .single();
            if (records == 2) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(records).isEqualTo(2);
        var sum = jdbc.sql("select sum(amount) from rewards where recipient_id = ? and type = 'STAKING'")
                .param(s.value())
                .query(BigDecimal.class)
                .single();
        assertThat(Amount.of(sum)).isEqualTo(rewardBalance(s));
        assertThat(rewardBalance(s)).isEqualTo(exact("100", "20", 2 * DAY));
    }

    static Amount exact(String principal, String apy, long seconds) {
        return Amount.of(new BigDecimal(principal)
                .multiply(new BigDecimal(apy))
                .multiply(BigDecimal.valueOf(seconds))
                .divide(BigDecimal.valueOf(3_153_600_000L), 18, RoundingMode.DOWN));
    }

    @Test
    void distributionRacingWithUnstakePaysOnce() throws Exception {
        var pool = pool("50", 0, null);
        var stakers = new ArrayList<EntityId>();
        var stakes = new ArrayList<Stake>();
        for (int i = 0; i < 20; i++) {
            var s = staker("100");
            stakers.add(s);
            stakes.add(staking.stake(s, pool.id(), Amount.of(100)));
        }
        clock.advance(Duration.ofSeconds(DAY));
        var start = new CountDownLatch(1);
        var pool2 = Executors.newFixedThreadPool(4);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        futures.add(pool2.submit(() -> {
            start.await();
            return staking.distribute(pool.id());
        }));
        futures.add(pool2.submit(() -> {
            start.await();
            return staking.distribute(pool.id());
        }));
        for (int i = 0; i < 10; i++) {
            var stake = stakes.get(i);
            var s = stakers.get(i);
            futures.add(pool2.submit(() -> {
                start.await();
                return staking.unstake(stake.id(), s);
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool2.shutdown();
        for (var s : stakers) {
            assertThat(rewardBalance(s)).as("paid exactly once to " + s).isEqualTo(exact("100", "50", DAY));
        }
    }

    @Test
    void aLargePoolIsDistributedCorrectly() {
        int n = 20_000;
        var pool = pool("8", 0, null);
        var prefix = "bulk-" + UUID.randomUUID() + "-";
        var principal = Amount.of(25);
        // Fixture: fund and lock in large ledger batches, then open the stakes set-based (the facade
        // would do the same, one stake per transaction, which would only make the test slow).
        for (int from = 0; from < n; from += 1000) {
            var ops = new ArrayList<LedgerOperation>();
            for (int i = from; i < from + 1000; i++) {
                var e = EntityId.of(prefix + i);
                ops.add(new LedgerOperation.Transfer(util, ledger.treasury(), e, principal, null, ADMIN));
                ops.add(new LedgerOperation.Lock(util, e, principal, null, ADMIN));
            }
            ledger.applyAllOrNothing(ops);
        }
        var index = jdbc.sql("select reward_index from staking_pools where id = ?")
                .param(pool.id().value())
                .query(BigDecimal.class)
                .single();
        jdbc.sql(
                        """
                insert into staking_stakes (id, pool_id, staker_id, amount, trust_score_at_stake, staked_at, unlocks_at,
                    index_at_stake, status)
                select gen_random_uuid(), ?, ? || g, 25, 50, ?, ?, ?, 'ACTIVE' from generate_series(0, ? - 1) g
                """)
                .param(pool.id().value())
                .param(prefix)
                .param(java.sql.Timestamp.from(clock.instant()))
                .param(java.sql.Timestamp.from(clock.instant()))
                .param(index)
                .param(n)
                .update();
        jdbc.sql("update staking_pools set total_staked = ?, staker_count = ?, index_updated_at = ? where id = ?")
                .param(principal.toBigDecimal().multiply(BigDecimal.valueOf(n)))
                .param(n)
                .param(java.sql.Timestamp.from(clock.instant()))
                .param(pool.id().value())
                .update();

        clock.advance(Duration.ofSeconds(DAY));
        var d = staking.distribute(pool.id());
        assertThat(d.stakesPaid()).isEqualTo(n);
        var expected = exact("25", "8", DAY);
        assertThat(d.paidBySymbol().get("BTA-REWARD"))
                .isEqualTo(Amount.of(expected.toBigDecimal().multiply(BigDecimal.valueOf(n))));
        var wrong = jdbc.sql(
                        """
                select count(*) from ledger_balances b join ledger_tokens t on t.id = b.token_id
                where t.symbol = 'BTA-REWARD' and b.entity_id like ? and b.available <> ?
                """)
                .param(prefix + "%")
                .param(expected.toBigDecimal())
                .query(Long.class)
                .single();
        assertThat(wrong).isZero();
        assertThat(staking.distribute(pool.id()).stakesPaid()).isZero();
    }

    // --- governance ---

    @Test
    void anExecutedProposalChangesAPoolsApy() {
        var pool = pool("10", 0, null);
        var proposer = EntityId.of("gov-" + UUID.randomUUID());
        ledger.transfer(ledger.resolve("BTA-GOV"), ledger.treasury(), proposer, Amount.of(300000), null, ADMIN);
        trust.record(proposer, BigDecimal.valueOf(100), ADMIN);
        var p = governance.propose(
                proposer,
                "Raise the APY",
                "",
                List.of(new ProposalAction(
                        "SET_POOL_APY", Map.of("poolId", pool.id().toString(), "apy", "15.5"))));
        clock.set(p.votingStartsAt());
        governance.castVote(p.id(), proposer, Support.FOR, null);
        clock.set(p.executableAt());
        governance.execute(p.id(), ADMIN);
        assertThat(staking.pool(pool.id()).apy()).isEqualTo(Apy.ofPercent("15.5"));
        var bad = assertThatThrownBy(() -> governance.propose(
                proposer,
                "Bad",
                "",
                List.of(new ProposalAction(
                        "SET_POOL_APY", Map.of("poolId", pool.id().toString(), "apy", "-1")))));
        bad.isInstanceOf(DomainProblem.class).hasMessageContaining("apy");
    }

    // --- API ---

    @Test
    void theApiCreatesPoolsStakesListsAndUnstakes() {
        var admin = Api.adminToken();
        var created = api.post(
                "/api/staking/pools",
                admin,
                """
                {"tokenId":"BTA-UTIL","name":"BTA-UTIL Staking Pool","apy":12.5,"minStakeAmount":1000,"lockPeriod":0}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("rewardSymbol")).isEqualTo("BTA-REWARD");
        assertThat(created.text("apy")).isEqualTo("12.5");
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        var poolId = created.text("id");
        assertThat(api.post("/api/staking/pools", Api.token("someone"), "{}").status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/staking/pools",
                                admin,
                                "{\"tokenId\":\"BTA-UTIL\",\"name\":\"x\",\"apy\":-1,"
                                        + "\"minStakeAmount\":\"1\",\"lockPeriod\":0}")
                        .status())
                .isEqualTo(400);

        var s = staker("5000");
        var token = Api.token(s.value());
        var stake = api.post("/api/staking/stake", token, json("poolId", poolId, "amount", "2000"));
        assertThat(stake.status()).as(stake.body()).isEqualTo(201);
        assertThat(stake.text("trustScoreAtStake")).isEqualTo("50");
        clock.advance(Duration.ofSeconds(DAY));
        var mine = api.get("/api/staking/stakes", token);
        assertThat(mine.json().get(0).get("pendingRewards").asString())
                .isEqualTo(exact("2000", "12.5", DAY).toString());
        assertThat(api.get("/api/staking/stakes/" + s.value(), Api.token("other"))
                        .status())
                .isEqualTo(403);
        var pending = api.get("/api/staking/stakes/" + s.value() + "/rewards", admin);
        assertThat(pending.json().get("pendingRewards").get("BTA-REWARD").asString())
                .isEqualTo(exact("2000", "12.5", DAY).toString());
        var pools = api.get("/api/staking/pools", token);
        assertThat(pools.body()).contains(poolId);

        var patched = api.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/staking/pools/" + poolId))
                        .header("Content-Type", "application/json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"PAUSED\"}")),
                admin,
                null);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.text("status")).isEqualTo("PAUSED");

        var distributed = api.post("/api/staking/distribute", admin, json("poolId", poolId));
        assertThat(distributed.status()).isEqualTo(200);
        assertThat(distributed.json().get("stakesPaid").asInt()).isEqualTo(1);

        var out = api.post("/api/staking/unstake/" + stake.text("id"), token, null);
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.text("status")).isEqualTo("UNSTAKED");
        assertThat(out.text("id")).isEqualTo(stake.text("id"));
        assertThat(out.text("stakerId")).isEqualTo(s.value());
        assertThat(out.json().has("stake")).as("the stake's fields are flat").isFalse();
        assertThat(out.text("principalReturned")).isEqualTo("2000");
        assertThat(out.text("penalty")).isEqualTo("0");
        assertThat(out.text("rewardPaid")).isEqualTo("0");
        assertThat(api.post("/api/staking/unstake/" + UUID.randomUUID(), token, null)
                        .status())
                .isEqualTo(404);
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (DomainProblem e) {
            return e.code();
        }
        return "no refusal";
    }
}
