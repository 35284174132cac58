package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.AuditProperties;
import io.bta.tokenomics.audit.HistoryHead;
import io.bta.tokenomics.audit.SealedHistory;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TransactionEncoding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed ledger transactions into blocks, one block per database transaction. The ledger
 * is only read (a plain select of committed rows, no lock), so the write path never waits for it.
 * The head row of the chain is locked with {@code skip locked}: a second sealer, in this process or
 * another instance, finds it taken and returns at once; the unique height, the unique and
 * non-overlapping sequence ranges stop a double seal even if that lock were bypassed.
 *
 * <p>Each block also commits to the heads of the {@link SealedHistory} beans (header version 2),
 * read when it is sealed; a history that changed while the ledger did not is committed to by the
 * next block.
 */
@Component
public class ChainSealer {

    private final Ledger ledger;
    private final AuditStore store;
    private final Clock clock;
    private final AuditProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SealedHistory> histories;

    ChainSealer(
            Ledger ledger,
            AuditStore store,
            Clock clock,
            AuditProperties properties,
            PlatformTransactionManager transactionManager,
            ObjectProvider<SealedHistory> histories) {
        this.histories = histories;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Seals full blocks, then a partial one if its oldest transaction has waited
     * {@code max-block-age} (or at once with {@code force}). Returns the heights sealed; none when
     * another sealer holds the head.
     */
    public List<Long> seal(boolean force) {
        var sealed = new ArrayList<Long>();
        while (true) {
            var height = transactions.execute(status -> sealOne(force));
            if (height == null || height.isEmpty()) {
                return sealed;
            }
            sealed.add(height.get());
        }
    }

    private Optional<Long> sealOne(boolean force) {
        var locked = store.lockHeadOrSkip();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        var head = locked.get();
        var batch = ledger.transactionsAfter(head.lastSequence(), properties.blockSize());
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        boolean full = batch.size() == properties.blockSize();
        var oldest = batch.get(0).createdAt();
        if (!full && !force && clock.instant().isBefore(oldest.plus(properties.maxBlockAge()))) {
            return Optional.empty();
        }
        long first = head.lastSequence() + 1;
        var hashes = new ArrayList<byte[]>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var t = batch.get(i);
            if (t.sequence() != first + i) {
                // The ledger promises gap-free sequences in commit order; a gap means that promise broke.
                throw new IllegalStateException(
                        "ledger sequence " + t.sequence() + " found where " + (first + i) + " was expected");
            }
            hashes.add(TransactionEncoding.txHash(t));
        }
        long last = first + batch.size() - 1;
        long height = head.lastHeight() + 1;
        var root = MerkleTree.root(hashes);
        var heads = heads();
        var blockHash = BlockHashing.blockHash(head.lastBlockHash(), root, height, first, last, heads);
        store.insertBlock(height, first, last, root, head.lastBlockHash(), blockHash, clock.instant(), heads);
        store.insertEntries(first, hashes.toArray(byte[][]::new));
        store.advanceHead(height, last, blockHash);
        return Optional.of(height);
    }

    /** The heads of the other histories now, in name order. */
    private List<HistoryHead> heads() {
        return histories
                .orderedStream()
                .map(h -> {
                    var head = h.head();
                    return new HistoryHead(h.name(), head.sequence(), Hashes.hex(head.hash()));
                })
                .sorted(Comparator.comparing(HistoryHead::name))
                .toList();
    }
}
