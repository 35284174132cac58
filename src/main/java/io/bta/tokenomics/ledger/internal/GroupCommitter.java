package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.GroupCommitProperties;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.shared.batching.BatchCommitter;
import io.bta.tokenomics.shared.batching.KeptAnswers;
import io.bta.tokenomics.shared.error.Unavailable;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: operations submitted concurrently (each its own request) are applied by one writer
 * thread, many to a database transaction, through {@link LedgerWriter#apply}. Each submitter's
 * future completes only after its batch has committed, with its own outcome: a refusal is its own,
 * never its neighbours'. A request's {@link KeptAnswers.Ticket} (its Idempotency-Key) travels with
 * its operation and is checked and recorded through the {@link KeptAnswers} port in the same
 * transaction, so a retried request never applies twice.
 *
 * <p>The writer takes the operations in submission order, so one thread submitting a sequence sees
 * it applied in that order. If a batch fails as a whole (a lost connection, an unexpected error),
 * each of its operations is tried again alone, so one bad operation cannot fail the others; if the
 * database is down, every waiting caller gets a 503, and nothing was applied.
 */
@Component
public class GroupCommitter extends BatchCommitter<GroupCommitter.Item> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** What a submitter gets: its outcome, and (if it gave a renderer) the response to send. */
    public record Result(OperationOutcome outcome, KeptAnswers.Answer response) {}

    record Item(
            LedgerOperation operation,
            KeptAnswers.Ticket ticket,
            Function<OperationOutcome, KeptAnswers.Answer> render,
            CompletableFuture<Result> answer,
            long queuedAt) {}

    private final LedgerWriter writer;
    private final KeptAnswers kept;
    private final TransactionTemplate transactions;
    private final GroupCommitProperties properties;
    private final LedgerMetrics metrics;
    private final DistributionSummary batchSizes;
    private final Timer queueWait;

    GroupCommitter(
            LedgerWriter writer,
            KeptAnswers kept,
            TransactionTemplate transactions,
            GroupCommitProperties properties,
            LedgerMetrics metrics,
            MeterRegistry meters) {
        super(
                "ledger-group-commit",
                properties.queueCapacity(),
                properties.maxBatch(),
                properties.maxWait(),
                properties.answerTimeout());
        this.writer = writer;
        this.kept = kept;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        this.batchSizes = DistributionSummary.builder("ledger.group_commit.batch_size")
                .description("operations applied per group-commit transaction")
                .publishPercentileHistogram()
                .register(meters);
        this.queueWait = Timer.builder("ledger.group_commit.wait")
                .description("time from submission to the commit of the operation's batch")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("ledger.group_commit.queued", this, GroupCommitter::queued)
                .description("operations waiting for the writer")
                .register(meters);
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Queues an operation for the next batch. With a ticket (a request's Idempotency-Key), {@code
     * render} turns the outcome into the answer that is kept with the ticket (in the batch's
     * transaction) and sent.
     */
    public CompletableFuture<Result> submit(
            LedgerOperation operation,
            KeptAnswers.Ticket ticket,
            Function<OperationOutcome, KeptAnswers.Answer> render) {
        var answer = new CompletableFuture<Result>();
        if (ticket != null && render == null) {
            throw new IllegalArgumentException("an idempotent operation needs a renderer");
        }
        if (!isRunning()) {
            throw Unavailable.of("LEDGER_UNAVAILABLE", "the ledger is not accepting operations now; retry");
        }
        if (ticket != null) {
            ticket.markHandled();
        }
        if (!offer(new Item(operation, ticket, render, answer, System.nanoTime()))) {
            throw Unavailable.of("LEDGER_BUSY", "the ledger has too many operations waiting; retry shortly");
        }
        return answer;
    }

    /** Waits for a submitted operation's batch to commit. */
    public Result await(CompletableFuture<Result> answer) {
        return await(
                answer,
                properties.answerTimeout(),
                "the ledger did not answer in time; the operation may still apply: retry with the same"
                        + " Idempotency-Key to learn its outcome");
    }

    @Override
    protected void fail(Item item, Throwable failure) {
        item.answer().completeExceptionally(failure);
    }

    @Override
    protected RuntimeException shuttingDown() {
        return Unavailable.of("LEDGER_UNAVAILABLE", "the service is shutting down; retry");
    }

    /** Applies a batch in one transaction; if the transaction fails, each item alone. */
    @Override
    protected void commit(List<Item> batch) {
        commit(batch, 2);
    }

    /**
     * Commits a batch; {@code retries}: how many times a single operation is applied again when
     * another request took its Idempotency-Key between the check and the record (checked again,
     * it finds that request's answer).
     */
    private void commit(List<Item> batch, int retries) {
        List<Result> results;
        var applied = new boolean[1];
        try {
            results = transactions.execute(tx -> {
                var r = applyBatch(batch);
                applied[0] = true;
                return r;
            });
        } catch (RuntimeException e) {
            if (applied[0]) {
                // The commit itself failed: it may or may not have happened, so nothing is retried.
                // A caller with an Idempotency-Key learns the outcome by retrying with it.
                log.error("commit of a group of {} ledger operations failed; outcome unknown", batch.size(), e);
                for (var item : batch) {
                    item.answer()
                            .completeExceptionally(Unavailable.of(
                                    "OUTCOME_UNKNOWN",
                                    "the database failed while committing; the operation may have applied: retry"
                                            + " with the same Idempotency-Key to learn its outcome"));
                }
                return;
            }
            if (batch.size() == 1 && e instanceof KeptAnswers.AnswerTaken && retries > 0) {
                commit(batch, retries - 1);
                return;
            }
            if (batch.size() == 1) {
                log.warn("ledger operation failed: {}", e.toString());
                batch.get(0).answer().completeExceptionally(e);
                return;
            }
            log.warn(
                    "group commit of {} operations failed ({}); applying them one at a time",
                    batch.size(),
                    e.toString());
            for (var item : batch) {
                commit(List.of(item));
            }
            return;
        }
        batchSizes.record(batch.size());
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            var item = batch.get(i);
            queueWait.record(now - item.queuedAt(), TimeUnit.NANOSECONDS);
            item.answer().complete(results.get(i));
        }
    }

    private List<Result> applyBatch(List<Item> batch) {
        var results = new Result[batch.size()];
        var tickets = new ArrayList<KeptAnswers.Ticket>();
        for (var item : batch) {
            if (item.ticket() != null) {
                tickets.add(item.ticket());
            }
        }
        var checked = tickets.isEmpty() ? null : kept.checkAll(tickets);
        var answered = checked == null ? Map.<KeptAnswers.Ticket, KeptAnswers.Answer>of() : checked.answered();
        var toApply = new ArrayList<LedgerOperation>(batch.size());
        var positions = new ArrayList<Integer>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var item = batch.get(i);
            var stored = item.ticket() == null ? null : answered.get(item.ticket());
            if (stored != null) {
                results[i] = new Result(null, stored);
            } else {
                toApply.add(item.operation());
                positions.add(i);
            }
        }
        var outcomes = writer.apply(toApply);
        metrics.record(toApply, outcomes);
        var completions = new HashMap<KeptAnswers.Ticket, KeptAnswers.Answer>();
        for (int k = 0; k < outcomes.size(); k++) {
            int i = positions.get(k);
            var item = batch.get(i);
            var outcome = outcomes.get(k);
            var response = item.render() == null ? null : item.render().apply(outcome);
            if (item.ticket() != null) {
                completions.put(item.ticket(), response);
            }
            results[i] = new Result(outcome, response);
        }
        if (!completions.isEmpty()) {
            checked.recordAll(completions); // right after the write, in its transaction
        }
        return List.of(results);
    }
}
