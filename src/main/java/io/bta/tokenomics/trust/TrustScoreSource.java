package io.bta.tokenomics.trust;

import io.bta.tokenomics.shared.EntityId;
import java.util.Optional;

/**
 * Where trust scores are read from: the local store, or the platform's trust engine when
 * {@code tokenomics.trust.engine-url} is set. Exactly one source is chosen at start-up; callers only
 * ever see {@link Trust}.
 */
public interface TrustScoreSource {

    /** The entity's score, or empty if it has none (the caller then uses the default score). */
    Optional<TrustScore> find(EntityId entity);

    /**
     * Told, after commit, of every score recorded in this service (a push from the trust engine, an
     * admin's correction), so that a source which caches can serve it at once.
     */
    default void recorded(TrustScore score) {}

    /**
     * Whether this source reads this service's own database, so that a batch may read scores
     * inside its transaction; false for any source that may call out (the default).
     */
    default boolean readsThisDatabase() {
        return false;
    }
}
