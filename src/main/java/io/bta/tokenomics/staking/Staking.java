package io.bta.tokenomics.staking;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.scheduling.JobRuns;
import io.bta.tokenomics.staking.StakingEvents.Payout;
import io.bta.tokenomics.staking.StakingEvents.StakeClosed;
import io.bta.tokenomics.staking.StakingEvents.StakeOpened;
import io.bta.tokenomics.staking.StakingEvents.StakingRewardsPaid;
import io.bta.tokenomics.staking.internal.Accrual;
import io.bta.tokenomics.staking.internal.StakingStore;
import io.bta.tokenomics.staking.internal.StakingStore.PoolRow;
import io.bta.tokenomics.staking.internal.StakingStore.StakeRow;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staking facade: pools, stakes, exact accrual, distribution and unstaking.
 *
 * <p>Promises: a stake's principal is locked in the ledger in the same transaction that creates
 * it; rewards are {@code principal × apy/100 × seconds / 31,536,000} at the APY in force at each
 * moment, paid rounded down with the remainder carried; nothing is paid twice, whether
 * distribution is re-run, runs on two instances, or races an unstake (all of them lock the pool
 * row first).
 */
@Service
public class Staking {

    /** What a distribution paid; in JSON the sum paid by reward token symbol is {@code paid}. */
    public record Distribution(int pools, int stakesPaid, @JsonProperty("paid") Map<String, Amount> paidBySymbol) {}

    /** The actor recorded on the ledger for rewards paid by a distribution. */
    public static final EntityId DISTRIBUTOR = EntityId.of("system:staking");

    private final StakingStore store;
    private final Ledger ledger;
    private final Trust trust;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final StakingProperties properties;
    private final JobRuns jobRuns;

    Staking(
            StakingStore store,
            Ledger ledger,
            Trust trust,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            StakingProperties properties,
            JobRuns jobRuns) {
        this.store = store;
        this.ledger = ledger;
        this.trust = trust;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.jobRuns = jobRuns;
    }

    @Transactional
    public StakingPool createPool(PoolTerms terms) {
        var now = now();
        var row = new PoolRow(
                new PoolId(Ids.newId(clock)),
                terms.tokenId(),
                terms.rewardTokenId(),
                terms.name(),
                terms.apy(),
                terms.minStakeAmount(),
                terms.lockPeriod(),
                terms.minTrustScore(),
                terms.maxTotalStake(),
                terms.earlyUnstakePenalty(),
                PoolStatus.ACTIVE,
                Amount.ZERO,
                0,
                BigDecimal.ZERO,
                now,
                now);
        store.insertPool(row);
        return pool(row.id());
    }

    @Transactional(readOnly = true)
    public List<StakingPool> pools() {
        return store.pools().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public StakingPool pool(PoolId id) {
        return view(store.pool(id, false).orElseThrow(() -> StakingProblems.unknownPool(id.toString())));
    }

    /** The total value locked in staking: the principal staked in all pools, per staked token. */
    @Transactional(readOnly = true)
    public Map<TokenId, Amount> stakedByToken() {
        return store.stakedByToken();
    }

    /**
     * Changes a pool's APY, status or minimum trust score. Rewards up to now accrue at the old terms
     * (the index is settled first); the new ones apply from now on. No stake is rewritten. A null
     * leaves that term as it is.
     */
    @Transactional
    public StakingPool updatePool(PoolId id, Apy apy, PoolStatus status, MinTrustScore minTrustScore) {
        var pool = lockedPool(id);
        var now = now();
        var index = Accrual.indexAt(pool.rewardIndex(), pool.apy(), pool.status(), pool.indexUpdatedAt(), now);
        store.updatePool(
                id,
                index,
                now,
                apy == null ? pool.apy() : apy,
                status == null ? pool.status() : status,
                minTrustScore == null ? pool.minTrustScore() : minTrustScore);
        return pool(id);
    }

    /** Stakes {@code amount}: checks the pool's rules, then locks the tokens and opens the stake, atomically. */
    @Transactional
    public Stake stake(EntityId staker, PoolId poolId, Amount amount) {
        var pool = lockedPool(poolId);
        if (pool.status() != PoolStatus.ACTIVE) {
            throw StakingProblems.poolNotActive(pool.status().name());
        }
        if (amount.isLessThan(pool.minStakeAmount())) {
            throw StakingProblems.belowMinimumStake(
                    amount.toString(), pool.minStakeAmount().toString());
        }
        var score = trust.scoreOf(staker).score();
        if (!pool.minTrustScore().admits(score)) {
            throw StakingProblems.trustTooLow(
                    score.toPlainString(), pool.minTrustScore().toString());
        }
        if (pool.maxTotalStake() != null && pool.totalStaked().plus(amount).isGreaterThan(pool.maxTotalStake())) {
            throw StakingProblems.poolFull(
                    pool.totalStaked().toString(), pool.maxTotalStake().toString());
        }
        var now = now();
        var index = Accrual.indexAt(pool.rewardIndex(), pool.apy(), pool.status(), pool.indexUpdatedAt(), now);
        store.updatePool(poolId, index, now, pool.apy(), pool.status(), pool.minTrustScore());
        var id = new StakeId(Ids.newId(clock));
        ledger.lock(pool.tokenId(), staker, amount, "stake " + id, staker);
        boolean firstStake = !store.hasActiveStake(poolId, staker);
        store.insertStake(new StakeRow(
                id,
                poolId,
                staker,
                amount,
                score,
                now,
                pool.lockPeriod().unlocksAt(now),
                index,
                Amount.ZERO,
                Stake.StakeStatus.ACTIVE,
                null));
        store.adjustTotals(poolId, amount, firstStake ? 1 : 0);
        events.publishEvent(new StakeOpened(id, poolId, staker, amount, now));
        return stake(id);
    }

    @Transactional(readOnly = true)
    public Stake stake(StakeId id) {
        var row = store.stake(id, false).orElseThrow(() -> StakingProblems.unknownStake(id.toString()));
        var pool = store.pool(row.poolId(), false).orElseThrow();
        return view(row, pool, now());
    }

    /** An entity's stakes, newest first, each with its pending reward as of now. */
    @Transactional(readOnly = true)
    public List<Stake> stakesOf(EntityId staker) {
        var now = now();
        var pools = new HashMap<PoolId, PoolRow>();
        return store.stakesOf(staker).stream()
                .map(s -> view(
                        s,
                        pools.computeIfAbsent(
                                s.poolId(), id -> store.pool(id, false).orElseThrow()),
                        now))
                .toList();
    }

    /** A stake held long enough: its id, staker and when it was opened (see {@link #stakesHeld}). */
    public record StakeHeld(StakeId id, EntityId stakerId, Instant stakedAt) {}

    /**
     * Stakes opened at or before {@code upTo} and after the stake {@code (afterAt, afterId)} (both
     * null for the first page), in the order they were opened, that were held at least {@code
     * held}: still active, or unstaked no sooner than {@code held} after they were opened. A reader
     * that pages with an {@code upTo} at least {@code held} in the past sees each such stake once,
     * whenever it reads.
     */
    @Transactional(readOnly = true)
    public List<StakeHeld> stakesHeld(
            java.time.Duration held, Instant afterAt, StakeId afterId, Instant upTo, int limit) {
        return store.stakesHeld(held, afterAt, afterId, upTo, limit).stream()
                .map(s -> new StakeHeld(s.id(), s.stakerId(), s.stakedAt()))
                .toList();
    }

    /** calculateStakingRewards: the sum of an entity's pending rewards now, by reward token symbol. */
    @Transactional(readOnly = true)
    public Map<String, Amount> pendingRewardsOf(EntityId staker) {
        var totals = new java.util.TreeMap<String, Amount>();
        var pools = new HashMap<PoolId, PoolRow>();
        for (var stake : stakesOf(staker)) {
            var pool = pools.computeIfAbsent(
                    stake.poolId(), id -> store.pool(id, false).orElseThrow());
            totals.merge(ledger.symbolOf(pool.rewardTokenId()), stake.pendingRewards(), Amount::plus);
        }
        return totals;
    }

    /**
     * Closes a stake: after its lock period the principal is unlocked; before it, only if the pool
     * has an early-exit penalty, which goes to the treasury (rounded up: in the platform's favour).
     * Pending rewards are paid either way. Only the staker may unstake, once.
     */
    @Transactional
    public Unstaked unstake(StakeId stakeId, EntityId caller) {
        var first = store.stake(stakeId, false).orElseThrow(() -> StakingProblems.unknownStake(stakeId.toString()));
        var pool = lockedPool(first.poolId());
        var stake = store.stake(stakeId, true).orElseThrow();
        if (!stake.stakerId().equals(caller)) {
            throw Forbidden.of("NOT_STAKER", "only the staker may unstake this stake");
        }
        if (stake.status() != Stake.StakeStatus.ACTIVE) {
            throw StakingProblems.alreadyUnstaked();
        }
        var now = now();
        var penalty = Amount.ZERO;
        if (now.isBefore(stake.unlocksAt())) {
            if (pool.earlyUnstakePenalty() == null) {
                throw StakingProblems.stillLocked(stake.unlocksAt().toString());
            }
            penalty = pool.earlyUnstakePenalty().on(stake.amount());
        }
        var index = Accrual.indexAt(pool.rewardIndex(), pool.apy(), pool.status(), pool.indexUpdatedAt(), now);
        store.updatePool(pool.id(), index, now, pool.apy(), pool.status(), pool.minTrustScore());
        var reward = Accrual.pending(stake.amount(), stake.indexAtStake(), index, stake.rewardsPaid());

        var operations = new ArrayList<LedgerOperation>();
        operations.add(
                new LedgerOperation.Unlock(pool.tokenId(), caller, stake.amount(), "unstake " + stakeId, caller));
        if (penalty.isPositive()) {
            operations.add(new LedgerOperation.Transfer(
                    pool.tokenId(), caller, ledger.treasury(), penalty, "early unstake penalty " + stakeId, caller));
        }
        if (reward.isPositive()) {
            operations.add(new LedgerOperation.Mint(
                    pool.rewardTokenId(), caller, reward, "staking reward " + stakeId, caller));
        }
        var transactions = ledger.applyAllOrNothing(operations);
        store.close(stakeId, reward, now);
        boolean stillStaking = store.hasActiveStake(pool.id(), caller);
        store.adjustTotals(pool.id(), stake.amount().negate(), stillStaking ? 0 : -1);
        if (reward.isPositive()) {
            var mint = transactions.get(transactions.size() - 1);
            events.publishEvent(new StakingRewardsPaid(
                    pool.id(),
                    pool.rewardTokenId(),
                    List.of(new Payout(stakeId, caller, reward, stake.trustScoreAtStake(), mint.id())),
                    now));
        }
        var returned = stake.amount().minus(penalty);
        events.publishEvent(new StakeClosed(stakeId, pool.id(), caller, returned, penalty, now));
        return new Unstaked(stake(stakeId), reward, penalty, returned);
    }

    /**
     * distributeStakingRewards: pays every pending reward of one pool (or of all), to the stakers'
     * available balances, chunk by chunk, each chunk in its own transaction holding the pool's row.
     */
    public Distribution distribute(PoolId poolId) {
        var poolIds = poolId == null
                ? transactions.execute(
                        tx -> store.pools().stream().map(PoolRow::id).toList())
                : List.of(pool(poolId).id());
        int paid = 0;
        var totals = new java.util.TreeMap<String, Amount>();
        for (var id : poolIds) {
            var after = new StakeId(new UUID(0, 0));
            while (true) {
                var cursor = after;
                var chunk = transactions.execute(tx -> payChunk(id, cursor));
                paid += chunk.paid();
                if (chunk.paid() > 0) {
                    totals.merge(chunk.symbol(), chunk.total(), Amount::plus);
                }
                if (chunk.last() == null) {
                    break;
                }
                after = chunk.last();
            }
        }
        return new Distribution(poolIds.size(), paid, totals);
    }

    /** The {@code job_runs} name of the scheduled distribution. */
    public static final String DISTRIBUTION_JOB = "staking.distribution";

    /** Distributes if this call claims the latest due time of {@code cron}; null if another had. */
    public Distribution distributeIfDue(CronExpression cron) {
        return jobRuns.claimCron(DISTRIBUTION_JOB, cron) ? distribute(null) : null;
    }

    private record Chunk(int paid, Amount total, String symbol, StakeId last) {}

    private Chunk payChunk(PoolId poolId, StakeId after) {
        var pool = lockedPool(poolId);
        var now = now();
        var index = Accrual.indexAt(pool.rewardIndex(), pool.apy(), pool.status(), pool.indexUpdatedAt(), now);
        store.updatePool(poolId, index, now, pool.apy(), pool.status(), pool.minTrustScore());
        int size = properties.distributionChunkSize();
        var stakes = store.activeStakes(poolId, after, size);
        var due = new ArrayList<StakeRow>();
        var mints = new ArrayList<LedgerOperation>();
        var amounts = new ArrayList<Amount>();
        for (var s : stakes) {
            var pending = Accrual.pending(s.amount(), s.indexAtStake(), index, s.rewardsPaid());
            if (pending.isPositive()) {
                due.add(s);
                amounts.add(pending);
                mints.add(new LedgerOperation.Mint(
                        pool.rewardTokenId(), s.stakerId(), pending, "staking reward " + s.id(), DISTRIBUTOR));
            }
        }
        var symbol = ledger.symbolOf(pool.rewardTokenId());
        var last = stakes.size() < size ? null : stakes.get(stakes.size() - 1).id();
        if (mints.isEmpty()) {
            return new Chunk(0, Amount.ZERO, symbol, last);
        }
        var outcomes = ledger.applyEach(mints);
        var paidIds = new ArrayList<StakeId>();
        var paidAmounts = new ArrayList<Amount>();
        var payouts = new ArrayList<Payout>();
        var total = Amount.ZERO;
        for (int i = 0; i < outcomes.size(); i++) {
            // A refused mint (the reward token's emission budget) leaves that stake's reward pending.
            if (outcomes.get(i) instanceof OperationOutcome.Applied applied) {
                var s = due.get(i);
                paidIds.add(s.id());
                paidAmounts.add(amounts.get(i));
                total = total.plus(amounts.get(i));
                payouts.add(new Payout(
                        s.id(),
                        s.stakerId(),
                        amounts.get(i),
                        s.trustScoreAtStake(),
                        applied.transaction().id()));
            }
        }
        store.addPaid(paidIds, paidAmounts);
        if (!payouts.isEmpty()) {
            events.publishEvent(new StakingRewardsPaid(poolId, pool.rewardTokenId(), payouts, now));
        }
        return new Chunk(payouts.size(), total, symbol, last);
    }

    private PoolRow lockedPool(PoolId id) {
        return store.pool(id, true).orElseThrow(() -> StakingProblems.unknownPool(id.toString()));
    }

    private StakingPool view(PoolRow p) {
        return new StakingPool(
                p.id(),
                p.tokenId(),
                ledger.symbolOf(p.tokenId()),
                p.rewardTokenId(),
                ledger.symbolOf(p.rewardTokenId()),
                p.name(),
                p.apy(),
                p.minStakeAmount(),
                p.lockPeriod(),
                p.minTrustScore(),
                p.maxTotalStake(),
                p.earlyUnstakePenalty(),
                p.status(),
                p.totalStaked(),
                p.stakerCount(),
                p.createdAt());
    }

    private static Stake view(StakeRow s, PoolRow pool, Instant now) {
        var pending = s.status() == Stake.StakeStatus.ACTIVE
                ? Accrual.pending(
                        s.amount(),
                        s.indexAtStake(),
                        Accrual.indexAt(pool.rewardIndex(), pool.apy(), pool.status(), pool.indexUpdatedAt(), now),
                        s.rewardsPaid())
                : Amount.ZERO;
        return new Stake(
                s.id(),
                s.poolId(),
                s.stakerId(),
                s.amount(),
                s.trustScoreAtStake(),
                s.stakedAt(),
                s.unlocksAt(),
                s.status(),
                pending,
                s.rewardsPaid(),
                s.unstakedAt());
    }

    private Instant now() {
        return clock.instant();
    }
}
