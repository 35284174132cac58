package io.bta.tokenomics.airdrops.internal;

import io.bta.tokenomics.airdrops.AirdropId;
import io.bta.tokenomics.airdrops.ClaimList;
import io.bta.tokenomics.airdrops.MerkleTree;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Airdrop campaigns, their claims and their trees, as rows. */
@Repository
public class AirdropStore {

    /** A campaign row, with what has been claimed of it. */
    public record CampaignRow(
            AirdropId id,
            TokenId tokenId,
            String name,
            byte[] merkleRoot,
            Amount total,
            int claimCount,
            Instant startsAt,
            Instant endsAt,
            BigDecimal minTrustScore,
            EntityId createdBy,
            Instant createdAt,
            Instant sweptAt,
            Amount sweptAmount) {}

    /** One listed entity's row. */
    public record ClaimRow(
            AirdropId airdropId,
            EntityId entityId,
            Amount amount,
            int treeIndex,
            Instant claimedAt,
            UUID claimTxId,
            BigDecimal trustScore) {}

    /** How much of a campaign has been claimed. */
    public record Claimed(int count, Amount amount) {}

    private static final String CAMPAIGN_COLUMNS =
            """
            id, token_id, name, merkle_root, total, claim_count, starts_at, ends_at, min_trust_score, created_by,
            created_at, swept_at, swept_amount""";

    private final JdbcClient jdbc;

    AirdropStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a campaign, its claims (in one statement) and its tree. */
    public void insert(CampaignRow c, ClaimList claims, MerkleTree tree) {
        jdbc.sql(
                        """
                        insert into airdrop_campaigns (id, token_id, name, merkle_root, total, claim_count, starts_at,
                            ends_at, min_trust_score, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(c.id().value())
                .param(c.tokenId().value())
                .param(c.name())
                .param(c.merkleRoot())
                .param(c.total().toBigDecimal())
                .param(c.claimCount())
                .param(Timestamp.from(c.startsAt()))
                .param(Timestamp.from(c.endsAt()))
                .param(new SqlParameterValue(Types.NUMERIC, c.minTrustScore()))
                .param(c.createdBy().value())
                .param(Timestamp.from(c.createdAt()))
                .update();
        int n = claims.size();
        var entities = new String[n];
        var amounts = new BigDecimal[n];
        var indexes = new Integer[n];
        for (int i = 0; i < n; i++) {
            entities[i] = claims.claims().get(i).entityId().value();
            amounts[i] = claims.claims().get(i).amount().toBigDecimal();
            indexes[i] = tree.treeIndexOf(i);
        }
        int inserted = jdbc.sql(
                        """
                        insert into airdrop_claims (airdrop_id, entity_id, amount, tree_index)
                        select ?, v.e, v.a, v.t from unnest(?::text[], ?::numeric[], ?::int[]) as v(e, a, t)
                        """)
                .param(c.id().value())
                .param(entities)
                .param(amounts)
                .param(indexes)
                .update();
        if (inserted != n) {
            throw new IllegalStateException("wrote " + inserted + " claims of " + n + "; rolling back");
        }
        jdbc.sql("insert into airdrop_trees (airdrop_id, nodes) values (?, ?)")
                .param(c.id().value())
                .param(tree.nodeBytes())
                .update();
    }

    public Optional<CampaignRow> campaign(AirdropId id) {
        return jdbc.sql("select " + CAMPAIGN_COLUMNS + " from airdrop_campaigns where id = ?")
                .param(id.value())
                .query(AirdropStore::campaignRow)
                .optional();
    }

    /**
     * The campaigns' rows, locked against a sweep until the transaction ends, in id order ({@code
     * for key share}: claims do not block each other; a sweep's {@code for update} waits for them).
     */
    public Map<AirdropId, CampaignRow> campaignsForClaims(Collection<AirdropId> ids) {
        var sorted = ids.stream().map(AirdropId::value).distinct().sorted().toArray(UUID[]::new);
        var rows = new HashMap<AirdropId, CampaignRow>();
        jdbc.sql("select " + CAMPAIGN_COLUMNS + " from airdrop_campaigns where id = any(?) order by id for key share")
                .param(sorted)
                .query(AirdropStore::campaignRow)
                .list()
                .forEach(r -> rows.put(r.id(), r));
        return rows;
    }

    /** One entity's place in one campaign. */
    public record ClaimKey(AirdropId airdropId, EntityId entityId) {}

    /** The entities' rows, locked until the transaction ends, in (campaign, entity) order: one claim of each at a time. */
    public Map<ClaimKey, ClaimRow> claimsForUpdate(Collection<ClaimKey> keys) {
        var sorted = keys.stream()
                .distinct()
                .sorted(Comparator.comparing((ClaimKey k) -> k.airdropId().value())
                        .thenComparing(k -> k.entityId().value()))
                .toList();
        var rows = new HashMap<ClaimKey, ClaimRow>();
        if (sorted.isEmpty()) {
            return rows;
        }
        jdbc.sql(
                        """
                        select c.airdrop_id, c.entity_id, c.amount, c.tree_index, c.claimed_at, c.claim_tx_id,
                            c.trust_score
                        from airdrop_claims c join unnest(?::uuid[], ?::text[]) as k(a, e)
                          on c.airdrop_id = k.a and c.entity_id = k.e
                        order by c.airdrop_id, c.entity_id
                        for update of c
                        """)
                .param(sorted.stream().map(k -> k.airdropId().value()).toArray(UUID[]::new))
                .param(sorted.stream().map(k -> k.entityId().value()).toArray(String[]::new))
                .query(AirdropStore::claimRow)
                .list()
                .forEach(r -> rows.put(new ClaimKey(r.airdropId(), r.entityId()), r));
        return rows;
    }

    /** Marks the claims paid, in one statement; each was open and is locked by this transaction. */
    public void markClaimed(List<ClaimRow> paid) {
        if (paid.isEmpty()) {
            return;
        }
        int updated = jdbc.sql(
                        """
                        update airdrop_claims c set claimed_at = v.at, claim_tx_id = v.tx, trust_score = v.score
                        from unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::uuid[], ?::numeric[])
                          as v(a, e, at, tx, score)
                        where c.airdrop_id = v.a and c.entity_id = v.e and c.claimed_at is null
                        """)
                .param(paid.stream().map(r -> r.airdropId().value()).toArray(UUID[]::new))
                .param(paid.stream().map(r -> r.entityId().value()).toArray(String[]::new))
                .param(paid.stream().map(r -> Timestamp.from(r.claimedAt())).toArray(Timestamp[]::new))
                .param(paid.stream().map(ClaimRow::claimTxId).toArray(UUID[]::new))
                .param(paid.stream().map(ClaimRow::trustScore).toArray(BigDecimal[]::new))
                .update();
        if (updated != paid.size()) {
            throw new IllegalStateException("marked " + updated + " claims of " + paid.size() + "; rolling back");
        }
    }

    /** The campaign's row, locked for its sweep. */
    public Optional<CampaignRow> campaignForSweep(AirdropId id) {
        return jdbc.sql("select " + CAMPAIGN_COLUMNS + " from airdrop_campaigns where id = ? for update")
                .param(id.value())
                .query(AirdropStore::campaignRow)
                .optional();
    }

    /** Campaigns, newest first, after the {@code (createdAt, id)} of the previous page's last one. */
    public List<CampaignRow> campaigns(Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return jdbc.sql("select " + CAMPAIGN_COLUMNS
                            + " from airdrop_campaigns order by created_at desc, id desc limit ?")
                    .param(limit)
                    .query(AirdropStore::campaignRow)
                    .list();
        }
        return jdbc.sql("select " + CAMPAIGN_COLUMNS + " from airdrop_campaigns where (created_at, id) < (?, ?)"
                        + " order by created_at desc, id desc limit ?")
                .param(Timestamp.from(beforeCreatedAt))
                .param(beforeId)
                .param(limit)
                .query(AirdropStore::campaignRow)
                .list();
    }

    public Claimed claimed(AirdropId id) {
        return jdbc.sql(
                        """
                        select count(*) as n, coalesce(sum(amount), 0) as total from airdrop_claims
                        where airdrop_id = ? and claimed_at is not null
                        """)
                .param(id.value())
                .query((rs, i) -> new Claimed(rs.getInt("n"), Amount.of(rs.getBigDecimal("total"))))
                .single();
    }

    public Optional<ClaimRow> claim(AirdropId id, EntityId entity) {
        return jdbc.sql(CLAIM_SELECT + " where airdrop_id = ? and entity_id = ?")
                .param(id.value())
                .param(entity.value())
                .query(AirdropStore::claimRow)
                .optional();
    }

    /** An entity's place in every campaign that lists it, newest campaign first. */
    public List<ClaimRow> claimsOf(EntityId entity) {
        return jdbc.sql(
                        """
                        select c.airdrop_id, c.entity_id, c.amount, c.tree_index, c.claimed_at, c.claim_tx_id,
                            c.trust_score
                        from airdrop_claims c join airdrop_campaigns a on a.id = c.airdrop_id
                        where c.entity_id = ? order by a.created_at desc, a.id desc limit 200
                        """)
                .param(entity.value())
                .query(AirdropStore::claimRow)
                .list();
    }

    public void markSwept(AirdropId id, Instant at, Amount amount, UUID transactionId) {
        jdbc.sql("update airdrop_campaigns set swept_at = ?, swept_amount = ?, sweep_tx_id = ? where id = ?")
                .param(Timestamp.from(at))
                .param(amount.toBigDecimal())
                .param(transactionId)
                .param(id.value())
                .update();
    }

    /** The nodes of a campaign's tree at {@code indexes}, in that order, read from the stored tree. */
    public List<byte[]> nodes(AirdropId id, int[] indexes) {
        if (indexes.length == 0) {
            return List.of();
        }
        var boxed = java.util.Arrays.stream(indexes).boxed().toArray(Integer[]::new);
        return jdbc.sql(
                        """
                        select substring(t.nodes from v.i * 32 + 1 for 32) as node
                        from airdrop_trees t, unnest(?::int[]) with ordinality as v(i, n)
                        where t.airdrop_id = ? order by v.n
                        """)
                .param(boxed)
                .param(id.value())
                .query((rs, i) -> rs.getBytes("node"))
                .list();
    }

    private static final String CLAIM_SELECT =
            "select airdrop_id, entity_id, amount, tree_index, claimed_at, claim_tx_id, trust_score from airdrop_claims";

    private static CampaignRow campaignRow(ResultSet rs, int n) throws SQLException {
        var swept = rs.getTimestamp("swept_at");
        var sweptAmount = rs.getBigDecimal("swept_amount");
        return new CampaignRow(
                new AirdropId(rs.getObject("id", UUID.class)),
                new TokenId(rs.getObject("token_id", UUID.class)),
                rs.getString("name"),
                rs.getBytes("merkle_root"),
                Amount.of(rs.getBigDecimal("total")),
                rs.getInt("claim_count"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getBigDecimal("min_trust_score"),
                EntityId.of(rs.getString("created_by")),
                rs.getTimestamp("created_at").toInstant(),
                swept == null ? null : swept.toInstant(),
                sweptAmount == null ? null : Amount.of(sweptAmount));
    }

    private static ClaimRow claimRow(ResultSet rs, int n) throws SQLException {
        var claimed = rs.getTimestamp("claimed_at");
        return new ClaimRow(
                new AirdropId(rs.getObject("airdrop_id", UUID.class)),
                EntityId.of(rs.getString("entity_id")),
                Amount.of(rs.getBigDecimal("amount")),
                rs.getInt("tree_index"),
                claimed == null ? null : claimed.toInstant(),
                rs.getObject("claim_tx_id", UUID.class),
                rs.getBigDecimal("trust_score"));
    }
}
