package io.bta.tokenomics.governance.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bta.tokenomics.governance.Delegation;
import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.governance.GovernanceProblems;
import io.bta.tokenomics.governance.Proposal;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.Vote;
import io.bta.tokenomics.governance.VotingPower;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The governance JSON API under {@code /api/governance}. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance", description = "proposals, trust-weighted votes, delegation, execution")
class GovernanceController {

    record ProposeRequest(String title, String description, List<Map<String, Object>> actions) {}

    record VoteRequest(String support, String reason) {}

    record DelegateRequest(String delegateeId) {}

    /** A proposal as the facade reads it, with the caller's own vote where an answer shows it. */
    record ProposalView(@JsonUnwrapped Proposal proposal, Vote myVote) {}

    /** The caller's last change of delegation; the sequences are null if it never made one. */
    record DelegationView(
            EntityId delegatorId, EntityId delegateeId, Long effectiveFromSequence, Long delegationSequence) {
        static DelegationView of(Delegation d) {
            return new DelegationView(
                    d.delegatorId(), d.delegateeId(), d.effectiveFromSequence(), d.delegationSequence());
        }
    }

    record CatalogView(List<String> actionTypes, List<Governance.GovernedSetting> parameters) {}

    private final Governance governance;

    GovernanceController(Governance governance) {
        this.governance = governance;
    }

    @PostMapping("/proposals")
    @Operation(summary = "Create a proposal (a holder of at least the proposal threshold of voting power)")
    @Refuses(status = 422, codes = "BELOW_PROPOSAL_THRESHOLD")
    ResponseEntity<ProposalView> propose(@RequestBody ProposeRequest request) {
        var caller = Caller.current();
        var in = new Inputs();
        var title = in.required("title", request.title(), Governance.MAX_TITLE_LENGTH);
        var description = in.optional("description", request.description(), Governance.MAX_DESCRIPTION_LENGTH);
        var actions = ProposalAction.read(in, request.actions());
        in.check();
        var proposal = governance.propose(caller.id(), title, description, actions);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ProposalView(proposal, null));
    }

    @GetMapping("/proposals")
    @Operation(summary = "Proposals, newest first; filters status and proposerId")
    Page<ProposalView> proposals(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String proposerId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Caller.current();
        var in = new Inputs();
        var wanted = in.optionalEnum("status", ProposalStatus.class, status, ProposalStatus.NOT_A_STATUS);
        var proposer = in.optionalEntityId("proposerId", proposerId);
        int size = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return governance.proposals(wanted, proposer, size, position).map(p -> new ProposalView(p, null));
    }

    @GetMapping("/proposals/{proposalId}")
    @Operation(summary = "A proposal with its tallies and the caller's vote, if any")
    @Refuses(status = 404, codes = "UNKNOWN_PROPOSAL")
    ProposalView proposal(@PathVariable String proposalId) {
        var caller = Caller.current();
        var id = proposalId(proposalId);
        var proposal = governance.proposal(id);
        return new ProposalView(proposal, governance.voteOf(id, caller.id()).orElse(null));
    }

    @GetMapping("/proposals/{proposalId}/voting-power")
    @Operation(summary = "The caller's voting power at the proposal's snapshot, trust score and resulting weight")
    @Refuses(status = 404, codes = "UNKNOWN_PROPOSAL")
    VotingPower votingPower(@PathVariable String proposalId) {
        return governance.votingPower(proposalId(proposalId), Caller.current().id());
    }

    @PostMapping("/proposals/{proposalId}/vote")
    @Operation(summary = "Cast the caller's vote: FOR, AGAINST or ABSTAIN")
    @Refuses(status = 404, codes = "UNKNOWN_PROPOSAL")
    @Refuses(status = 409, codes = "VOTING_NOT_OPEN")
    @Refuses(status = 409, codes = "ALREADY_VOTED")
    @Refuses(status = 422, codes = "NO_VOTING_POWER")
    @Refuses(status = 503, codes = "GOVERNANCE_BUSY")
    @Refuses(status = 503, codes = "GOVERNANCE_UNAVAILABLE")
    @Refuses(status = 503, codes = "OUTCOME_UNKNOWN")
    ResponseEntity<Vote> vote(@PathVariable String proposalId, @RequestBody VoteRequest request) {
        var caller = Caller.current();
        var id = proposalId(proposalId);
        var in = new Inputs();
        var support = in.requiredEnum("support", Support.class, request.support(), Support.NOT_A_SUPPORT);
        var reason = in.optional("reason", request.reason(), Governance.MAX_REASON_LENGTH);
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED).body(governance.castVote(id, caller.id(), support, reason));
    }

    @GetMapping("/proposals/{proposalId}/votes")
    @Operation(summary = "The votes on a proposal, in the order they were cast")
    @Refuses(status = 404, codes = "UNKNOWN_PROPOSAL")
    Page<Vote> votes(
            @PathVariable String proposalId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Caller.current();
        var id = proposalId(proposalId);
        var in = new Inputs();
        int size = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return governance.votes(id, size, position);
    }

    @PostMapping("/proposals/{proposalId}/cancel")
    @Operation(
            summary = "Cancel: the proposer while PENDING, an admin until the outcome is final"
                    + " (409 PROPOSAL_NOT_CANCELABLE once DEFEATED, EXPIRED, EXECUTED or CANCELED)")
    @Refuses(status = 403, codes = "NOT_PROPOSER")
    @Refuses(status = 404, codes = "UNKNOWN_PROPOSAL")
    @Refuses(status = 409, codes = "PROPOSAL_NOT_CANCELABLE")
    ProposalView cancel(@PathVariable String proposalId) {
        var caller = Caller.current();
        return new ProposalView(governance.cancel(proposalId(proposalId), caller.id(), caller.isAdmin()), null);
    }

    @PostMapping("/proposals/{proposalId}/execute")
    @Operation(summary = "Execute a SUCCEEDED proposal: all its actions or none (admin)")
    @Refuses(status = 404, codes = "UNKNOWN_PROPOSAL")
    @Refuses(status = 409, codes = "PROPOSAL_NOT_EXECUTABLE")
    @Refuses(status = 422, codes = "PROPOSAL_ACTION_FAILED")
    ProposalView execute(@PathVariable String proposalId) {
        var caller = Caller.current();
        caller.requireAdmin();
        return new ProposalView(governance.execute(proposalId(proposalId), caller.id()), null);
    }

    @PostMapping("/proposals/{proposalId}/verify-tally")
    @Operation(summary = "Recompute the tallies from the votes and compare them with the stored ones (admin)")
    @Refuses(status = 404, codes = "UNKNOWN_PROPOSAL")
    Governance.TallyCheck verifyTally(@PathVariable String proposalId) {
        Caller.current().requireAdmin();
        return governance.verifyTally(proposalId(proposalId));
    }

    @PostMapping("/delegate")
    @Operation(
            summary = "Delegate the caller's voting power to another entity",
            description = "The delegation counts for every proposal created after this answer and for none created"
                    + " before: a proposal holds it when the proposal's delegationSequence is at or above the"
                    + " delegation's. effectiveFromSequence is the ledger sequence from which it can count.")
    DelegationView delegate(@RequestBody DelegateRequest request) {
        var caller = Caller.current();
        var in = new Inputs();
        var delegatee = in.entityId("delegateeId", request.delegateeId());
        in.check();
        return DelegationView.of(governance.delegate(caller.id(), delegatee));
    }

    @DeleteMapping("/delegate")
    @Operation(summary = "Take the caller's delegation back: it votes with its own holdings again")
    DelegationView undelegate() {
        var caller = Caller.current();
        return DelegationView.of(governance.delegate(caller.id(), caller.id()));
    }

    @GetMapping("/delegate")
    @Operation(summary = "Whom the caller delegates to now (null: nobody), as of its last change")
    DelegationView delegation() {
        var caller = Caller.current();
        return governance
                .delegationOf(caller.id())
                .map(DelegationView::of)
                .orElseGet(() -> new DelegationView(caller.id(), null, null, null));
    }

    @GetMapping("/parameters")
    @Operation(
            summary = "The action types a proposal may carry, and the parameters SET_PARAMETER may change with their"
                    + " values now and the values they accept (bounds)")
    CatalogView parameters() {
        Caller.current();
        return new CatalogView(governance.actionTypes(), governance.governedParameters());
    }

    /** An id that is not a proposal's names no proposal: the same 404 as a well-formed id of none. */
    private static ProposalId proposalId(String value) {
        try {
            return ProposalId.of(value);
        } catch (IllegalArgumentException e) {
            throw GovernanceProblems.unknownProposal(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
