package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.Anchor;
import io.bta.tokenomics.audit.Audit;
import io.bta.tokenomics.audit.AuditBlock;
import io.bta.tokenomics.audit.Verification;
import io.bta.tokenomics.ledger.TransactionView;
import io.bta.tokenomics.ledger.TxHash;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.db.ReplicaRead;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit chain's JSON API: blocks and verification under {@code /api/audit}, and, beside the
 * ledger's history (one path segment longer than {@code /api/tokens/transactions/{entityId}}), a
 * transaction's inclusion proof at {@code /api/tokens/transactions/{id}/proof} and a transaction
 * found by its hash at {@code /api/tokens/transactions/by-hash/{txHash}}: finding a sealed one
 * needs the audit chain's index, and the audit module may call the ledger, not the reverse.
 */
@RestController
@Tag(name = "Audit", description = "The tamper-evident chain of sealed ledger blocks, proofs and anchors")
class AuditController {

    record VerifyRequest(Long fromHeight, Long toHeight) {}

    private final Audit audit;

    AuditController(Audit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit/blocks")
    @ReplicaRead
    @Operation(summary = "Sealed blocks, newest first")
    Page<AuditBlock> blocks(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        boolean admin = Caller.current().isAdmin();
        var in = new Inputs();
        int size = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return audit.blocks(size, position).map(b -> shown(b, admin));
    }

    @GetMapping("/api/audit/blocks/{height}")
    @ReplicaRead
    @Operation(summary = "One sealed block")
    @Refuses(status = 404, codes = "UNKNOWN_BLOCK")
    AuditBlock block(@PathVariable long height) {
        return shown(audit.block(height), Caller.current().isAdmin());
    }

    @GetMapping("/api/tokens/transactions/{id}/proof")
    @ReplicaRead
    @Operation(
            summary = "A transaction's Merkle inclusion proof, to check offline (a party of the transaction, or admin);"
                    + " 409 NOT_YET_SEALED until its block is sealed")
    @Refuses(status = 403, codes = "NOT_A_PARTY")
    @Refuses(status = 404, codes = "UNKNOWN_TRANSACTION")
    @Refuses(status = 409, codes = "NOT_YET_SEALED")
    ProofDocument proof(@PathVariable String id) {
        var caller = Caller.current();
        UUID transactionId;
        try {
            transactionId = Ids.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("id", "must be a transaction id (a UUID)");
        }
        return ProofDocument.of(audit.proof(transactionId, caller.id(), caller.isAdmin()));
    }

    @GetMapping("/api/tokens/transactions/by-hash/{txHash}")
    @ReplicaRead
    @Operation(
            summary = "A transaction by its txHash, sealed or not yet (a party of the transaction, or admin)",
            description = "The same document as an item of the history. txHash: exactly 64 hex digits, either case,"
                    + " without a 0x prefix (400 INVALID_INPUT otherwise). 404 UNKNOWN_TRANSACTION when no"
                    + " committed transaction has it; 403 NOT_A_PARTY for a caller who is neither its sender,"
                    + " its recipient nor an admin.")
    @Refuses(status = 403, codes = "NOT_A_PARTY")
    @Refuses(status = 404, codes = "UNKNOWN_TRANSACTION")
    TransactionView byHash(@PathVariable String txHash) {
        var caller = Caller.current();
        TxHash hash;
        try {
            hash = TxHash.parse(txHash);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("txHash", e.getMessage());
        }
        return TransactionView.of(audit.transaction(hash, caller.id(), caller.isAdmin()));
    }

    @PostMapping("/api/audit/verify")
    @Operation(summary = "Recompute hashes, Merkle roots and links over a range of blocks (admin)")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    Verification verify(@RequestBody(required = false) VerifyRequest request) {
        Caller.current().requireAdmin();
        return request == null ? audit.verify(null, null) : audit.verify(request.fromHeight(), request.toHeight());
    }

    /** A block as the caller may see it: why anchoring failed is for admins only. */
    private static AuditBlock shown(AuditBlock b, boolean admin) {
        var a = b.anchor();
        return admin
                ? b
                : new AuditBlock(
                        b.height(),
                        b.firstSequence(),
                        b.lastSequence(),
                        b.txCount(),
                        b.merkleRoot(),
                        b.previousHash(),
                        b.blockHash(),
                        b.sealedAt(),
                        b.headerVersion(),
                        b.histories(),
                        new Anchor(
                                a.status(),
                                a.chainTxHash(),
                                a.chainBlockNumber(),
                                a.anchoredAt(),
                                a.attempts(),
                                a.nextAttemptAt(),
                                null));
    }
}
