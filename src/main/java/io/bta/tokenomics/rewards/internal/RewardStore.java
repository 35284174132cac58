package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.rewards.RewardBadge;
import io.bta.tokenomics.rewards.RewardStatus;
import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code rewards} table. Status filters use the effective status: a PENDING reward past its expiry is EXPIRED. */
@Repository
public class RewardStore {

    private static final String EFFECTIVE_STATUS =
            "case when status = 'PENDING' and expires_at is not null and expires_at <= ? then 'EXPIRED' else status end";

    /** A stored reward, as it is in the table. */
    public record Row(
            UUID id,
            EntityId recipientId,
            TokenId tokenId,
            Amount amount,
            RewardType type,
            String sourceRef,
            String reason,
            BigDecimal trustScore,
            RewardStatus status,
            int epoch,
            Instant createdAt,
            Instant claimedAt,
            Instant expiresAt,
            RewardBadge badge) {

        /** The status as of {@code now}: an unclaimed reward past its expiry counts as EXPIRED. */
        public RewardStatus statusAt(Instant now) {
            return status == RewardStatus.PENDING && expiresAt != null && !expiresAt.isAfter(now)
                    ? RewardStatus.EXPIRED
                    : status;
        }
    }

    /** One group of a recipient's totals. */
    public record TotalRow(
            TokenId tokenId, RewardType type, Amount claimed, Amount pending, Amount expired, long count) {}

    private final JdbcClient jdbc;

    RewardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(RewardType type, EntityId recipient, String sourceRef) {
        return jdbc.sql("select * from rewards where type = ? and recipient_id = ? and source_ref = ?")
                .param(type.name())
                .param(recipient.value())
                .param(sourceRef)
                .query(RewardStore::row)
                .optional();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select * from rewards where id = ?")
                .param(id)
                .query(RewardStore::row)
                .optional();
    }

    /** The reward, locked until the transaction ends: a claim or an expiry holds it alone. */
    public Optional<Row> lock(UUID id) {
        return jdbc.sql("select * from rewards where id = ? for update")
                .param(id)
                .query(RewardStore::row)
                .optional();
    }

    /** Inserts unless the same event already rewarded this recipient (or, for referrals, this referee). */
    public boolean insert(Row r) {
        return jdbc.sql(
                                """
                        insert into rewards (id, recipient_id, token_id, amount, type, source_ref, reason, trust_score,
                                             status, epoch, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .param(r.id())
                        .param(r.recipientId().value())
                        .param(r.tokenId().value())
                        .param(r.amount().toBigDecimal())
                        .param(r.type().name())
                        .param(r.sourceRef())
                        .param(new SqlParameterValue(Types.VARCHAR, r.reason()))
                        .param(r.trustScore())
                        .param(r.status().name())
                        .param(r.epoch())
                        .param(Timestamp.from(r.createdAt()))
                        .param(new SqlParameterValue(
                                Types.TIMESTAMP, r.expiresAt() == null ? null : Timestamp.from(r.expiresAt())))
                        .update()
                == 1;
    }

    /**
     * Inserts rows in one statement, each unless the same event already rewarded its recipient (also
     * earlier in the list); returns the ids of the rows inserted.
     */
    public java.util.Set<UUID> insertAll(List<Row> rows) {
        var inserted = new java.util.HashSet<UUID>();
        jdbc.sql(
                        """
                        insert into rewards (id, recipient_id, token_id, amount, type, source_ref, reason, trust_score,
                                             status, epoch, created_at, expires_at)
                        select id::uuid, r, t::uuid, a::numeric, ty, sr, re, ts::numeric, st, ep::int,
                               c::timestamptz, e::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             with ordinality as x(id, r, t, a, ty, sr, re, ts, st, ep, c, e, n)
                        order by n
                        on conflict do nothing
                        returning id
                        """)
                .param(rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.recipientId().value()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.tokenId().value().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.amount().toString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.type().name()).toArray(String[]::new))
                .param(rows.stream().map(Row::sourceRef).toArray(String[]::new))
                .param(rows.stream().map(Row::reason).toArray(String[]::new))
                .param(rows.stream().map(r -> r.trustScore().toPlainString()).toArray(String[]::new))
                .param(rows.stream().map(r -> r.status().name()).toArray(String[]::new))
                .param(rows.stream().map(r -> Integer.toString(r.epoch())).toArray(String[]::new))
                .param(rows.stream().map(r -> r.createdAt().toString()).toArray(String[]::new))
                .param(rows.stream()
                        .map(r -> r.expiresAt() == null ? null : r.expiresAt().toString())
                        .toArray(String[]::new))
                .query(UUID.class)
                .list()
                .forEach(inserted::add);
        return inserted;
    }

    /**
     * Records rewards that were already paid (minted) elsewhere, such as staking payouts: CLAIMED at
     * once, with their ledger transaction as the source, set-based; a repeat inserts nothing.
     */
    public int insertPaid(
            RewardType type,
            TokenId token,
            int epoch,
            Instant paidAt,
            List<UUID> ids,
            List<EntityId> recipients,
            List<Amount> amounts,
            List<String> sourceRefs,
            List<String> reasons,
            List<java.math.BigDecimal> trustScores,
            List<UUID> transactionIds) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        """
                        insert into rewards (id, recipient_id, token_id, amount, type, source_ref, reason, trust_score,
                                             status, epoch, created_at, claimed_at, transaction_id)
                        select v.id::uuid, v.recipient, ?, v.amount::numeric, ?, v.source, v.reason, v.trust::numeric,
                               'CLAIMED', ?, ?, ?, v.tx::uuid
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as v(id, recipient, amount, source, reason, trust, tx)
                        on conflict do nothing
                        """)
                .param(token.value())
                .param(type.name())
                .param(epoch)
                .param(Timestamp.from(paidAt))
                .param(Timestamp.from(paidAt))
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .param(recipients.stream().map(EntityId::value).toArray(String[]::new))
                .param(amounts.stream().map(Amount::toString).toArray(String[]::new))
                .param(sourceRefs.toArray(String[]::new))
                .param(reasons.toArray(String[]::new))
                .param(trustScores.stream()
                        .map(java.math.BigDecimal::toPlainString)
                        .toArray(String[]::new))
                .param(transactionIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /**
     * Records a badge as an NFT reward, AWARDED at once, unless this rule already awarded the
     * recipient (the same source); returns whether it was inserted.
     */
    public boolean insertBadge(
            UUID id,
            EntityId recipient,
            String sourceRef,
            String reason,
            BigDecimal trustScore,
            Instant at,
            RewardBadge badge) {
        return jdbc.sql(
                                """
                        insert into rewards (id, recipient_id, token_id, amount, type, source_ref, reason, trust_score,
                                             status, epoch, created_at, nft_collection, nft_token_number)
                        values (?, ?, null, 0, 'NFT', ?, ?, ?, 'AWARDED', null, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .param(id)
                        .param(recipient.value())
                        .param(sourceRef)
                        .param(new SqlParameterValue(Types.VARCHAR, reason))
                        .param(trustScore)
                        .param(Timestamp.from(at))
                        .param(badge.collection())
                        .param(badge.tokenNumber())
                        .update()
                == 1;
    }

    public void markClaimed(UUID id, Instant at, UUID transactionId) {
        jdbc.sql(
                        "update rewards set status = 'CLAIMED', claimed_at = ?, transaction_id = ? where id = ? and status = 'PENDING'")
                .param(Timestamp.from(at))
                .param(transactionId)
                .param(id)
                .update();
    }

    public void markExpired(UUID id) {
        jdbc.sql("update rewards set status = 'EXPIRED' where id = ? and status = 'PENDING'")
                .param(id)
                .update();
    }

    /** Pending rewards past their expiry, locked; rows another transaction holds are left for the next run. */
    public List<Row> lockDueForExpiry(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select * from rewards where status = 'PENDING' and expires_at <= ?
                        order by id limit ? for update skip locked
                        """)
                .param(Timestamp.from(now))
                .param(limit)
                .query(RewardStore::row)
                .list();
    }

    /** A recipient's rewards, newest first, with ids below {@code before} (null for the first page). */
    public List<Row> page(
            EntityId recipient, RewardType type, RewardStatus status, Instant now, UUID before, int limit) {
        var sql = new StringBuilder("select * from rewards where recipient_id = ?");
        var params = new ArrayList<Object>();
        params.add(recipient.value());
        if (type != null) {
            sql.append(" and type = ?");
            params.add(type.name());
        }
        if (status != null) {
            sql.append(" and ").append(EFFECTIVE_STATUS).append(" = ?");
            params.add(Timestamp.from(now));
            params.add(status.name());
        }
        if (before != null) {
            sql.append(" and id < ?");
            params.add(before);
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(RewardStore::row).list();
    }

    public List<TotalRow> totals(EntityId recipient, Instant now) {
        return jdbc.sql(
                        """
                        select token_id, type,
                               coalesce(sum(amount) filter (where effective = 'CLAIMED'), 0) as claimed,
                               coalesce(sum(amount) filter (where effective = 'PENDING'), 0) as pending,
                               coalesce(sum(amount) filter (where effective = 'EXPIRED'), 0) as expired,
                               count(*) as n
                        from (select token_id, type, amount, %s as effective from rewards
                              where recipient_id = ? and type <> 'NFT') r
                        group by token_id, type
                        order by token_id, type
                        """
                                .formatted(EFFECTIVE_STATUS))
                .param(Timestamp.from(now))
                .param(recipient.value())
                .query((rs, n) -> new TotalRow(
                        new TokenId(rs.getObject("token_id", UUID.class)),
                        RewardType.valueOf(rs.getString("type")),
                        Amount.of(rs.getBigDecimal("claimed")),
                        Amount.of(rs.getBigDecimal("pending")),
                        Amount.of(rs.getBigDecimal("expired")),
                        rs.getLong("n")))
                .list();
    }

    /** The sum of all claimed (so minted) rewards ever, per token. */
    public Map<TokenId, Amount> claimedByToken() {
        var totals = new LinkedHashMap<TokenId, Amount>();
        jdbc.sql(
                        "select token_id, sum(amount) from rewards where status = 'CLAIMED' group by token_id order by token_id")
                .query((rs, n) -> totals.put(new TokenId(rs.getObject(1, UUID.class)), Amount.of(rs.getBigDecimal(2))))
                .list();
        return totals;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var claimed = rs.getTimestamp("claimed_at");
        var expires = rs.getTimestamp("expires_at");
        var token = rs.getObject("token_id", UUID.class);
        var collection = rs.getString("nft_collection");
        return new Row(
                rs.getObject("id", UUID.class),
                EntityId.of(rs.getString("recipient_id")),
                token == null ? null : new TokenId(token),
                Amount.of(rs.getBigDecimal("amount")),
                RewardType.valueOf(rs.getString("type")),
                rs.getString("source_ref"),
                rs.getString("reason"),
                rs.getBigDecimal("trust_score"),
                RewardStatus.valueOf(rs.getString("status")),
                rs.getInt("epoch"),
                rs.getTimestamp("created_at").toInstant(),
                claimed == null ? null : claimed.toInstant(),
                expires == null ? null : expires.toInstant(),
                collection == null ? null : new RewardBadge(collection, rs.getLong("nft_token_number")));
    }
}
