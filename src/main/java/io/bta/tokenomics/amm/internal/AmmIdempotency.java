package io.bta.tokenomics.amm.internal;

import io.bta.tokenomics.amm.AmmProperties;
import io.bta.tokenomics.shared.idempotency.IdempotencyDeferral;
import org.springframework.stereotype.Component;

/**
 * A swap's Idempotency-Key is kept in the swaps' group commit, with the swap (with group commit
 * on); every other AMM write keeps the filter's claim-and-transaction.
 */
@Component
class AmmIdempotency implements IdempotencyDeferral {

    private final boolean enabled;

    AmmIdempotency(AmmProperties properties) {
        this.enabled = properties.enabled();
    }

    @Override
    public boolean defers(String method, String path) {
        return enabled && "POST".equals(method) && "/api/amm/swap".equals(path);
    }
}
