package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.SealedHistory;
import io.bta.tokenomics.audit.Verification;
import io.bta.tokenomics.audit.Verification.Kind;
import io.bta.tokenomics.audit.Verification.Mismatch;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TransactionEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain over a range of heights from what the ledger holds now: each transaction's
 * hash against the sealed one, each block's Merkle root, block hash and link to the block before.
 * Stops at the first mismatch. Transactions are checked before the block's own hashes, so a
 * rewritten ledger row is named as that transaction. A version 2 block's history heads are checked
 * against each history recomputed now (one pass per history over the whole range).
 */
@Component
public class ChainVerifier {

    private static final int LEDGER_PAGE = 10_000;

    private final Ledger ledger;
    private final AuditStore store;
    private final ObjectProvider<SealedHistory> histories;

    ChainVerifier(Ledger ledger, AuditStore store, ObjectProvider<SealedHistory> histories) {
        this.ledger = ledger;
        this.store = store;
        this.histories = histories;
    }

    public Verification verify(long fromHeight, long toHeight) {
        byte[] previous = fromHeight == 1
                ? Hashes.ZERO
                : store.block(fromHeight - 1).orElseThrow().blockHash();
        var recomputed = recomputedHeads(fromHeight, toHeight);
        for (long height = fromHeight; height <= toHeight; height++) {
            var block = store.block(height).orElseThrow();
            var mismatch = check(block, previous, recomputed);
            if (mismatch != null) {
                return new Verification(false, fromHeight, height, mismatch);
            }
            previous = block.blockHash();
        }
        return new Verification(true, fromHeight, toHeight, null);
    }

    /** Per history name, the hash recomputed now at each sequence the range's blocks committed to. */
    private Map<String, Map<Long, byte[]>> recomputedHeads(long fromHeight, long toHeight) {
        var wanted = new HashMap<String, TreeSet<Long>>();
        for (long height = fromHeight; height <= toHeight; height++) {
            var block = store.block(height).orElseThrow();
            if (block.histories() != null) {
                block.histories().forEach(h -> wanted.computeIfAbsent(h.name(), n -> new TreeSet<>())
                        .add(h.sequence()));
            }
        }
        var result = new HashMap<String, Map<Long, byte[]>>();
        histories.orderedStream().forEach(h -> {
            var sequences = wanted.get(h.name());
            if (sequences != null) {
                result.put(h.name(), h.recomputedHashes(sequences));
            }
        });
        return result;
    }

    private Mismatch check(AuditStore.BlockRow block, byte[] previous, Map<String, Map<Long, byte[]>> heads) {
        long height = block.height();
        var entries = store.entries(block);
        if (entries.size() != block.txCount()) {
            return new Mismatch(
                    height, null, null, Kind.ENTRIES, block.txCount() + " entries", entries.size() + " entries");
        }
        var transactions = ledgerRange(block.firstSequence(), block.txCount());
        var hashes = new ArrayList<byte[]>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            long sequence = block.firstSequence() + i;
            var t = i < transactions.size() ? transactions.get(i) : null;
            if (t == null || t.sequence() != sequence) {
                return new Mismatch(height, sequence, null, Kind.TRANSACTION_MISSING, Hashes.hex(entry.txHash()), null);
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
        if (block.histories() != null) {
            for (var head : block.histories()) {
                var now = heads.getOrDefault(head.name(), Map.of()).get(head.sequence());
                var actual = now == null ? null : Hashes.hex(now);
                if (!head.hash().equals(actual)) {
                    return new Mismatch(
                            height,
                            head.sequence(),
                            null,
                            Kind.HISTORY,
                            head.name() + " " + head.sequence() + " " + head.hash(),
                            actual == null ? null : head.name() + " " + head.sequence() + " " + actual);
                }
            }
        }
        var blockHash = block.headerVersion() == 1
                ? BlockHashing.blockHash(
                        block.previousHash(), block.merkleRoot(), height, block.firstSequence(), block.lastSequence())
                : BlockHashing.blockHash(
                        block.previousHash(),
                        block.merkleRoot(),
                        height,
                        block.firstSequence(),
                        block.lastSequence(),
                        block.histories());
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
