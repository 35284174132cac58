package io.bta.tokenomics.guarantees;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;

/** A BTA-GUAR allocation for one guarantee of the marketplace; {@code collateral} is null when there is none. */
public record GuaranteeAllocation(
        AllocationId id,
        String guaranteeId,
        EntityId guarantorId,
        EntityId beneficiaryId,
        Amount amount,
        AllocationStatus status,
        Collateral collateral,
        Instant createdAt,
        Instant expiresAt,
        Instant closedAt) {

    /** Extra collateral in another token, locked from the guarantor's available balance. */
    public record Collateral(TokenId tokenId, String symbol, Amount amount) {}

    public boolean isParty(EntityId entity) {
        return guarantorId.equals(entity) || beneficiaryId.equals(entity);
    }
}
