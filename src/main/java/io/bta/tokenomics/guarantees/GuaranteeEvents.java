package io.bta.tokenomics.guarantees;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.time.Instant;
import java.util.List;

/** Events of guarantees, published in the transaction that makes the change. */
public final class GuaranteeEvents {

    private GuaranteeEvents() {}

    /**
     * What every guarantee event shares as a public event: its allocation orders its messages and
     * names its source, and its guarantor and beneficiary see it.
     */
    public sealed interface AllocationEvent extends PublicEvent
            permits GuaranteeAllocated, GuaranteeReleased, GuaranteeClaimed {

        AllocationId allocationId();

        EntityId guarantorId();

        EntityId beneficiaryId();

        @Override
        default List<String> orderingKeys() {
            return List.of("allocation:" + allocationId());
        }

        @Override
        default List<EntityId> parties() {
            return PublicEvent.entities(guarantorId(), beneficiaryId());
        }

        @Override
        default String sourceKey() {
            return eventType() + ":" + allocationId();
        }
    }

    public record GuaranteeAllocated(
            AllocationId allocationId,
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            TokenId collateralTokenId,
            Amount collateralAmount,
            Instant expiresAt,
            Instant allocatedAt)
            implements AllocationEvent {

        public static final String TYPE = "guarantees.guarantee.allocated";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return allocatedAt;
        }
    }

    /**
     * The BTA-GUAR was burned and the collateral unlocked; {@code expired} when the expiry job did it.
     * The beneficiary is named because it is a party: it learns that its guarantee no longer holds.
     * An event stored before releases named their beneficiary, and republished after an upgrade,
     * has none: the guarantor alone sees it then.
     */
    public record GuaranteeReleased(
            AllocationId allocationId,
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            boolean expired,
            Instant releasedAt)
            implements AllocationEvent {

        public static final String TYPE = "guarantees.guarantee.released";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return releasedAt;
        }
    }

    /** The BTA-GUAR and the collateral moved to the beneficiary. */
    public record GuaranteeClaimed(
            AllocationId allocationId,
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            TokenId collateralTokenId,
            Amount collateralAmount,
            Instant claimedAt)
            implements AllocationEvent {

        public static final String TYPE = "guarantees.guarantee.claimed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return claimedAt;
        }
    }
}
