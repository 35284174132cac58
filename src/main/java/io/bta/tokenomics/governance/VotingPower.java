package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What an entity's vote on a proposal would weigh, before it votes: holdings as of the proposal's
 * ledger sequence, delegations as of its delegation sequence. The JSON API answers it as it is,
 * the score and the weight as decimal strings.
 */
public record VotingPower(
        EntityId entityId,
        long snapshotSequence,
        long delegationSequence,
        Amount ownHoldings,
        Amount delegatedToIt,
        boolean delegatedAway,
        Amount votingPower,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal trustScore,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal weight) {}
