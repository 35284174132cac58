package io.bta.tokenomics.staking;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.scheduling.JobRuns;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;

/** The scheduled distribution pays once per due time, however many schedulers fire for it. */
@IntegrationTest
class ScheduledDistributionTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final CronExpression HOURLY = CronExpression.parse("0 0 * * * *");

    @Autowired
    Staking staking;

    @Autowired
    Ledger ledger;

    @Autowired
    JobRuns jobRuns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    Stake openStake() {
        ledger.initializeTokens(ADMIN);
        var util = ledger.resolve("BTA-UTIL");
        var pool = staking.createPool(new PoolTerms(
                util,
                ledger.resolve("BTA-REWARD"),
                "scheduled " + UUID.randomUUID(),
                Apy.ofPercent(new BigDecimal("50")),
                Amount.of(10),
                new LockPeriod(0),
                MinTrustScore.of(BigDecimal.ZERO),
                null,
                null));
        var staker = EntityId.of("scheduled-" + UUID.randomUUID());
        ledger.transfer(util, ledger.treasury(), staker, Amount.of(1000), null, ADMIN);
        return staking.stake(staker, pool.id(), Amount.of(1000));
    }

    /** Moves the clock to a minute past the next full hour: a fresh due time of {@link #HOURLY}. */
    void intoTheNextHour() {
        var now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(61))));
    }

    @Test
    void aSecondFiringForTheSameDueTimePaysNothing() {
        var stake = openStake();
        intoTheNextHour();
        assertThat(staking.distributeIfDue(HOURLY)).isNotNull();
        var paid = staking.stake(stake.id()).rewardsPaid();
        assertThat(paid.isPositive()).isTrue();

        clock.advance(Duration.ofMinutes(10)); // still the same due time; rewards accrue meanwhile
        assertThat(staking.distributeIfDue(HOURLY))
                .as("the second firing of one due time")
                .isNull();
        assertThat(staking.stake(stake.id()).rewardsPaid()).isEqualTo(paid);
        assertThat(staking.stake(stake.id()).pendingRewards().isPositive()).isTrue();

        intoTheNextHour();
        assertThat(staking.distributeIfDue(HOURLY)).isNotNull();
        assertThat(staking.stake(stake.id()).rewardsPaid().compareTo(paid)).isPositive();
    }

    @Test
    void schedulersFiringTogetherDistributeOnce() throws Exception {
        openStake();
        intoTheNextHour();
        int schedulers = 4;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(schedulers);
        try {
            var runs = new ArrayList<java.util.concurrent.Future<Staking.Distribution>>();
            for (int i = 0; i < schedulers; i++) {
                Callable<Staking.Distribution> fire = () -> {
                    start.await();
                    return staking.distributeIfDue(HOURLY);
                };
                runs.add(pool.submit(fire));
            }
            start.countDown();
            int distributed = 0;
            for (var run : runs) {
                if (run.get() != null) {
                    distributed++;
                }
            }
            assertThat(distributed).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        var due = JobRuns.dueAt(HOURLY, clock.instant(), java.time.ZoneId.systemDefault());
        assertThat(jdbc.sql("select count(*) from job_runs where job = ? and due_at = ?")
                        .param(Staking.DISTRIBUTION_JOB)
                        .param(java.sql.Timestamp.from(due))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
