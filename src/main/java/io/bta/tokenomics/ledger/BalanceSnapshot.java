package io.bta.tokenomics.ledger;

import java.util.List;

/**
 * The balances of several entities read at one moment: exactly the effect of the transactions up
 * to {@code sequence}, none of those after it. Reads of one entity at a time are no such cut: a
 * transfer committed between two reads would be counted twice or not at all.
 */
public record BalanceSnapshot(long sequence, List<Balance> balances) {

    public BalanceSnapshot {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
        balances = List.copyOf(balances);
    }
}
