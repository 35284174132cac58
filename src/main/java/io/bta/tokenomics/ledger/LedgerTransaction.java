package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;
import java.util.UUID;

/**
 * One immutable entry of the ledger's history. {@code sequence} is global, increasing and without
 * gaps, in commit order. A mint has no sender, a burn no recipient; a lock or unlock names the same
 * entity on both sides. {@code actor} is who asked for it (an admin may act for an entity).
 */
public record LedgerTransaction(
        UUID id,
        long sequence,
        TransactionType type,
        TokenId tokenId,
        String symbol,
        EntityId fromEntityId,
        EntityId toEntityId,
        Amount amount,
        String memo,
        EntityId actor,
        Instant createdAt) {

    /**
     * SHA-256 of the transaction's canonical encoding: the hash the audit chain seals, equal to the
     * one in its inclusion proof. A function of the fields alone (the writer truncates
     * {@code createdAt} to the microseconds that the database stores), so the transaction answered at
     * write time and the same one read back later have the same hash; no column holds it.
     */
    public TxHash txHash() {
        return TxHash.of(TransactionEncoding.txHash(this));
    }

    /** Whether {@code entity} sent or received it: a transaction is its parties' to read. */
    public boolean isParty(EntityId entity) {
        return entity.equals(fromEntityId) || entity.equals(toEntityId);
    }
}
