package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;

/**
 * A change of delegation, as recorded. {@code delegateeId} null means the delegator votes with its
 * own holdings again. {@code delegationSequence} orders the change against proposals: it counts
 * for a proposal exactly when it is at or below the proposal's {@code delegationSequence}, which
 * is the case for every proposal created after it was answered and for none created before.
 * {@code effectiveFromSequence} is the ledger sequence from which it can count: every proposal it
 * counts for has its snapshot there or later.
 */
public record Delegation(
        EntityId delegatorId,
        EntityId delegateeId,
        long delegationSequence,
        long effectiveFromSequence,
        Instant changedAt) {}
