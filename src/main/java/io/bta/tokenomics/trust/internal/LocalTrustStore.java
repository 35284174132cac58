package io.bta.tokenomics.trust.internal;

import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.trust.TrustScore;
import io.bta.tokenomics.trust.TrustScoreChanged;
import io.bta.tokenomics.trust.TrustScoreSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Trust scores kept in this service's database, with every change in a history table. */
@Repository
public class LocalTrustStore implements TrustScoreSource {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LocalTrustStore(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public boolean readsThisDatabase() {
        return true;
    }

    @Override
    public Optional<TrustScore> find(EntityId entity) {
        return jdbc.sql("select score, updated_at from trust_scores where entity_id = ?")
                .param(entity.value())
                .query((rs, n) -> new TrustScore(
                        entity, rs.getBigDecimal(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** The stored scores of these entities, in one query; those without a score are left out. */
    public java.util.Map<EntityId, TrustScore> findAll(java.util.Collection<EntityId> entities) {
        var found = new java.util.HashMap<EntityId, TrustScore>();
        if (entities.isEmpty()) {
            return found;
        }
        jdbc.sql("select entity_id, score, updated_at from trust_scores where entity_id = any(?)")
                .param(entities.stream().map(EntityId::value).distinct().toArray(String[]::new))
                .query(rs -> {
                    var entity = EntityId.of(rs.getString(1));
                    found.put(
                            entity,
                            new TrustScore(
                                    entity,
                                    rs.getBigDecimal(2),
                                    rs.getTimestamp(3).toInstant()));
                });
        return found;
    }

    /**
     * Records a new score with its history row, and publishes the change. A score equal to the
     * stored one is no change: nothing is written or published, and the stored score is returned as
     * it was (with the time it was set). So neither an admin setting a score again nor the trust
     * engine reporting an unchanged one leaves a trace in the history or on webhooks.
     */
    public TrustScore record(EntityId entity, BigDecimal score, EntityId changedBy) {
        var stored = locked(entity);
        if (stored.isPresent() && stored.get().score().compareTo(score) == 0) {
            return stored.get();
        }
        return write(entity, score, changedBy, stored.map(TrustScore::score).orElse(null));
    }

    // Lock the entity's row (or its absence, through the insert) so concurrent changes queue up
    // and each history row names the score it replaced.
    private Optional<TrustScore> locked(EntityId entity) {
        return jdbc.sql("select score, updated_at from trust_scores where entity_id = ? for update")
                .param(entity.value())
                .query((rs, n) -> new TrustScore(
                        entity, rs.getBigDecimal(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    private TrustScore write(EntityId entity, BigDecimal score, EntityId changedBy, BigDecimal previous) {
        var now = clock.instant();
        jdbc.sql(
                        """
                        insert into trust_scores (entity_id, score, updated_at) values (?, ?, ?)
                        on conflict (entity_id) do update set score = excluded.score, updated_at = excluded.updated_at
                        """)
                .param(entity.value())
                .param(score)
                .param(Timestamp.from(now))
                .update();
        jdbc.sql(
                        """
                        insert into trust_score_history (entity_id, score, previous, changed_by, changed_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .param(entity.value())
                .param(score)
                .param(new SqlParameterValue(Types.NUMERIC, previous))
                .param(changedBy.value())
                .param(Timestamp.from(now))
                .update();
        events.publishEvent(new TrustScoreChanged(
                entity, previous == null ? null : Decimals.plain(previous), Decimals.plain(score), changedBy, now));
        return new TrustScore(entity, score, now);
    }

    public List<TrustScoreChanged> history(EntityId entity, int limit) {
        return jdbc.sql(
                        """
                        select score, previous, changed_by, changed_at from trust_score_history
                        where entity_id = ? order by id desc limit ?
                        """)
                .param(entity.value())
                .param(limit)
                .query((rs, n) -> new TrustScoreChanged(
                        entity,
                        rs.getBigDecimal(2) == null ? null : Decimals.plain(rs.getBigDecimal(2)),
                        Decimals.plain(rs.getBigDecimal(1)),
                        EntityId.of(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
