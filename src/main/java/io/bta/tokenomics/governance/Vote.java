package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded vote: the power at the proposal's snapshot, the trust score at vote time, and their exact product / 100. */
public record Vote(
        UUID proposalId,
        EntityId voterId,
        Support support,
        Amount votingPower,
        BigDecimal trustScore,
        BigDecimal weight,
        String reason,
        Instant createdAt) {}
