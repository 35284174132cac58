package io.bta.tokenomics.amm;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import java.time.Instant;
import java.util.Objects;

/**
 * A swap as asked for: exact in ({@code amount} is what goes in, {@code limit} the least that must
 * come out) or exact out ({@code amount} is what must come out, {@code limit} the most that may go
 * in); a null limit is none. A null deadline is none.
 */
public record SwapOrder(TokenId tokenIn, TokenId tokenOut, Kind kind, Amount amount, Amount limit, Instant deadline) {

    public enum Kind {
        EXACT_IN,
        EXACT_OUT
    }

    public SwapOrder {
        Objects.requireNonNull(tokenIn, "tokenIn");
        Objects.requireNonNull(tokenOut, "tokenOut");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (tokenIn.equals(tokenOut)) {
            throw new IllegalArgumentException("tokenIn and tokenOut must differ");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("must be greater than zero");
        }
    }
}
