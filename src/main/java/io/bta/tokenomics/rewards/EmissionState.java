package io.bta.tokenomics.rewards;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The current emission epoch of BTA-REWARD: {@code budget = max(inflationRate × supplyAtStart,
 * bootstrapEmission)}, fixed when the epoch opens; {@code remaining = budget − minted − reserved}.
 */
public record EmissionState(
        int epoch,
        Instant startsAt,
        Instant endsAt,
        Amount supplyAtStart,
        BigDecimal inflationRate,
        Amount budget,
        Amount minted,
        Amount reserved,
        Amount remaining) {}
