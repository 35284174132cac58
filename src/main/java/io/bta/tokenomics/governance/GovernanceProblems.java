package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;

/** Governance's refusals, each with a stable code. */
public final class GovernanceProblems {

    private GovernanceProblems() {}

    public static DomainProblem unknownProposal(ProposalId id) {
        return NotFound.of("UNKNOWN_PROPOSAL", "no proposal " + id);
    }

    public static DomainProblem unknownProposal(String id) {
        return NotFound.of("UNKNOWN_PROPOSAL", "no proposal " + id);
    }

    public static DomainProblem belowThreshold(String power, String threshold) {
        return RuleViolation.of(
                        "BELOW_PROPOSAL_THRESHOLD",
                        "proposing needs " + threshold + " BTA-GOV of voting power; the proposer has " + power)
                .with("votingPower", power)
                .with("proposalThreshold", threshold);
    }

    public static DomainProblem votingNotOpen(ProposalStatus status) {
        var why =
                switch (status) {
                    case PENDING -> "voting has not started yet";
                    case CANCELED -> "the proposal was canceled";
                    case EXECUTED -> "the proposal was executed";
                    default -> "voting has ended";
                };
        return Conflict.of("VOTING_NOT_OPEN", why + " (status " + status + ")").with("proposalStatus", status.name());
    }

    public static DomainProblem alreadyVoted(String voter) {
        return Conflict.of("ALREADY_VOTED", "'" + voter + "' has already voted on this proposal");
    }

    public static DomainProblem noVotingPower(String voter, long snapshot) {
        return RuleViolation.of(
                "NO_VOTING_POWER",
                "'" + voter + "' had no BTA-GOV voting power at the proposal's snapshot (sequence " + snapshot + ")");
    }

    public static DomainProblem notExecutable(ProposalStatus status, String detail) {
        return Conflict.of("PROPOSAL_NOT_EXECUTABLE", detail + " (status " + status + ")")
                .with("proposalStatus", status.name());
    }

    public static DomainProblem notCancelable(ProposalStatus status, String detail) {
        return Conflict.of("PROPOSAL_NOT_CANCELABLE", detail + " (status " + status + ")")
                .with("proposalStatus", status.name());
    }

    public static DomainProblem actionFailed(int index, String type, DomainProblem cause) {
        return RuleViolation.of(
                        "PROPOSAL_ACTION_FAILED",
                        "action " + index + " (" + type + ") failed, so nothing was applied: " + cause.getMessage())
                .with("actionIndex", index)
                .with("actionType", type)
                .with("causeCode", cause.code());
    }
}
