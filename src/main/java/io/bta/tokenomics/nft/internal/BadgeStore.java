package io.bta.tokenomics.nft.internal;

import io.bta.tokenomics.nft.BadgeRule;
import io.bta.tokenomics.nft.BadgeTrigger;
import io.bta.tokenomics.nft.CollectionId;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The badge rules, the events counted, each entity's counts and the awards. */
@Repository
public class BadgeStore {

    private final JdbcClient jdbc;

    BadgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRule(BadgeRule rule, String metadataJson) {
        jdbc.sql(
                        """
                        insert into nft_badge_rules (id, collection_id, name, trigger, threshold, metadata, created_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?)
                        """)
                .params(
                        rule.id(),
                        rule.collectionId().value(),
                        rule.name(),
                        rule.trigger().name(),
                        rule.threshold(),
                        metadataJson,
                        Timestamp.from(rule.createdAt()))
                .update();
    }

    public List<BadgeRule> rules(Function<String, NftMetadata> metadata) {
        return jdbc.sql("select * from nft_badge_rules order by created_at, id")
                .query((rs, n) -> new BadgeRule(
                        rs.getObject("id", UUID.class),
                        new CollectionId(rs.getObject("collection_id", UUID.class)),
                        rs.getString("name"),
                        BadgeTrigger.valueOf(rs.getString("trigger")),
                        rs.getInt("threshold"),
                        metadata.apply(rs.getString("metadata")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Records the event once: false if it was counted before. */
    public boolean firstTime(String sourceKey, Instant at) {
        return jdbc.sql("insert into nft_badge_events (source_key, counted_at) values (?, ?) on conflict do nothing")
                        .params(sourceKey, Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Adds one to the entity's count of the trigger (locking its row until commit): the new count. */
    public long count(BadgeTrigger trigger, EntityId entity) {
        return jdbc.sql(
                        """
                        insert into nft_badge_progress (trigger, entity_id, count) values (?, ?, 1)
                        on conflict (trigger, entity_id) do update set count = nft_badge_progress.count + 1
                        returning count
                        """)
                .params(trigger.name(), entity.value())
                .query(Long.class)
                .single();
    }

    /** The rules of the trigger whose threshold the count has reached and the entity lacks: id, collection, metadata. */
    public List<Object[]> dueRules(BadgeTrigger trigger, EntityId entity, long count) {
        return jdbc.sql(
                        """
                        select r.id, r.collection_id, r.metadata::text from nft_badge_rules r
                        where r.trigger = ? and r.threshold <= ?
                          and not exists (select 1 from nft_badge_awards a where a.rule_id = r.id and a.entity_id = ?)
                        order by r.threshold, r.id
                        """)
                .params(trigger.name(), count, entity.value())
                .query((rs, n) ->
                        new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)})
                .list();
    }

    /** Claims the award (once per rule and entity): false if the entity has it already. */
    public boolean award(UUID rule, EntityId entity, long tokenNumber, BigDecimal trustScore, Instant at) {
        return jdbc.sql(
                                """
                        insert into nft_badge_awards (rule_id, entity_id, token_number, trust_score, awarded_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing
                        """)
                        .params(rule, entity.value(), tokenNumber, trustScore, Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Whether the entity has the rule's badge already. */
    public boolean awarded(UUID rule, EntityId entity) {
        return jdbc.sql("select exists (select 1 from nft_badge_awards where rule_id = ? and entity_id = ?)")
                .params(rule, entity.value())
                .query(Boolean.class)
                .single();
    }

    /** A STAKE_HELD_DAYS rule locked until commit, with where its scan stopped. */
    public record HeldRule(
            UUID id, UUID collectionId, int days, String metadata, Instant scannedToAt, UUID scannedToId) {}

    /** The ids of the STAKE_HELD_DAYS rules. */
    public List<UUID> heldRules() {
        return jdbc.sql("select id from nft_badge_rules where trigger = 'STAKE_HELD_DAYS' order by created_at, id")
                .query(UUID.class)
                .list();
    }

    /** The rule, locked: one scan of a rule at a time, on any number of instances. */
    public HeldRule lockHeldRule(UUID id) {
        return jdbc.sql(
                        """
                        select id, collection_id, threshold, metadata::text, scanned_to_at, scanned_to_id
                        from nft_badge_rules where id = ? and trigger = 'STAKE_HELD_DAYS' for update
                        """)
                .param(id)
                .query((rs, n) -> {
                    var at = rs.getTimestamp("scanned_to_at");
                    return new HeldRule(
                            rs.getObject("id", UUID.class),
                            rs.getObject("collection_id", UUID.class),
                            rs.getInt("threshold"),
                            rs.getString("metadata"),
                            at == null ? null : at.toInstant(),
                            rs.getObject("scanned_to_id", UUID.class));
                })
                .single();
    }

    public void scannedTo(UUID rule, Instant at, UUID stake) {
        jdbc.sql("update nft_badge_rules set scanned_to_at = ?, scanned_to_id = ? where id = ?")
                .params(Timestamp.from(at), stake, rule)
                .update();
    }

    public long awards(UUID rule) {
        return jdbc.sql("select count(*) from nft_badge_awards where rule_id = ?")
                .param(rule)
                .query(Long.class)
                .single();
    }
}
