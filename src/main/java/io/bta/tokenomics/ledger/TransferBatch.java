package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.error.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

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

    /**
     * Reads a client's batch into {@code in}: its mode, its size and each order, a refusal named by
     * its position ({@code transfers[3].amount}), an unknown token included ({@code tokens}
     * resolves a token's name, refusing with a {@link DomainProblem}). Null if anything was refused.
     */
    public static TransferBatch read(
            Inputs in, String mode, List<TransferOrder> orders, EntityId caller, Function<String, TokenId> tokens) {
        var checkedMode = in.valid("mode", () -> Mode.parse(mode));
        var sent = orders == null ? List.<TransferOrder>of() : orders;
        if (in.valid("transfers", () -> {
                    checkSize(sent.size());
                    return sent;
                })
                == null) {
            return null;
        }
        var transfers = new ArrayList<LedgerOperation.Transfer>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            var field = "transfers[" + i + "]";
            if (sent.get(i) == null) {
                in.reject(field, "is required");
                continue;
            }
            var order = sent.get(i).read(in, field + ".", caller);
            TokenId token = null;
            if (order.token() != null) {
                try {
                    token = tokens.apply(order.token());
                } catch (DomainProblem unknown) {
                    in.reject(field + ".tokenId", unknown.getMessage());
                }
            }
            if (!in.hasErrors()) {
                transfers.add(order.transfer(token, caller));
            }
        }
        return in.hasErrors() ? null : new TransferBatch(checkedMode, transfers);
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
