package io.bta.tokenomics.guarantees;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;
import java.util.UUID;

/** Events of guarantees, published in the transaction that makes the change. */
public final class GuaranteeEvents {

    private GuaranteeEvents() {}

    public record GuaranteeAllocated(
            UUID allocationId,
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            TokenId collateralTokenId,
            Amount collateralAmount,
            Instant expiresAt,
            Instant allocatedAt) {}

    /**
     * The BTA-GUAR was burned and the collateral unlocked; {@code expired} when the expiry job did it.
     * The beneficiary is named because it is a party: it learns that its guarantee no longer holds.
     */
    public record GuaranteeReleased(
            UUID allocationId,
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            boolean expired,
            Instant releasedAt) {}

    /** The BTA-GUAR and the collateral moved to the beneficiary. */
    public record GuaranteeClaimed(
            UUID allocationId,
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            TokenId collateralTokenId,
            Amount collateralAmount,
            Instant claimedAt) {}
}
