package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import java.time.Instant;

/**
 * A ledger transaction as the JSON API shows it: in the history, in the answers of transfer, mint,
 * burn, lock, unlock and the batch, and in the audit module's lookup by hash, so that every one of
 * them answers the same document. {@code txHash} is {@link LedgerTransaction#txHash()}: lowercase
 * hex, the hash in the transaction's inclusion proof.
 */
public record TransactionView(
        String id,
        long sequence,
        String type,
        String tokenId,
        String symbol,
        String fromEntityId,
        String toEntityId,
        Amount amount,
        String memo,
        Instant createdAt,
        String txHash) {

    public static TransactionView of(LedgerTransaction t) {
        return new TransactionView(
                t.id().toString(),
                t.sequence(),
                t.type().name(),
                t.tokenId().toString(),
                t.symbol(),
                t.fromEntityId() == null ? null : t.fromEntityId().value(),
                t.toEntityId() == null ? null : t.toEntityId().value(),
                t.amount(),
                t.memo(),
                t.createdAt(),
                t.txHash().hex());
    }
}
