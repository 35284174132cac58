package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;

/**
 * What an entity's vote on a proposal would weigh, before it votes: holdings as of the proposal's
 * ledger sequence, delegations as of its delegation sequence.
 */
public record VotingPower(
        EntityId entityId,
        long snapshotSequence,
        long delegationSequence,
        Amount ownHoldings,
        Amount delegatedToIt,
        boolean delegatedAway,
        Amount votingPower,
        BigDecimal trustScore,
        BigDecimal weight) {}
