package io.bta.tokenomics.audit;

import io.bta.tokenomics.audit.internal.AuditStore;
import io.bta.tokenomics.audit.internal.ChainSealer;
import io.bta.tokenomics.audit.internal.ChainVerifier;
import io.bta.tokenomics.audit.internal.Hashes;
import io.bta.tokenomics.audit.internal.MerkleTree;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TxHash;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.web.Cursors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit chain's facade. Every committed ledger transaction is sealed, in sequence order, into
 * exactly one block; each block's hash commits to its transactions (through the Merkle root) and to
 * every block before it. Sealed blocks and entries are never changed; only their anchor is added.
 */
@Service
public class Audit {

    /** How many unsealed transactions one read of the ledger's log hashes, looking for one. */
    static final int TAIL_PAGE = 1_000;

    private final ChainSealer sealer;
    private final ChainVerifier verifier;
    private final AuditStore store;
    private final ChainProperties chain;
    private final Ledger ledger;

    Audit(ChainSealer sealer, ChainVerifier verifier, AuditStore store, ChainProperties chain, Ledger ledger) {
        this.sealer = sealer;
        this.verifier = verifier;
        this.store = store;
        this.chain = chain;
        this.ledger = ledger;
    }

    /**
     * What the background sealer does: seals full blocks of {@code block-size} transactions, and a
     * partial block once its oldest transaction is {@code max-block-age} old. Returns the heights
     * sealed, none if another sealer is at work.
     */
    public List<Long> seal() {
        return sealer.seal(false);
    }

    /** Seals every committed transaction now, the last block possibly partial. */
    public List<Long> sealAll() {
        return sealer.seal(true);
    }

    /** The height of the last sealed block; 0 before the first. */
    @Transactional(readOnly = true)
    public long lastHeight() {
        return store.head().lastHeight();
    }

    /** The last sequence sealed into a block; 0 before the first. */
    @Transactional(readOnly = true)
    public long lastSealedSequence() {
        return store.head().lastSequence();
    }

    /** Sealed blocks, newest first, after the given cursor. */
    @Transactional(readOnly = true)
    public Page<AuditBlock> blocks(int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : Cursors.decodeLong(cursor);
        var rows = store.blocksBefore(before, limit + 1);
        var blocks = rows.stream().limit(limit).map(this::toBlock).toList();
        String next = rows.size() > limit
                ? Cursors.encode(Long.toString(blocks.get(limit - 1).height()))
                : null;
        return new Page<>(blocks, next);
    }

    @Transactional(readOnly = true)
    public AuditBlock block(long height) {
        return store.block(height).map(this::toBlock).orElseThrow(() -> AuditProblems.unknownBlock(height));
    }

    /**
     * The ledger transaction whose txHash is {@code txHash}, sealed or not. A sealed one is found
     * through the index on the entries' hashes; one not yet sealed by hashing, through the ledger's
     * facade, the transactions after the chain's head (the unsealed tail: usually a few, at most
     * what the sealer is behind). The head is read first, so a block sealed meanwhile is still in
     * the range hashed: a transaction committed before the call is never missed. After a rewrite of
     * a sealed ledger row, the sealed hash still finds the row, whose own txHash then differs from it
     * (as {@link #verify} reports).
     */
    @Transactional(readOnly = true)
    public Optional<LedgerTransaction> transaction(TxHash txHash) {
        long sealedUpTo = store.head().lastSequence();
        var sealed = store.entryByTxHash(txHash.bytes());
        if (sealed.isPresent()) {
            return ledgerAt(sealed.get().sequence());
        }
        long after = sealedUpTo;
        while (true) {
            var tail = ledger.transactionsAfter(after, TAIL_PAGE);
            for (var t : tail) {
                if (t.txHash().equals(txHash)) {
                    return Optional.of(t);
                }
            }
            if (tail.size() < TAIL_PAGE) {
                return Optional.empty();
            }
            after = tail.get(tail.size() - 1).sequence();
        }
    }

    /**
     * The transaction with this hash, for a reader who is one of its parties or an admin: {@code 404
     * UNKNOWN_TRANSACTION} if none has it, then {@code 403 NOT_A_PARTY}. The 404 comes first, as for
     * a proof: a hash cannot be guessed, so saying that one exists tells nothing to whoever did not
     * see it.
     */
    @Transactional(readOnly = true)
    public LedgerTransaction transaction(TxHash txHash, EntityId reader, boolean admin) {
        var transaction = transaction(txHash).orElseThrow(() -> AuditProblems.unknownTransactionHash(txHash));
        requirePartyOrAdmin(transaction, reader, admin, "it");
        return transaction;
    }

    /**
     * The inclusion proof of ledger transaction {@code transactionId}, for a reader who is one of its
     * parties or an admin: {@code 404 UNKNOWN_TRANSACTION}, then {@code 403 NOT_A_PARTY}, then
     * {@code 409 NOT_YET_SEALED}.
     */
    @Transactional(readOnly = true)
    public InclusionProof proof(UUID transactionId, EntityId reader, boolean admin) {
        var transaction = ledger.transaction(transactionId)
                .orElseThrow(() -> AuditProblems.unknownTransaction(transactionId.toString()));
        requirePartyOrAdmin(transaction, reader, admin, "its proof");
        return proof(transaction);
    }

    private static void requirePartyOrAdmin(LedgerTransaction t, EntityId reader, boolean admin, String what) {
        if (!admin && !t.isParty(reader)) {
            throw AuditProblems.notAParty(what);
        }
    }

    /**
     * The inclusion proof of a ledger transaction (read by the caller through the ledger): its
     * sealed hash, the path to its block's root, the block, and the first confirmed anchor at or
     * above it. {@code NOT_YET_SEALED} (409) until the sealer has reached it.
     */
    @Transactional(readOnly = true)
    public InclusionProof proof(LedgerTransaction transaction) {
        var entry = store.entry(transaction.sequence())
                .orElseThrow(() -> AuditProblems.notYetSealed(
                        transaction.sequence(), store.head().lastSequence()));
        var block = store.blockHolding(entry.sequence()).orElseThrow();
        int leafIndex = Math.toIntExact(entry.sequence() - block.firstSequence());
        var hashes = store.entries(block).stream().map(AuditStore.Entry::txHash).toList();
        var path = new ArrayList<InclusionProof.Step>();
        for (var step : MerkleTree.path(hashes, leafIndex)) {
            path.add(new InclusionProof.Step(
                    step.side() == MerkleTree.Side.LEFT ? InclusionProof.Side.LEFT : InclusionProof.Side.RIGHT,
                    Hashes.hex(step.hash())));
        }
        var anchor = store.firstAnchoredAtOrAbove(block.height())
                .map(a -> new InclusionProof.ChainAnchor(
                        a.height(), Hashes.hex(a.blockHash()), a.chainTxHash(), a.chainBlockNumber(), a.anchoredAt()))
                .orElse(null);
        return new InclusionProof(transaction, Hashes.hex(entry.txHash()), leafIndex, path, toBlock(block), anchor);
    }

    /**
     * Recomputes the chain over heights {@code fromHeight..toHeight} (each optional: the first and
     * the last block) against the ledger as it is now. A range outside the sealed heights is a 400.
     */
    @Transactional(readOnly = true)
    public Verification verify(Long fromHeight, Long toHeight) {
        long last = store.head().lastHeight();
        var in = new Inputs();
        if (fromHeight != null && fromHeight < 1) {
            in.reject("fromHeight", "must be at least 1");
        }
        if (toHeight != null && toHeight < 1) {
            in.reject("toHeight", "must be at least 1");
        }
        if (fromHeight != null && toHeight != null && fromHeight > toHeight) {
            in.reject("fromHeight", "must not be above toHeight");
        }
        if (fromHeight != null && fromHeight > last) {
            in.reject("fromHeight", "must be at most the last sealed height (" + last + ")");
        }
        if (toHeight != null && toHeight > last) {
            in.reject("toHeight", "must be at most the last sealed height (" + last + ")");
        }
        in.check();
        if (last == 0) {
            return new Verification(true, null, null, null);
        }
        return verifier.verify(fromHeight == null ? 1 : fromHeight, toHeight == null ? last : toHeight);
    }

    /** The ledger's transaction at a sequence (sequences have no gaps). */
    private Optional<LedgerTransaction> ledgerAt(long sequence) {
        return ledger.transactionsAfter(sequence - 1, 1).stream()
                .filter(t -> t.sequence() == sequence)
                .findFirst();
    }

    private AuditBlock toBlock(AuditStore.BlockRow row) {
        return row.toBlock(chain.anchoring() && row.height() % chain.anchorEvery() == 0);
    }
}
