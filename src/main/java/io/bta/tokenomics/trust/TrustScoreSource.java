package io.bta.tokenomics.trust;

import io.bta.tokenomics.shared.EntityId;
import java.util.Optional;

/**
 * Where trust scores are read from. The local store implements it today; a client of the
 * platform's trust engine can implement it instead (as a primary bean) without changing any caller.
 */
public interface TrustScoreSource {

    Optional<TrustScore> find(EntityId entity);
}
