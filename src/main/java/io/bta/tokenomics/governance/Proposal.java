package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A proposal as of the moment it was read. Tallies and the quorum are trust-weighted and exact.
 * Its snapshot is {@code snapshotSequence} (the last ledger sequence when it was created) and
 * {@code delegationSequence} (the last delegation change it holds). {@code executableAt} is when
 * the timelock ends; {@code expiresAt} when the grace period ends. The JSON API answers it as it
 * is: the quorum and the tallies as decimal strings (a JSON number would lose their 26 decimals in
 * most clients), each action as one object of its type and parameters.
 */
public record Proposal(
        ProposalId id,
        String title,
        String description,
        EntityId proposerId,
        ProposalStatus status,
        @JsonSerialize(contentUsing = ProposalAction.Flat.class) List<ProposalAction> actions,
        long snapshotSequence,
        long delegationSequence,
        Instant createdAt,
        Instant votingStartsAt,
        Instant votingEndsAt,
        Instant executableAt,
        Instant expiresAt,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal quorum,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal forVotes,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal againstVotes,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal abstainVotes,
        int voterCount,
        Instant executedAt,
        Instant canceledAt) {

    public Tally tally() {
        return new Tally(forVotes, againstVotes, abstainVotes);
    }
}
