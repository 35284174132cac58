package io.bta.tokenomics.amm;

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
 * Group commit of swaps: swaps queued by many requests are applied by one thread, in the order
 * queued, in one database transaction, each in a savepoint of its own. Each swap is computed on the
 * reserves its predecessors in the batch left, and has its own deadline and slippage check and its
 * own answer: a refused swap rolls back to its savepoint and changes nothing; the others commit
 * together. Answers are given once the batch has committed.
 */
@Component
class SwapCommitter extends BatchCommitter<SwapCommitter.Item> {

    /** What one swap needs, decided before it is queued (the trust score is read by the request's thread). */
    record Item(EntityId trader, SwapOrder order, BigDecimal trustScore, CompletableFuture<SwapResult> answer) {}

    /** Applies one swap inside the current transaction, or throws its refusal. */
    interface Body {
        SwapResult apply(EntityId trader, SwapOrder order, BigDecimal trustScore);
    }

    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate savepoint;
    private final AmmProperties properties;
    private volatile Body body;

    SwapCommitter(PlatformTransactionManager transactions, AmmProperties properties) {
        super(
                "amm-swap-writer",
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

    /** Queues a swap and waits for its batch: its answer, or its refusal. */
    SwapResult swap(EntityId trader, SwapOrder order, BigDecimal trustScore) {
        var item = new Item(trader, order, trustScore, new CompletableFuture<>());
        if (!offer(item)) {
            throw Unavailable.of("AMM_BUSY", "the AMM has too many swaps waiting; retry shortly");
        }
        return await(
                item.answer(),
                properties.answerTimeout(),
                "the swap did not commit in time; it may have applied: retry with the same Idempotency-Key to learn"
                        + " its outcome");
    }

    @Override
    protected void commit(List<Item> batch) {
        var outcomes = new Object[batch.size()];
        batchTransaction.executeWithoutResult(status -> {
            for (int i = 0; i < batch.size(); i++) {
                var item = batch.get(i);
                try {
                    outcomes[i] = savepoint.execute(s -> body.apply(item.trader(), item.order(), item.trustScore()));
                } catch (RuntimeException refused) {
                    outcomes[i] = refused; // rolled back to its savepoint; the batch goes on
                }
            }
        });
        for (int i = 0; i < batch.size(); i++) {
            var answer = batch.get(i).answer();
            if (outcomes[i] instanceof SwapResult result) {
                answer.complete(result);
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
        return Unavailable.of("AMM_UNAVAILABLE", "the AMM is shutting down; retry");
    }
}
