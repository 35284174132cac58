package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of a proposal's life, published in the transaction that changes it. */
public final class GovernanceEvents {

    private GovernanceEvents() {}

    public record ProposalCreated(UUID proposalId, EntityId proposerId, long snapshotSequence, Instant createdAt)
            implements PublicEvent {

        public static final String TYPE = "governance.proposal.created";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return createdAt;
        }

        @Override
        public List<String> orderingKeys() {
            return List.of("proposal:" + proposalId);
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(proposerId);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + proposalId;
        }
    }

    public record ProposalCanceled(UUID proposalId, EntityId canceledBy, Instant canceledAt) implements PublicEvent {

        public static final String TYPE = "governance.proposal.canceled";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return canceledAt;
        }

        @Override
        public List<String> orderingKeys() {
            return List.of("proposal:" + proposalId);
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(canceledBy);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + proposalId;
        }
    }

    public record ProposalExecuted(UUID proposalId, EntityId executedBy, int actionCount, Instant executedAt)
            implements PublicEvent {

        public static final String TYPE = "governance.proposal.executed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return executedAt;
        }

        @Override
        public List<String> orderingKeys() {
            return List.of("proposal:" + proposalId);
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(executedBy);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + proposalId;
        }
    }

    /**
     * A change of delegation, as {@link Delegation} records it. {@code delegationSequence} is null
     * only in an event stored before the field existed and republished after an upgrade.
     */
    public record DelegationChanged(
            EntityId delegatorId,
            EntityId delegateeId,
            Long delegationSequence,
            long effectiveFromSequence,
            Instant changedAt)
            implements PublicEvent {

        public static final String TYPE = "governance.delegation.changed";

        public static DelegationChanged of(Delegation change) {
            return new DelegationChanged(
                    change.delegatorId(),
                    change.delegateeId(),
                    change.delegationSequence(),
                    change.effectiveFromSequence(),
                    change.changedAt());
        }

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return changedAt;
        }

        /** Every change of one delegator in order: the last one received is the one in force. */
        @Override
        public List<String> orderingKeys() {
            return List.of("delegation:" + delegatorId.value());
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(delegatorId, delegateeId);
        }

        /** Without the delegation sequence, which events stored before it existed lack. */
        @Override
        public String sourceKey() {
            return TYPE + ":" + delegatorId + ":" + effectiveFromSequence + ":" + changedAt + ":" + delegateeId;
        }
    }
}
