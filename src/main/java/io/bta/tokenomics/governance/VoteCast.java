package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that records a vote. {@code weight} is
 * {@code votingPower × trustScore / 100}, exact (it may have up to 26 decimals).
 */
public record VoteCast(
        UUID proposalId,
        EntityId voterId,
        Support support,
        Amount votingPower,
        BigDecimal trustScore,
        BigDecimal weight,
        Instant castAt) {}
