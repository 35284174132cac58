package io.bta.tokenomics.shared.idempotency;

/**
 * Declared by a module whose handlers record their Idempotency-Keys themselves, inside the database
 * transaction that carries their effects, through {@link IdempotencyKeys}. For such paths the
 * filter neither claims the key up front nor opens a transaction around the request: the ledger's
 * group commit, for example, applies many requests in one transaction of its own.
 */
public interface IdempotencyDeferral {

    boolean defers(String method, String path);
}
