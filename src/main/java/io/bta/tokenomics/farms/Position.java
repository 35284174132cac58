package io.bta.tokenomics.farms;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entity's position in a farm at {@code asOf}: what it staked, its working amount (the staked
 * amount times its trust boost at its last action), what it is owed now ({@code pending}, rounded
 * down) and what it has harvested. {@code boostBps} is the boost of its working amount (10,000 =
 * 1.0×) and {@code trustScore} the score it was computed at.
 */
public record Position(
        FarmId farmId,
        EntityId entityId,
        Amount amount,
        Amount workingAmount,
        Amount pending,
        Amount harvested,
        BigDecimal trustScore,
        int boostBps,
        Instant asOf) {}
