package io.bta.tokenomics.amm;

import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A swap's answer (a quote's too, with no transactions). {@code feePaid} is the fee kept by the
 * first pool, in {@code tokenIn} (the whole fee of a direct swap); each hop says its own.
 * {@code priceImpact} is {@code 1 − (amountOut/amountIn) / midPrice}, the fraction lost to the fee
 * and the move of the price, rounded to 6 decimals. {@code trustScore} is the caller's score the
 * fees were chosen by.
 */
public record SwapResult(
        TokenId tokenIn,
        TokenId tokenOut,
        Amount amountIn,
        Amount amountOut,
        List<PoolId> route,
        Amount feePaid,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal priceImpact,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal trustScore,
        List<Hop> hops,
        List<LedgerTransaction> transactions) {

    /** One pool of the route: what went in and out of it, and the fee it kept. */
    public record Hop(
            PoolId poolId,
            TokenId tokenIn,
            TokenId tokenOut,
            Amount amountIn,
            Amount amountOut,
            int feeBps,
            Amount feePaid) {}
}
