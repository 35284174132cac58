package io.bta.tokenomics.governance;

import java.util.Map;

/**
 * How much governance is used: the proposals, counted by their status now, the votes cast on all
 * of them, and how many distinct entities ever voted.
 */
public record Participation(long proposals, Map<ProposalStatus, Long> proposalsByStatus, long votesCast, long voters) {

    public Participation {
        proposalsByStatus = Map.copyOf(proposalsByStatus);
    }
}
