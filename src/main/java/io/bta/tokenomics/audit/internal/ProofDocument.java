package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.InclusionProof;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TransactionEncoding;
import java.time.Instant;
import java.util.List;

/**
 * An inclusion proof as the JSON document an offline verifier reads: the transaction's fields
 * exactly as they are encoded for its txHash (with the encoding's version), the sibling path, the
 * block header in the order its hash covers, and the anchor. Its shape is the verifier's contract,
 * so it is written out here rather than left to the facade's records.
 */
record ProofDocument(
        ProofTransactionView transaction,
        String encoding,
        String txHash,
        int leafIndex,
        List<InclusionProof.Step> path,
        String merkleRoot,
        HeaderView block,
        String blockHash,
        InclusionProof.ChainAnchor anchor) {
    static ProofDocument of(InclusionProof p) {
        var b = p.block();
        return new ProofDocument(
                ProofTransactionView.of(p.transaction()),
                TransactionEncoding.VERSION,
                p.txHash(),
                p.leafIndex(),
                p.path(),
                b.merkleRoot(),
                new HeaderView(
                        b.height(),
                        b.firstSequence(),
                        b.lastSequence(),
                        b.txCount(),
                        b.previousHash(),
                        b.merkleRoot(),
                        b.blockHash(),
                        b.sealedAt(),
                        b.headerVersion(),
                        b.histories()),
                b.blockHash(),
                p.anchor());
    }

    /** The transaction's fields exactly as they are encoded for its txHash (amount with 18 decimals). */
    record ProofTransactionView(
            String id,
            long sequence,
            String type,
            String tokenId,
            String symbol,
            String fromEntityId,
            String toEntityId,
            String amount,
            String memo,
            String actor,
            Instant createdAt,
            long createdAtMicros) {
        static ProofTransactionView of(LedgerTransaction t) {
            return new ProofTransactionView(
                    t.id().toString(),
                    t.sequence(),
                    t.type().name(),
                    t.tokenId().value().toString(),
                    t.symbol(),
                    t.fromEntityId() == null ? null : t.fromEntityId().value(),
                    t.toEntityId() == null ? null : t.toEntityId().value(),
                    TransactionEncoding.amount(t),
                    t.memo(),
                    t.actor().value(),
                    t.createdAt(),
                    TransactionEncoding.micros(t.createdAt()));
        }
    }

    /**
     * The header; in version 2 the block hash also covers {@code histories} (see {@code
     * BlockHashing}), which is null in version 1.
     */
    record HeaderView(
            long height,
            long firstSequence,
            long lastSequence,
            int txCount,
            String previousHash,
            String merkleRoot,
            String blockHash,
            Instant sealedAt,
            int headerVersion,
            List<io.bta.tokenomics.audit.HistoryHead> histories) {}
}
