package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded vote, carried by {@link VotesCast} (published by the transaction that records it).
 * {@code weight} is
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
