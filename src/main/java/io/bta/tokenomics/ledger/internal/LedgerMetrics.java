package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.TransactionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code ledger_operations_total{type, outcome}}, counted wherever operations are applied. */
@Component
public class LedgerMetrics {

    private final Map<TransactionType, Counter> applied = new EnumMap<>(TransactionType.class);
    private final Map<TransactionType, Counter> refused = new EnumMap<>(TransactionType.class);

    LedgerMetrics(MeterRegistry meters) {
        for (var type : TransactionType.values()) {
            applied.put(type, meters.counter("ledger.operations", "type", type.name(), "outcome", "applied"));
            refused.put(type, meters.counter("ledger.operations", "type", type.name(), "outcome", "refused"));
        }
    }

    public void record(List<LedgerOperation> operations, List<OperationOutcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            var type = operations.get(i).type();
            (outcomes.get(i) instanceof OperationOutcome.Applied ? applied : refused)
                    .get(type)
                    .increment();
        }
    }
}
