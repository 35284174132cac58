package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.PublicEvent;
import java.util.List;

/**
 * Published once by each transaction that records votes, with every vote it recorded, in order
 * (votes are recorded many to a transaction, see {@code VoteCommitter}): a listener handles the
 * votes of one commit together, in one transaction of its own.
 */
public record VotesCast(List<VoteCast> votes) implements PublicEvent.Batch {

    public VotesCast {
        if (votes == null || votes.isEmpty()) {
            throw new IllegalArgumentException("a VotesCast event carries at least one vote");
        }
        votes = List.copyOf(votes);
    }

    @Override
    public List<VoteCast> events() {
        return votes;
    }
}
