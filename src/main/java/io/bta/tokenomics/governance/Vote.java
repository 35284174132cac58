package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A recorded vote: the power at the proposal's snapshot, the trust score at vote time, and their
 * exact product / 100. The JSON API answers it as it is, the score and the weight as decimal
 * strings.
 */
public record Vote(
        ProposalId proposalId,
        EntityId voterId,
        Support support,
        Amount votingPower,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal trustScore,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal weight,
        String reason,
        Instant createdAt) {}
