package io.bta.tokenomics.analytics.internal;

import io.bta.tokenomics.analytics.BucketSize;
import io.bta.tokenomics.analytics.Metric;
import io.bta.tokenomics.analytics.Series;
import io.bta.tokenomics.analytics.SnapshotKind;
import io.bta.tokenomics.analytics.TokenSnapshot;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The snapshots table, the head that chains them, and the series reads. */
@Repository
public class SnapshotStore {

    /** Where the next snapshot's interval starts. */
    public record Head(long lastSequence, Instant lastTakenAt) {}

    private final JdbcClient jdbc;

    SnapshotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the head until the transaction ends: snapshot takers on every instance queue here. */
    public Head lockHead() {
        return jdbc.sql("select last_sequence, last_taken_at from analytics_head for update")
                .query((rs, n) -> new Head(rs.getLong(1), instant(rs.getTimestamp(2))))
                .single();
    }

    public Head head() {
        return jdbc.sql("select last_sequence, last_taken_at from analytics_head")
                .query((rs, n) -> new Head(rs.getLong(1), instant(rs.getTimestamp(2))))
                .single();
    }

    public void advanceHead(long lastSequence, Instant takenAt) {
        jdbc.sql("update analytics_head set last_sequence = ?, last_taken_at = ?")
                .param(lastSequence)
                .param(Timestamp.from(takenAt))
                .update();
    }

    public boolean scheduledTaken(Instant dueAt) {
        return jdbc.sql("select exists (select 1 from analytics_snapshots where kind = 'SCHEDULED' and due_at = ?)")
                .param(Timestamp.from(dueAt))
                .query(Boolean.class)
                .single();
    }

    public Map<TokenId, BigDecimal> rewardTotals() {
        var totals = new HashMap<TokenId, BigDecimal>();
        jdbc.sql("select token_id, paid_total from analytics_reward_totals")
                .query((rs, n) -> totals.put(new TokenId(rs.getObject(1, UUID.class)), rs.getBigDecimal(2)))
                .list();
        return totals;
    }

    public void saveRewardTotals(Map<TokenId, BigDecimal> totals) {
        if (totals.isEmpty()) {
            return;
        }
        var tokens = totals.keySet().stream().map(TokenId::value).toArray(UUID[]::new);
        var amounts = totals.keySet().stream().map(totals::get).toArray(BigDecimal[]::new);
        jdbc.sql(
                        """
                        insert into analytics_reward_totals (token_id, paid_total)
                        select * from unnest(?::uuid[], ?::numeric[])
                        on conflict (token_id) do update set paid_total = excluded.paid_total
                        """)
                .param(tokens)
                .param(amounts)
                .update();
    }

    /**
     * Inserts one snapshot's rows; a scheduled row whose due time and token already exist is
     * skipped (the unique index decides, even if the head's lock were bypassed). Returns how many
     * rows were inserted.
     */
    public int insert(List<TokenSnapshot> rows) {
        int inserted = 0;
        for (var s : rows) {
            inserted += jdbc.sql(
                            """
                            insert into analytics_snapshots (id, token_id, kind, due_at, taken_at, taken_by,
                                after_sequence, ledger_sequence, total_supply, circulating, locked, staked, holders,
                                transactions, volume, minted, burned, rewards_minted)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (due_at, token_id) where kind = 'SCHEDULED' do nothing
                            """)
                    .param(s.id())
                    .param(s.tokenId().value())
                    .param(s.kind().name())
                    .param(new SqlParameterValue(Types.TIMESTAMP, s.dueAt() == null ? null : Timestamp.from(s.dueAt())))
                    .param(Timestamp.from(s.takenAt()))
                    .param(s.takenBy().value())
                    .param(s.afterSequence())
                    .param(s.ledgerSequence())
                    .param(s.totalSupply().toBigDecimal())
                    .param(s.circulating().toBigDecimal())
                    .param(s.locked().toBigDecimal())
                    .param(s.staked().toBigDecimal())
                    .param(s.holders())
                    .param(s.transactions())
                    .param(s.volume())
                    .param(s.minted())
                    .param(s.burned())
                    .param(s.rewardsMinted())
                    .update();
        }
        return inserted;
    }

    /** The rows of the most recent snapshot (by the head), one per token. */
    public List<TokenSnapshot> latest(java.util.function.Function<TokenId, String> symbols) {
        return jdbc.sql(
                        """
                        select distinct on (s.token_id) s.* from analytics_snapshots s, analytics_head h
                        where s.taken_at = h.last_taken_at
                        order by s.token_id, s.ledger_sequence desc, s.id desc
                        """)
                .query((rs, n) -> row(rs, symbols))
                .list();
    }

    public List<TokenSnapshot> between(
            TokenId token, Instant from, Instant to, java.util.function.Function<TokenId, String> symbols) {
        return jdbc.sql(
                        """
                        select * from analytics_snapshots
                        where token_id = ? and taken_at >= ? and taken_at < ? order by taken_at, ledger_sequence, id
                        """)
                .param(token.value())
                .param(Timestamp.from(from))
                .param(Timestamp.from(to))
                .query((rs, n) -> row(rs, symbols))
                .list();
    }

    /**
     * The non-empty buckets of a metric in {@code [from, to)}, aggregated in the database: the value
     * of the bucket's last snapshot for a stock, the sum for a flow.
     */
    public List<Series.Point> buckets(TokenId token, Metric metric, BucketSize size, Instant from, Instant to) {
        var column = column(metric);
        var aggregate = metric.kind() == Metric.Kind.STOCK
                ? "(array_agg(%s order by taken_at desc, ledger_sequence desc, id desc))[1]".formatted(column)
                : "sum(%s)".formatted(column);
        return jdbc.sql(
                        """
                        select date_bin(cast(:width as interval), taken_at, timestamptz '1970-01-01 00:00:00+00') as bucket,
                               %s as value, count(*) as snapshots
                        from analytics_snapshots
                        where token_id = :token and taken_at >= :from and taken_at < :to
                        group by bucket order by bucket
                        """
                                .formatted(aggregate))
                .param("width", size.width().toSeconds() + " seconds")
                .param("token", token.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Series.Point(
                        rs.getTimestamp("bucket").toInstant(), rs.getBigDecimal("value"), rs.getInt("snapshots")))
                .list();
    }

    private static String column(Metric metric) {
        return switch (metric) {
            case TOTAL_SUPPLY -> "total_supply";
            case CIRCULATING -> "circulating";
            case LOCKED -> "locked";
            case STAKED -> "staked";
            case HOLDERS -> "holders";
            case TRANSACTIONS -> "transactions";
            case VOLUME -> "volume";
            case MINTED -> "minted";
            case BURNED -> "burned";
            case REWARDS_MINTED -> "rewards_minted";
        };
    }

    private static TokenSnapshot row(ResultSet rs, java.util.function.Function<TokenId, String> symbols)
            throws SQLException {
        var token = new TokenId(rs.getObject("token_id", UUID.class));
        return new TokenSnapshot(
                rs.getObject("id", UUID.class),
                token,
                symbols.apply(token),
                SnapshotKind.valueOf(rs.getString("kind")),
                instant(rs.getTimestamp("due_at")),
                rs.getTimestamp("taken_at").toInstant(),
                EntityId.of(rs.getString("taken_by")),
                rs.getLong("after_sequence"),
                rs.getLong("ledger_sequence"),
                Amount.of(rs.getBigDecimal("total_supply")),
                Amount.of(rs.getBigDecimal("circulating")),
                Amount.of(rs.getBigDecimal("locked")),
                Amount.of(rs.getBigDecimal("staked")),
                rs.getLong("holders"),
                rs.getLong("transactions"),
                rs.getBigDecimal("volume"),
                rs.getBigDecimal("minted"),
                rs.getBigDecimal("burned"),
                rs.getBigDecimal("rewards_minted"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
