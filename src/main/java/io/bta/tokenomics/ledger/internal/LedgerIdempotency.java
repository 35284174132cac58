package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.GroupCommitProperties;
import io.bta.tokenomics.shared.idempotency.IdempotencyDeferral;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The single-operation endpoints record their Idempotency-Keys in their group-commit transaction
 * (with group commit on); the batch endpoint keeps the filter's claim-and-transaction.
 */
@Component
class LedgerIdempotency implements IdempotencyDeferral {

    private static final Set<String> PATHS = Set.of(
            "/api/tokens/transfer", "/api/tokens/mint", "/api/tokens/burn", "/api/tokens/lock", "/api/tokens/unlock");

    private final boolean enabled;

    LedgerIdempotency(GroupCommitProperties properties) {
        this.enabled = properties.enabled();
    }

    @Override
    public boolean defers(String method, String path) {
        return enabled && "POST".equals(method) && PATHS.contains(path);
    }
}
