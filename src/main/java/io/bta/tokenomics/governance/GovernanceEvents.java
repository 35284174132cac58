package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;
import java.util.UUID;

/** Events of a proposal's life, published in the transaction that changes it. */
public final class GovernanceEvents {

    private GovernanceEvents() {}

    public record ProposalCreated(UUID proposalId, EntityId proposerId, long snapshotSequence, Instant createdAt) {}

    public record ProposalCanceled(UUID proposalId, EntityId canceledBy, Instant canceledAt) {}

    public record ProposalExecuted(UUID proposalId, EntityId executedBy, int actionCount, Instant executedAt) {}

    public record DelegationChanged(
            EntityId delegatorId, EntityId delegateeId, long effectiveFromSequence, Instant changedAt) {}
}
