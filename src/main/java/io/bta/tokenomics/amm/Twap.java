package io.bta.tokenomics.amm;

import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A pool's time-weighted average prices over {@code [from, to)}: the window asked for, from the
 * pool's first liquidity if that is later. The prices are null when the pool had no liquidity in it.
 */
public record Twap(
        PoolId poolId,
        Duration window,
        Instant from,
        Instant to,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal priceAInB,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal priceBInA) {}
