package io.bta.tokenomics.amm;

import io.bta.tokenomics.shared.Amount;
import java.time.Duration;
import java.time.Instant;

/**
 * A pool's activity over {@code [from, to)} and its value now: the swaps through it, the volume
 * that went in of each token, the fees it kept of each (each swap's {@code in·feeBps/10000}, rounded
 * down), and its total value locked in each token's units (both reserves at the pool's price: twice
 * a reserve).
 */
public record PoolStats(
        PoolId poolId,
        Duration window,
        Instant from,
        Instant to,
        long swaps,
        Amount volumeA,
        Amount volumeB,
        Amount feesA,
        Amount feesB,
        Amount reserveA,
        Amount reserveB,
        Amount tvlInA,
        Amount tvlInB) {}
