package io.bta.tokenomics.amm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A pool's time-weighted average prices over {@code [from, to)}: the window asked for, from the
 * pool's first liquidity if that is later. The prices are null when the pool had no liquidity in it.
 */
public record Twap(
        PoolId poolId, Duration window, Instant from, Instant to, BigDecimal priceAInB, BigDecimal priceBInA) {}
