package io.bta.tokenomics.shared.db;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The highest ledger sequence this instance has written (the ledger records every sequence it
 * takes). Its writes' answers carry it as {@code Ledger-Sequence}: a read that asks for at least
 * that sequence sees the write, since sequences are taken in commit order under the ledger head's
 * row lock.
 */
@Component
public class LedgerSequences {

    public static final String HEADER = "Ledger-Sequence";

    private final AtomicLong highest = new AtomicLong();

    public void written(long sequence) {
        highest.accumulateAndGet(sequence, Math::max);
    }

    public long highest() {
        return highest.get();
    }
}
