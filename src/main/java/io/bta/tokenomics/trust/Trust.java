package io.bta.tokenomics.trust;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.trust.internal.LocalTrustStore;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The trust module's facade: the score of any entity, and recording a new one. */
@Service
public class Trust {

    private final TrustScoreSource source;
    private final LocalTrustStore store;
    private final BigDecimal defaultScore;

    Trust(TrustScoreSource source, LocalTrustStore store, TrustProperties properties) {
        this.source = source;
        this.store = store;
        this.defaultScore = properties.defaultScore();
    }

    /**
     * The entity's score, or the default score (with no {@code updatedAt}) if it has none.
     *
     * <p>Not transactional on purpose: the local read is a single select, and a read from the remote
     * trust engine must not hold a database connection while it waits for the engine.
     */
    public TrustScore scoreOf(EntityId entity) {
        return source.find(entity).orElseGet(() -> new TrustScore(entity, defaultScore, null));
    }

    /**
     * Whether scores are read from this service's own database (no trust engine configured). Only
     * then may a batch read the scores it needs inside its transaction ({@link #localScoresOf});
     * a score from the trust engine is read before any transaction, so that a remote call never
     * holds a database connection.
     */
    public boolean readsLocally() {
        return source.readsThisDatabase();
    }

    /**
     * The scores of these entities from the local store, in one query: the default score for those
     * without one. For a batch inside its transaction; only when {@link #readsLocally()}.
     */
    public Map<EntityId, BigDecimal> localScoresOf(Collection<EntityId> entities) {
        if (!readsLocally()) {
            throw new IllegalStateException(
                    "trust scores come from the trust engine: read them before the transaction");
        }
        var stored = store.findAll(entities);
        var scores = new HashMap<EntityId, BigDecimal>();
        for (var entity : entities) {
            var score = stored.get(entity);
            scores.put(entity, score == null ? defaultScore : score.score());
        }
        return scores;
    }

    /**
     * Records a new score for the entity, keeps the previous one in its history, and publishes the
     * change. The score it already has is no change: nothing is recorded or published, and the
     * stored score is returned unchanged.
     */
    @Transactional
    public TrustScore record(EntityId entity, BigDecimal score, EntityId changedBy) {
        TrustScore.requireValid(score);
        var recorded = store.record(entity, score, changedBy);
        // A caching source learns of the score only once it is committed, so it never serves one
        // that was rolled back.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                source.recorded(recorded);
            }
        });
        return recorded;
    }

    /** The entity's score changes, newest first. */
    @Transactional(readOnly = true)
    public List<TrustScoreChanged> history(EntityId entity, int limit) {
        return store.history(entity, limit);
    }
}
