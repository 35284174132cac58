package io.bta.tokenomics.vesting;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;

/**
 * A vesting grant as it stands at {@code asOf}: its schedule, what has vested, what was released
 * and what can be released now ({@code vested − released}). Once revoked, what had vested at
 * {@code revokedAt} is all that ever vests ({@code returnedAmount} went back to the treasury).
 */
public record Grant(
        VestingId id,
        EntityId beneficiaryId,
        TokenId tokenId,
        String tokenSymbol,
        Amount total,
        Instant start,
        long cliffSeconds,
        long durationSeconds,
        Instant cliffEndsAt,
        Instant endsAt,
        boolean revocable,
        Amount vested,
        Amount released,
        Amount releasable,
        Status status,
        Instant revokedAt,
        Amount returnedAmount,
        EntityId escrow,
        EntityId createdBy,
        Instant createdAt,
        Instant asOf) {

    /** Where a grant stands. */
    public enum Status {
        /** Before the cliff: nothing has vested. */
        BEFORE_CLIFF,
        /** Vesting linearly. */
        VESTING,
        /** Everything has vested; some may not be released yet. */
        VESTED,
        /** Revoked: what had vested stays releasable, the rest went back to the treasury. */
        REVOKED,
        /** Everything that will ever vest has been released. */
        COMPLETED
    }
}
