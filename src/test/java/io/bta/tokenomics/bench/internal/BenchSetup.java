package io.bta.tokenomics.bench.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.util.ArrayList;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Prepares many accounts quickly, before a workload is measured: a transfer to, or a lock on,
 * each of {@code prefix + first .. prefix + (first + count - 1)}, applied through {@link
 * Ledger#applyEach} in chunks (one database transaction per chunk). Set-up only: the chunks are
 * not what any workload measures.
 */
@Component
@Profile("bench")
class BenchSetup {

    static final int CHUNK = 1_000;

    enum Operation {
        TRANSFER,
        LOCK
    }

    record Result(long applied, long refused, long elapsedMillis) {}

    private final Ledger ledger;

    BenchSetup(Ledger ledger) {
        this.ledger = ledger;
    }

    Result apply(
            Operation operation,
            String tokenIdentifier,
            EntityId from,
            String prefix,
            int first,
            int count,
            Amount amount,
            EntityId actor) {
        var token = ledger.resolve(tokenIdentifier);
        long start = System.nanoTime();
        long applied = 0;
        long refused = 0;
        for (int chunkStart = first; chunkStart < first + count; chunkStart += CHUNK) {
            int chunkEnd = Math.min(first + count, chunkStart + CHUNK);
            var operations = new ArrayList<LedgerOperation>(chunkEnd - chunkStart);
            for (int i = chunkStart; i < chunkEnd; i++) {
                var entity = EntityId.of(prefix + i);
                operations.add(
                        operation == Operation.TRANSFER
                                ? new LedgerOperation.Transfer(token, from, entity, amount, "bench set-up", actor)
                                : new LedgerOperation.Lock(token, entity, amount, "bench set-up", actor));
            }
            for (var outcome : ledger.applyEach(operations)) {
                if (outcome instanceof OperationOutcome.Applied) {
                    applied++;
                } else {
                    refused++;
                }
            }
        }
        return new Result(applied, refused, (System.nanoTime() - start) / 1_000_000);
    }
}
