package io.bta.tokenomics.staking.internal;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.EarlyUnstakePenalty;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.PoolStatus;
import io.bta.tokenomics.staking.Stake;
import io.bta.tokenomics.staking.StakeId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pools and stakes, as rows. */
@Repository
public class StakingStore {

    /** A pool row with its index state. */
    public record PoolRow(
            PoolId id,
            TokenId tokenId,
            TokenId rewardTokenId,
            String name,
            Apy apy,
            Amount minStakeAmount,
            LockPeriod lockPeriod,
            MinTrustScore minTrustScore,
            Amount maxTotalStake,
            EarlyUnstakePenalty earlyUnstakePenalty,
            PoolStatus status,
            Amount totalStaked,
            int stakerCount,
            BigDecimal rewardIndex,
            Instant indexUpdatedAt,
            Instant createdAt) {}

    /** A stake row with what accrual needs. */
    public record StakeRow(
            StakeId id,
            PoolId poolId,
            EntityId stakerId,
            Amount amount,
            BigDecimal trustScoreAtStake,
            Instant stakedAt,
            Instant unlocksAt,
            BigDecimal indexAtStake,
            Amount rewardsPaid,
            Stake.StakeStatus status,
            Instant unstakedAt) {}

    private final JdbcClient jdbc;

    StakingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertPool(PoolRow p) {
        jdbc.sql(
                        """
                        insert into staking_pools (id, token_id, reward_token_id, name, apy, min_stake_amount,
                            lock_period_days, min_trust_score, max_total_stake, early_unstake_penalty, status,
                            reward_index, index_updated_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                        """)
                .param(p.id().value())
                .param(p.tokenId().value())
                .param(p.rewardTokenId().value())
                .param(p.name())
                .param(p.apy().percent())
                .param(p.minStakeAmount().toBigDecimal())
                .param(p.lockPeriod().days())
                .param(p.minTrustScore().score())
                .param(new SqlParameterValue(
                        Types.NUMERIC,
                        p.maxTotalStake() == null ? null : p.maxTotalStake().toBigDecimal()))
                .param(new SqlParameterValue(
                        Types.NUMERIC,
                        p.earlyUnstakePenalty() == null
                                ? null
                                : p.earlyUnstakePenalty().fraction()))
                .param(p.status().name())
                .param(Timestamp.from(p.indexUpdatedAt()))
                .param(Timestamp.from(p.createdAt()))
                .update();
    }

    public Optional<PoolRow> pool(PoolId id, boolean lock) {
        return jdbc.sql("select * from staking_pools where id = ?" + (lock ? " for update" : ""))
                .param(id.value())
                .query(StakingStore::poolRow)
                .optional();
    }

    public List<PoolRow> pools() {
        return jdbc.sql("select * from staking_pools order by created_at, id")
                .query(StakingStore::poolRow)
                .list();
    }

    /** The principal staked in all pools, per staked token (pools with nothing staked count as zero). */
    public Map<TokenId, Amount> stakedByToken() {
        var totals = new LinkedHashMap<TokenId, Amount>();
        jdbc.sql("select token_id, sum(total_staked) from staking_pools group by token_id order by token_id")
                .query((rs, n) -> totals.put(new TokenId(rs.getObject(1, UUID.class)), Amount.of(rs.getBigDecimal(2))))
                .list();
        return totals;
    }

    /** Settles the index at {@code now} (with the APY and status in force until now) and sets the new terms. */
    public void updatePool(
            PoolId id, BigDecimal index, Instant now, Apy apy, PoolStatus status, MinTrustScore minTrustScore) {
        jdbc.sql(
                        """
                        update staking_pools set reward_index = ?, index_updated_at = ?, apy = ?, status = ?,
                            min_trust_score = ? where id = ?
                        """)
                .param(index)
                .param(Timestamp.from(now))
                .param(apy.percent())
                .param(status.name())
                .param(minTrustScore.score())
                .param(id.value())
                .update();
    }

    public void adjustTotals(PoolId poolId, Amount stakedDelta, int stakerDelta) {
        jdbc.sql(
                        "update staking_pools set total_staked = total_staked + ?, staker_count = staker_count + ? where id = ?")
                .param(stakedDelta.toBigDecimal())
                .param(stakerDelta)
                .param(poolId.value())
                .update();
    }

    public boolean hasActiveStake(PoolId poolId, EntityId staker) {
        return jdbc.sql(
                        "select exists (select 1 from staking_stakes where pool_id = ? and staker_id = ? and status = 'ACTIVE')")
                .param(poolId.value())
                .param(staker.value())
                .query(Boolean.class)
                .single();
    }

    public void insertStake(StakeRow s) {
        jdbc.sql(
                        """
                        insert into staking_stakes (id, pool_id, staker_id, amount, trust_score_at_stake, staked_at,
                            unlocks_at, index_at_stake, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')
                        """)
                .param(s.id().value())
                .param(s.poolId().value())
                .param(s.stakerId().value())
                .param(s.amount().toBigDecimal())
                .param(s.trustScoreAtStake())
                .param(Timestamp.from(s.stakedAt()))
                .param(Timestamp.from(s.unlocksAt()))
                .param(s.indexAtStake())
                .update();
    }

    public Optional<StakeRow> stake(StakeId id, boolean lock) {
        return jdbc.sql("select * from staking_stakes where id = ?" + (lock ? " for update" : ""))
                .param(id.value())
                .query(StakingStore::stakeRow)
                .optional();
    }

    public List<StakeRow> stakesOf(EntityId staker) {
        return jdbc.sql("select * from staking_stakes where staker_id = ? order by staked_at desc, id")
                .param(staker.value())
                .query(StakingStore::stakeRow)
                .list();
    }

    /** Active stakes of a pool after {@code afterId}, in id order: one chunk of a distribution. */
    public List<StakeRow> activeStakes(PoolId poolId, StakeId afterId, int limit) {
        return jdbc.sql(
                        """
                        select * from staking_stakes where pool_id = ? and status = 'ACTIVE' and id > ?
                        order by id limit ?
                        """)
                .param(poolId.value())
                .param(afterId.value())
                .param(limit)
                .query(StakingStore::stakeRow)
                .list();
    }

    /**
     * Stakes opened after {@code (afterAt, afterId)} (in {@code (staked_at, id)} order, null for the
     * start) and at or before {@code upTo} that were held at least {@code held}: still active, or
     * unstaked no sooner than {@code held} after they were opened.
     */
    public List<StakeRow> stakesHeld(
            java.time.Duration held, Instant afterAt, StakeId afterId, Instant upTo, int limit) {
        return jdbc.sql(
                        """
                        select * from staking_stakes
                        where staked_at <= ?
                          and (?::timestamptz is null or (staked_at, id) > (?::timestamptz, ?::uuid))
                          and (unstaked_at is null or unstaked_at >= staked_at + make_interval(secs => ?))
                        order by staked_at, id limit ?
                        """)
                .param(java.sql.Timestamp.from(upTo))
                .param(afterAt == null ? null : java.sql.Timestamp.from(afterAt))
                .param(afterAt == null ? null : java.sql.Timestamp.from(afterAt))
                .param(afterId == null ? null : afterId.value())
                .param(held.toSeconds())
                .param(limit)
                .query(StakingStore::stakeRow)
                .list();
    }

    /** Adds each payout to its stake's paid rewards, set-based. */
    public void addPaid(List<StakeId> stakeIds, List<Amount> amounts) {
        if (stakeIds.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update staking_stakes s set rewards_paid = s.rewards_paid + v.amount::numeric
                        from unnest(?::text[], ?::text[]) as v(id, amount) where s.id = v.id::uuid
                        """)
                .param(stakeIds.stream().map(StakeId::toString).toArray(String[]::new))
                .param(amounts.stream().map(Amount::toString).toArray(String[]::new))
                .update();
    }

    public void close(StakeId stakeId, Amount rewardPaid, Instant at) {
        jdbc.sql(
                        """
                        update staking_stakes set status = 'UNSTAKED', unstaked_at = ?, rewards_paid = rewards_paid + ?
                        where id = ? and status = 'ACTIVE'
                        """)
                .param(Timestamp.from(at))
                .param(rewardPaid.toBigDecimal())
                .param(stakeId.value())
                .update();
    }

    private static PoolRow poolRow(ResultSet rs, int n) throws SQLException {
        var max = rs.getBigDecimal("max_total_stake");
        var penalty = rs.getBigDecimal("early_unstake_penalty");
        return new PoolRow(
                new PoolId(rs.getObject("id", UUID.class)),
                new TokenId(rs.getObject("token_id", UUID.class)),
                new TokenId(rs.getObject("reward_token_id", UUID.class)),
                rs.getString("name"),
                Apy.ofPercent(rs.getBigDecimal("apy")),
                Amount.of(rs.getBigDecimal("min_stake_amount")),
                new LockPeriod(rs.getInt("lock_period_days")),
                MinTrustScore.of(rs.getBigDecimal("min_trust_score")),
                max == null ? null : Amount.of(max),
                penalty == null ? null : EarlyUnstakePenalty.of(penalty),
                PoolStatus.valueOf(rs.getString("status")),
                Amount.of(rs.getBigDecimal("total_staked")),
                rs.getInt("staker_count"),
                rs.getBigDecimal("reward_index"),
                rs.getTimestamp("index_updated_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static StakeRow stakeRow(ResultSet rs, int n) throws SQLException {
        var unstaked = rs.getTimestamp("unstaked_at");
        return new StakeRow(
                new StakeId(rs.getObject("id", UUID.class)),
                new PoolId(rs.getObject("pool_id", UUID.class)),
                EntityId.of(rs.getString("staker_id")),
                Amount.of(rs.getBigDecimal("amount")),
                Decimals.plain(rs.getBigDecimal("trust_score_at_stake")),
                rs.getTimestamp("staked_at").toInstant(),
                rs.getTimestamp("unlocks_at").toInstant(),
                rs.getBigDecimal("index_at_stake"),
                Amount.of(rs.getBigDecimal("rewards_paid")),
                Stake.StakeStatus.valueOf(rs.getString("status")),
                unstaked == null ? null : unstaked.toInstant());
    }
}
