package io.bta.tokenomics.amm;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.batching.BatchCommitter;
import io.bta.tokenomics.shared.batching.KeptAnswers;
import io.bta.tokenomics.shared.error.Unavailable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of swaps: swaps queued by many requests are applied by one thread, in the order
 * queued, in one database transaction. Each swap is computed on the reserves its predecessors in
 * the batch left, and has its own deadline and slippage check and its own answer: a refused swap
 * changes nothing; the others commit together. The batch is applied set-based ({@link
 * Body#applyAll}); if the ledger refuses it as a whole (a balance another writer moved after the
 * batch read it, a token paused meanwhile), it rolls back and the same swaps are applied again one
 * by one, each in a savepoint of its own. A swap's Idempotency-Key (its {@link KeptAnswers.Ticket})
 * is checked before and its answer recorded after the swaps, in the batch's transaction; a key
 * already answered replays its answer and applies nothing. Answers are given once the batch has committed.
 */
@Component
class SwapCommitter extends BatchCommitter<SwapCommitter.Item> {

    /**
     * What one swap needs: its trader and order, the trader's trust score when it had to be read
     * before the batch (from the trust engine; null when scores are local: the batch reads them all
     * in one query), its ticket (null without an Idempotency-Key) and how its outcome is answered.
     */
    record Item(
            EntityId trader,
            SwapOrder order,
            BigDecimal trustScore,
            KeptAnswers.Ticket ticket,
            Function<Object, KeptAnswers.Answer> render,
            CompletableFuture<Outcome> answer) {}

    /** A swap's outcome: its result or refusal, and its answer as kept (null without a renderer). */
    record Outcome(SwapResult result, RuntimeException refusal, KeptAnswers.Answer response) {}

    /** Applies swaps inside the current transaction. */
    interface Body {
        /** One swap, or throws its refusal. */
        SwapResult apply(EntityId trader, SwapOrder order, BigDecimal trustScore);

        /** A batch, set-based: per item its result or refusal; throws when the batch fails as a whole. */
        List<Object> applyAll(List<Item> items);
    }

    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate savepoint;
    private final AmmProperties properties;
    private final KeptAnswers kept;
    private volatile Body body;

    SwapCommitter(PlatformTransactionManager transactions, AmmProperties properties, KeptAnswers kept) {
        super(
                "amm-swap-writer",
                properties.queueCapacity(),
                properties.maxBatch(),
                properties.maxWait(),
                properties.answerTimeout());
        this.properties = properties;
        this.kept = kept;
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
        var outcome = submit(trader, order, trustScore, null, null);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.result();
    }

    /**
     * Queues a swap with its ticket and renderer and waits for its batch: its outcome, whose
     * response is the answer kept under the ticket (or replayed from it).
     */
    Outcome submit(
            EntityId trader,
            SwapOrder order,
            BigDecimal trustScore,
            KeptAnswers.Ticket ticket,
            Function<Object, KeptAnswers.Answer> render) {
        var item = new Item(trader, order, trustScore, ticket, render, new CompletableFuture<>());
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
        List<Outcome> outcomes;
        try {
            outcomes = batchTransaction.execute(status -> applyBatch(batch, true));
        } catch (RuntimeException wholeBatchRefused) {
            outcomes = oneByOne(batch, 2);
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(outcomes.get(i));
        }
    }

    /**
     * The batch again, each swap in a savepoint of its own; applied once more (up to {@code retries}
     * times) when another request took one of its Idempotency-Keys between the check and the record:
     * checked again, the batch finds that request's answer.
     */
    private List<Outcome> oneByOne(List<Item> batch, int retries) {
        try {
            return batchTransaction.execute(status -> applyBatch(batch, false));
        } catch (KeptAnswers.AnswerTaken taken) {
            if (retries == 0) {
                throw taken;
            }
            return oneByOne(batch, retries - 1);
        }
    }

    private List<Outcome> applyBatch(List<Item> batch, boolean setBased) {
        var tickets = new ArrayList<KeptAnswers.Ticket>();
        batch.stream().filter(i -> i.ticket() != null).forEach(i -> tickets.add(i.ticket()));
        var checked = tickets.isEmpty() ? null : kept.checkAll(tickets);
        var answered = checked == null ? Map.<KeptAnswers.Ticket, KeptAnswers.Answer>of() : checked.answered();
        var outcomes = new Outcome[batch.size()];
        var toApply = new ArrayList<Item>();
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < batch.size(); i++) {
            var item = batch.get(i);
            var stored = item.ticket() == null ? null : answered.get(item.ticket());
            if (stored != null) {
                outcomes[i] = new Outcome(null, null, stored);
            } else {
                toApply.add(item);
                positions.add(i);
            }
        }
        var results = setBased ? body.applyAll(toApply) : oneByOne(toApply);
        var completions = new HashMap<KeptAnswers.Ticket, KeptAnswers.Answer>();
        for (int k = 0; k < toApply.size(); k++) {
            var item = toApply.get(k);
            var result = results.get(k);
            var response = item.render() == null ? null : item.render().apply(result);
            if (item.ticket() != null) {
                completions.put(item.ticket(), response);
            }
            outcomes[positions.get(k)] = result instanceof SwapResult swap
                    ? new Outcome(swap, null, response)
                    : new Outcome(null, (RuntimeException) result, response);
        }
        if (!completions.isEmpty()) {
            checked.recordAll(completions); // in the batch's transaction, with the swaps
        }
        return List.of(outcomes);
    }

    private List<Object> oneByOne(List<Item> items) {
        var results = new ArrayList<Object>(items.size());
        for (var item : items) {
            try {
                results.add(savepoint.execute(s -> body.apply(item.trader(), item.order(), item.trustScore())));
            } catch (RuntimeException refused) {
                results.add(refused); // rolled back to its savepoint; the batch goes on
            }
        }
        return results;
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
