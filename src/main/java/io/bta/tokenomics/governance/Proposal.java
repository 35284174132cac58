package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A proposal as of the moment it was read. Tallies and the quorum are trust-weighted and exact.
 * Its snapshot is {@code snapshotSequence} (the last ledger sequence when it was created) and
 * {@code delegationSequence} (the last delegation change it holds). {@code executableAt} is when
 * the timelock ends; {@code expiresAt} when the grace period ends.
 */
public record Proposal(
        UUID id,
        String title,
        String description,
        EntityId proposerId,
        ProposalStatus status,
        List<ProposalAction> actions,
        long snapshotSequence,
        long delegationSequence,
        Instant createdAt,
        Instant votingStartsAt,
        Instant votingEndsAt,
        Instant executableAt,
        Instant expiresAt,
        BigDecimal quorum,
        BigDecimal forVotes,
        BigDecimal againstVotes,
        BigDecimal abstainVotes,
        int voterCount,
        Instant executedAt,
        Instant canceledAt) {

    public Tally tally() {
        return new Tally(forVotes, againstVotes, abstainVotes);
    }
}
