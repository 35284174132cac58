package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.Verification;
import io.bta.tokenomics.audit.Verification.Kind;
import io.bta.tokenomics.audit.Verification.Mismatch;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TransactionEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain over a range of heights from what the ledger holds now: each transaction's
 * hash against the sealed one, each block's Merkle root, block hash and link to the block before.
 * Stops at the first mismatch. Transactions are checked before the block's own hashes, so a
 * rewritten ledger row is named as that transaction.
 */
@Component
public class ChainVerifier {

    private static final int LEDGER_PAGE = 10_000;

    private final Ledger ledger;
    private final AuditStore store;

    ChainVerifier(Ledger ledger, AuditStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    public Verification verify(long fromHeight, long toHeight) {
        byte[] previous = fromHeight == 1
                ? Hashes.ZERO
                : store.block(fromHeight - 1).orElseThrow().blockHash();
        for (long height = fromHeight; height <= toHeight; height++) {
            var block = store.block(height).orElseThrow();
            var mismatch = check(block, previous);
            if (mismatch != null) {
                return new Verification(false, fromHeight, height, mismatch);
            }
            previous = block.blockHash();
        }
        return new Verification(true, fromHeight, toHeight, null);
    }

    private Mismatch check(AuditStore.BlockRow block, byte[] previous) {
        long height = block.height();
        var entries = store.entries(height);
        if (entries.size() != block.txCount()) {
            return new Mismatch(
                    height, null, null, Kind.ENTRIES, block.txCount() + " entries", entries.size() + " entries");
        }
        var transactions = ledgerRange(block.firstSequence(), block.txCount());
        var hashes = new ArrayList<byte[]>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            long sequence = block.firstSequence() + i;
            if (entry.sequence() != sequence || entry.leafIndex() != i) {
                return new Mismatch(
                        height,
                        entry.sequence(),
                        entry.transactionId(),
                        Kind.ENTRIES,
                        "sequence " + sequence + " at leaf " + i,
                        "sequence " + entry.sequence() + " at leaf " + entry.leafIndex());
            }
            var t = i < transactions.size() ? transactions.get(i) : null;
            if (t == null || t.sequence() != sequence) {
                return new Mismatch(
                        height,
                        sequence,
                        entry.transactionId(),
                        Kind.TRANSACTION_MISSING,
                        entry.transactionId().toString(),
                        null);
            }
            if (!t.id().equals(entry.transactionId())) {
                return new Mismatch(
                        height,
                        sequence,
                        entry.transactionId(),
                        Kind.TRANSACTION_ID,
                        entry.transactionId().toString(),
                        t.id().toString());
            }
            var recomputed = TransactionEncoding.txHash(t);
            if (!Arrays.equals(recomputed, entry.txHash())) {
                return new Mismatch(
                        height, sequence, t.id(), Kind.TX_HASH, Hashes.hex(entry.txHash()), Hashes.hex(recomputed));
            }
            hashes.add(entry.txHash());
        }
        var root = MerkleTree.root(hashes);
        if (!Arrays.equals(root, block.merkleRoot())) {
            return new Mismatch(height, null, null, Kind.MERKLE_ROOT, Hashes.hex(block.merkleRoot()), Hashes.hex(root));
        }
        if (!Arrays.equals(previous, block.previousHash())) {
            return new Mismatch(
                    height, null, null, Kind.PREVIOUS_HASH, Hashes.hex(previous), Hashes.hex(block.previousHash()));
        }
        var blockHash = BlockHashing.blockHash(
                block.previousHash(), block.merkleRoot(), height, block.firstSequence(), block.lastSequence());
        if (!Arrays.equals(blockHash, block.blockHash())) {
            return new Mismatch(
                    height, null, null, Kind.BLOCK_HASH, Hashes.hex(block.blockHash()), Hashes.hex(blockHash));
        }
        return null;
    }

    private List<LedgerTransaction> ledgerRange(long firstSequence, int count) {
        var result = new ArrayList<LedgerTransaction>(count);
        long after = firstSequence - 1;
        while (result.size() < count) {
            var page = ledger.transactionsAfter(after, Math.min(LEDGER_PAGE, count - result.size()));
            if (page.isEmpty()) {
                break;
            }
            result.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }
        return result;
    }
}
