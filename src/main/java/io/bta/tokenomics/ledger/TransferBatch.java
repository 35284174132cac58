package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Forbidden;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Transfers a client sends as one list, up to {@link #MAX} in one database transaction: {@code
 * ATOMIC}, all apply or none; {@code INDEPENDENT}, each applies or is refused alone. Each transfer
 * is authorized as a single one would be: its sender must be the caller, unless the caller is an
 * admin.
 */
public record TransferBatch(Mode mode, List<LedgerOperation.Transfer> transfers) {

    public static final int MAX = 1000;

    public enum Mode {
        ATOMIC,
        INDEPENDENT;

        public static final String REQUIRED = "is required: ATOMIC or INDEPENDENT";
        public static final String UNKNOWN = "must be ATOMIC or INDEPENDENT";

        /** A mode named in any case, or an {@link IllegalArgumentException} with the client's message. */
        public static Mode parse(String text) {
            if (text == null) {
                throw new IllegalArgumentException(REQUIRED);
            }
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(UNKNOWN);
            }
        }
    }

    public TransferBatch {
        Objects.requireNonNull(mode, "mode");
        transfers = List.copyOf(transfers);
        checkSize(transfers.size());
    }

    /** Refuses a list that is empty or longer than {@link #MAX}, with the client's message. */
    public static void checkSize(int size) {
        if (size == 0) {
            throw new IllegalArgumentException("must hold 1 to " + MAX + " transfers");
        }
        if (size > MAX) {
            throw new IllegalArgumentException("must hold at most " + MAX + " transfers, not " + size);
        }
    }

    /** Why {@code caller} may not send transfer {@code transfer}, or null if it may. */
    static DomainProblem refusal(LedgerOperation.Transfer transfer, EntityId caller, boolean admin) {
        return admin || transfer.from().equals(caller)
                ? null
                : Forbidden.notYourAccount(transfer.from().value());
    }

    /** One outcome per transfer, in the list's order. */
    public record Outcome(Mode mode, List<OperationOutcome> outcomes) {

        public Outcome {
            outcomes = List.copyOf(outcomes);
        }

        public long applied() {
            return outcomes.stream()
                    .filter(o -> o instanceof OperationOutcome.Applied)
                    .count();
        }
    }
}
