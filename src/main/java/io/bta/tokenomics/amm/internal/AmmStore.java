package io.bta.tokenomics.amm.internal;

import io.bta.tokenomics.amm.PoolFees;
import io.bta.tokenomics.amm.PoolId;
import io.bta.tokenomics.amm.PoolStatus;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pools, their swaps, liquidity changes and price observations, as rows. */
@Repository
public class AmmStore {

    /** A pool row: its pair in canonical order, its share token, terms and TWAP state. */
    public record PoolRow(
            PoolId id,
            TokenId tokenA,
            TokenId tokenB,
            TokenId lpToken,
            PoolFees fees,
            PoolStatus status,
            BigDecimal priceACumulative,
            BigDecimal priceBCumulative,
            Instant cumulativeAt,
            BigInteger kLast,
            Instant createdAt) {}

    /** The cumulative prices after a change, and the reserves from then on. */
    public record Observation(
            Instant observedAt,
            BigDecimal priceACumulative,
            BigDecimal priceBCumulative,
            Amount reserveA,
            Amount reserveB) {}

    /** One pool's part of a swap, as recorded. */
    public record SwapHopRow(
            UUID swapId,
            int hop,
            PoolId poolId,
            EntityId trader,
            TokenId tokenIn,
            TokenId tokenOut,
            Amount amountIn,
            Amount amountOut,
            int feeBps,
            BigDecimal trustScore,
            BigInteger kBefore,
            BigInteger kAfter,
            Instant swappedAt) {}

    private static final String POOL_COLUMNS =
            """
            id, token_a, token_b, lp_token, fee_bps, trust_fee_bps, trust_min_score, status, price_a_cumulative,
            price_b_cumulative, cumulative_at, k_last, created_at""";

    private final JdbcClient jdbc;

    AmmStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertPool(PoolRow p) {
        jdbc.sql(
                        """
                        insert into amm_pools (id, token_a, token_b, lp_token, fee_bps, trust_fee_bps, trust_min_score,
                            status, cumulative_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(p.id().value())
                .param(p.tokenA().value())
                .param(p.tokenB().value())
                .param(p.lpToken().value())
                .param(p.fees().feeBps())
                .param(new SqlParameterValue(Types.INTEGER, p.fees().trustFeeBps()))
                .param(new SqlParameterValue(Types.NUMERIC, p.fees().trustMinScore()))
                .param(p.status().name())
                .param(Timestamp.from(p.cumulativeAt()))
                .param(Timestamp.from(p.createdAt()))
                .update();
    }

    public Optional<PoolRow> pool(PoolId id) {
        return jdbc.sql("select " + POOL_COLUMNS + " from amm_pools where id = ?")
                .param(id.value())
                .query(AmmStore::poolRow)
                .optional();
    }

    /** The pools' rows, locked for update one by one in id order: the AMM's lock order among its pools. */
    public List<PoolRow> lockPools(Collection<PoolId> ids) {
        return ids.stream()
                .map(PoolId::value)
                .distinct()
                .sorted(java.util.Comparator.comparing(UUID::toString))
                .map(id -> jdbc.sql("select " + POOL_COLUMNS + " from amm_pools where id = ? for update")
                        .param(id)
                        .query(AmmStore::poolRow)
                        .single())
                .toList();
    }

    /**
     * Serialises the creation of one pair's pool until the transaction ends (an advisory lock on the
     * pair), so that two requests for it find each other's pool instead of colliding on insert.
     */
    public void lockPair(TokenId tokenA, TokenId tokenB) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('amm-pair:' || ? || ':' || ?, 0))")
                .param(tokenA.toString())
                .param(tokenB.toString())
                .query((rs, n) -> 1)
                .list();
    }

    public Optional<PoolRow> poolOfPair(TokenId tokenA, TokenId tokenB) {
        return jdbc.sql("select " + POOL_COLUMNS + " from amm_pools where token_a = ? and token_b = ?")
                .param(tokenA.value())
                .param(tokenB.value())
                .query(AmmStore::poolRow)
                .optional();
    }

    public List<PoolRow> pools() {
        return jdbc.sql("select " + POOL_COLUMNS + " from amm_pools order by created_at, id")
                .query(AmmStore::poolRow)
                .list();
    }

    public void updateTerms(PoolId id, PoolFees fees, PoolStatus status) {
        jdbc.sql(
                        """
                        update amm_pools set fee_bps = ?, trust_fee_bps = ?, trust_min_score = ?, status = ?
                        where id = ?
                        """)
                .param(fees.feeBps())
                .param(new SqlParameterValue(Types.INTEGER, fees.trustFeeBps()))
                .param(new SqlParameterValue(Types.NUMERIC, fees.trustMinScore()))
                .param(status.name())
                .param(id.value())
                .update();
    }

    public void updateCumulative(PoolId id, BigDecimal priceA, BigDecimal priceB, Instant at) {
        jdbc.sql(
                        """
                        update amm_pools set price_a_cumulative = ?, price_b_cumulative = ?, cumulative_at = ?
                        where id = ?
                        """)
                .param(priceA)
                .param(priceB)
                .param(Timestamp.from(at))
                .param(id.value())
                .update();
    }

    public void updateKLast(PoolId id, BigInteger kLast) {
        jdbc.sql("update amm_pools set k_last = ? where id = ?")
                .param(new BigDecimal(kLast))
                .param(id.value())
                .update();
    }

    public void insertObservation(PoolId id, Observation o) {
        jdbc.sql(
                        """
                        insert into amm_observations (pool_id, observed_at, price_a_cumulative, price_b_cumulative,
                            reserve_a, reserve_b)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .param(id.value())
                .param(Timestamp.from(o.observedAt()))
                .param(o.priceACumulative())
                .param(o.priceBCumulative())
                .param(o.reserveA().toBigDecimal())
                .param(o.reserveB().toBigDecimal())
                .update();
    }

    /** The last observation at or before {@code at}. */
    public Optional<Observation> observationAtOrBefore(PoolId id, Instant at) {
        return jdbc.sql(
                        """
                        select observed_at, price_a_cumulative, price_b_cumulative, reserve_a, reserve_b
                        from amm_observations where pool_id = ? and observed_at <= ?
                        order by observed_at desc, seq desc limit 1
                        """)
                .param(id.value())
                .param(Timestamp.from(at))
                .query(AmmStore::observation)
                .optional();
    }

    /** When the pool first held liquidity, if it ever did. */
    public Optional<Instant> firstLiquidityAt(PoolId id) {
        return jdbc.sql(
                        """
                        select observed_at from amm_observations where pool_id = ? and reserve_a > 0 and reserve_b > 0
                        order by seq limit 1
                        """)
                .param(id.value())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** The rows of a batch's swaps, in one statement. */
    public void insertSwapHops(List<SwapHopRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into amm_swaps (swap_id, hop, pool_id, trader, token_in, token_out, amount_in, amount_out,
                            fee_bps, trust_score, k_before, k_after, swapped_at)
                        select v.swap_id::uuid, v.hop::int, v.pool_id::uuid, v.trader, v.token_in::uuid, v.token_out::uuid,
                               v.amount_in::numeric, v.amount_out::numeric, v.fee_bps::int, v.trust::numeric,
                               v.k_before::numeric, v.k_after::numeric, v.at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as v(swap_id, hop, pool_id, trader, token_in, token_out, amount_in, amount_out, fee_bps, trust,
                                 k_before, k_after, at)
                        """)
                .param(rows.stream().map(r -> r.swapId().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> Integer.toString(r.hop())).toArray(String[]::new))
                .param(rows.stream().map(r -> r.poolId().value().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.trader().value()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.tokenIn().value().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.tokenOut().value().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.amountIn().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.amountOut().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> Integer.toString(r.feeBps())).toArray(String[]::new))
                .param(rows.stream()
                        .map(r -> r.trustScore() == null ? null : r.trustScore().toPlainString())
                        .toArray(String[]::new))
                .param(rows.stream().map(r -> r.kBefore().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.kAfter().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.swappedAt().toString()).toArray(String[]::new))
                .update();
    }

    public void insertSwapHop(SwapHopRow s) {
        jdbc.sql(
                        """
                        insert into amm_swaps (swap_id, hop, pool_id, trader, token_in, token_out, amount_in, amount_out,
                            fee_bps, trust_score, k_before, k_after, swapped_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(s.swapId())
                .param(s.hop())
                .param(s.poolId().value())
                .param(s.trader().value())
                .param(s.tokenIn().value())
                .param(s.tokenOut().value())
                .param(s.amountIn().toBigDecimal())
                .param(s.amountOut().toBigDecimal())
                .param(s.feeBps())
                .param(new SqlParameterValue(Types.NUMERIC, s.trustScore()))
                .param(new BigDecimal(s.kBefore()))
                .param(new BigDecimal(s.kAfter()))
                .param(Timestamp.from(s.swappedAt()))
                .update();
    }

    /** Swaps through a pool in {@code [from, to)}: their count, and per token in, the volume and the fees kept. */
    public record Activity(long swaps, BigDecimal volumeA, BigDecimal volumeB, BigDecimal feesA, BigDecimal feesB) {}

    public Activity activity(PoolId pool, TokenId tokenA, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select count(*),
                               coalesce(sum(amount_in) filter (where token_in = :a), 0),
                               coalesce(sum(amount_in) filter (where token_in <> :a), 0),
                               coalesce(sum(trunc(amount_in * fee_bps / 10000, 18)) filter (where token_in = :a), 0),
                               coalesce(sum(trunc(amount_in * fee_bps / 10000, 18)) filter (where token_in <> :a), 0)
                        from amm_swaps
                        where pool_id = :pool and swapped_at >= :from and swapped_at < :to
                        """)
                .param("a", tokenA.value())
                .param("pool", pool.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Activity(
                        rs.getLong(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .single();
    }

    /** One bucket's swaps of a pool: its start, count, volume in and fees kept of each token. */
    public record BucketActivity(
            Instant start, long swaps, BigDecimal volumeA, BigDecimal volumeB, BigDecimal feesA, BigDecimal feesB) {}

    /** The pool's swaps in {@code [from, to)} summed per bucket of {@code width} (buckets without swaps left out). */
    public List<BucketActivity> activityByBucket(
            PoolId pool, TokenId tokenA, Instant from, Instant to, java.time.Duration width) {
        return jdbc.sql(
                        """
                        select date_bin(make_interval(secs => :width), swapped_at, timestamptz '1970-01-01 00:00:00+00') as bucket,
                               count(*),
                               coalesce(sum(amount_in) filter (where token_in = :a), 0),
                               coalesce(sum(amount_in) filter (where token_in <> :a), 0),
                               coalesce(sum(trunc(amount_in * fee_bps / 10000, 18)) filter (where token_in = :a), 0),
                               coalesce(sum(trunc(amount_in * fee_bps / 10000, 18)) filter (where token_in <> :a), 0)
                        from amm_swaps
                        where pool_id = :pool and swapped_at >= :from and swapped_at < :to
                        group by bucket order by bucket
                        """)
                .param("width", width.toSeconds())
                .param("a", tokenA.value())
                .param("pool", pool.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new BucketActivity(
                        rs.getTimestamp(1).toInstant(),
                        rs.getLong(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .list();
    }

    /** The observations of {@code [from, to)}, in order. */
    public List<Observation> observations(PoolId id, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select observed_at, price_a_cumulative, price_b_cumulative, reserve_a, reserve_b
                        from amm_observations where pool_id = ? and observed_at >= ? and observed_at < ?
                        order by observed_at, seq
                        """)
                .param(id.value())
                .param(Timestamp.from(from))
                .param(Timestamp.from(to))
                .query(AmmStore::observation)
                .list();
    }

    public void insertLiquidityChange(
            UUID id,
            PoolId pool,
            EntityId provider,
            String kind,
            Amount amountA,
            Amount amountB,
            Amount liquidity,
            Instant at) {
        jdbc.sql(
                        """
                        insert into amm_liquidity_changes (id, pool_id, provider, kind, amount_a, amount_b, liquidity,
                            changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(id)
                .param(pool.value())
                .param(provider.value())
                .param(kind)
                .param(amountA.toBigDecimal())
                .param(amountB.toBigDecimal())
                .param(liquidity.toBigDecimal())
                .param(Timestamp.from(at))
                .update();
    }

    public boolean protocolFeeOn() {
        return jdbc.sql("select fee_on from amm_protocol").query(Boolean.class).single();
    }

    public void setProtocolFee(boolean on, Instant at) {
        jdbc.sql("update amm_protocol set fee_on = ?, updated_at = ?")
                .param(on)
                .param(Timestamp.from(at))
                .update();
    }

    private static PoolRow poolRow(ResultSet rs, int n) throws SQLException {
        var trustFee = rs.getObject("trust_fee_bps", Integer.class);
        return new PoolRow(
                new PoolId(rs.getObject("id", UUID.class)),
                new TokenId(rs.getObject("token_a", UUID.class)),
                new TokenId(rs.getObject("token_b", UUID.class)),
                new TokenId(rs.getObject("lp_token", UUID.class)),
                new PoolFees(rs.getInt("fee_bps"), trustFee, rs.getBigDecimal("trust_min_score")),
                PoolStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("price_a_cumulative"),
                rs.getBigDecimal("price_b_cumulative"),
                rs.getTimestamp("cumulative_at").toInstant(),
                rs.getBigDecimal("k_last").toBigIntegerExact(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Observation observation(ResultSet rs, int n) throws SQLException {
        return new Observation(
                rs.getTimestamp("observed_at").toInstant(),
                rs.getBigDecimal("price_a_cumulative"),
                rs.getBigDecimal("price_b_cumulative"),
                Amount.of(rs.getBigDecimal("reserve_a")),
                Amount.of(rs.getBigDecimal("reserve_b")));
    }
}
