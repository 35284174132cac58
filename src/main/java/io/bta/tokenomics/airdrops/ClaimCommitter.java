package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.shared.batching.BatchCommitter;
import io.bta.tokenomics.shared.error.Unavailable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of claims: every claim of a campaign pays out of one escrow balance, whose row the
 * ledger locks for the rest of the transaction, so claims in transactions of their own would wait
 * for each other's commit. Claims queued by many requests are applied by one thread, in the order
 * queued, in one database transaction and a few statements ({@code Airdrops.claimAll}), each with
 * its own checks and answer: a refused claim changes nothing and the others commit together.
 * Answers are given once the batch has committed.
 */
@Component
class ClaimCommitter extends BatchCommitter<ClaimCommitter.Item> {

    record Item(Airdrops.ClaimRequest request, CompletableFuture<AirdropClaim> answer) {}

    /** Applies the claims inside the current transaction: each one's claim or refusal, in order. */
    interface Body {
        List<Object> apply(List<Airdrops.ClaimRequest> requests);
    }

    private final TransactionTemplate batchTransaction;
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
    }

    void use(Body body) {
        this.body = body;
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** Queues a claim and waits for its batch: its answer, or its refusal. */
    AirdropClaim claim(Airdrops.ClaimRequest request) {
        var item = new Item(request, new CompletableFuture<>());
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
        var outcomes = batchTransaction.execute(
                status -> body.apply(batch.stream().map(Item::request).toList()));
        for (int i = 0; i < batch.size(); i++) {
            var answer = batch.get(i).answer();
            if (outcomes.get(i) instanceof AirdropClaim claim) {
                answer.complete(claim);
            } else {
                answer.completeExceptionally((RuntimeException) outcomes.get(i));
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
