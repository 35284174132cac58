package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.batching.BatchCommitter;
import io.bta.tokenomics.shared.error.Unavailable;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of claims: every claim of a campaign pays out of one escrow balance, whose row the
 * ledger locks for the rest of the transaction, so claims in transactions of their own would wait
 * for each other's commit. Claims queued by many requests are applied by one thread, in the order
 * queued, in one database transaction, each in a savepoint of its own with its own checks and
 * answer: a refused claim rolls back to its savepoint and changes nothing; the others commit
 * together. Answers are given once the batch has committed.
 */
@Component
class ClaimCommitter extends BatchCommitter<ClaimCommitter.Item> {

    record Item(
            AirdropId airdrop,
            EntityId claimant,
            BigDecimal trustScore,
            EntityId actor,
            CompletableFuture<AirdropClaim> answer) {}

    /** Applies one claim inside the current transaction, or throws its refusal; then announces the batch's claims. */
    interface Body {
        AirdropClaim apply(AirdropId airdrop, EntityId claimant, BigDecimal trustScore, EntityId actor);

        /** Called in the batch's transaction, after its claims, with those that were paid (maybe none). */
        void paid(List<AirdropClaim> claims);
    }

    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate savepoint;
    private final AirdropsProperties properties;
    private volatile Body body;

    ClaimCommitter(PlatformTransactionManager transactions, AirdropsProperties properties) {
        super(
                "airdrop-claim-writer",
                properties.queueCapacity(),
                properties.maxBatch(),
                properties.maxWait(),
                properties.answerTimeout());
        this.properties = properties;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void use(Body body) {
        this.body = body;
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** Queues a claim and waits for its batch: its answer, or its refusal. */
    AirdropClaim claim(AirdropId airdrop, EntityId claimant, BigDecimal trustScore, EntityId actor) {
        var item = new Item(airdrop, claimant, trustScore, actor, new CompletableFuture<>());
        if (!offer(item)) {
            throw Unavailable.of("AIRDROPS_BUSY", "too many airdrop claims are waiting; retry shortly");
        }
        return await(
                item.answer(),
                properties.answerTimeout(),
                "the claim did not commit in time; it may have been paid: its proof shows claimedAt once it is");
    }

    @Override
    protected void commit(List<Item> batch) {
        var outcomes = new Object[batch.size()];
        batchTransaction.executeWithoutResult(status -> {
            for (int i = 0; i < batch.size(); i++) {
                var item = batch.get(i);
                try {
                    outcomes[i] = savepoint.execute(
                            s -> body.apply(item.airdrop(), item.claimant(), item.trustScore(), item.actor()));
                } catch (RuntimeException refused) {
                    outcomes[i] = refused; // rolled back to its savepoint; the batch goes on
                }
            }
            var paid = new java.util.ArrayList<AirdropClaim>();
            for (var outcome : outcomes) {
                if (outcome instanceof AirdropClaim claim) {
                    paid.add(claim);
                }
            }
            body.paid(paid);
        });
        for (int i = 0; i < batch.size(); i++) {
            var answer = batch.get(i).answer();
            if (outcomes[i] instanceof AirdropClaim claim) {
                answer.complete(claim);
            } else {
                answer.completeExceptionally((RuntimeException) outcomes[i]);
            }
        }
    }

    @Override
    protected void fail(Item item, Throwable failure) {
        item.answer().completeExceptionally(failure);
    }

    @Override
    protected RuntimeException shuttingDown() {
        return Unavailable.of("AIRDROPS_UNAVAILABLE", "the airdrops are shutting down; retry");
    }
}
