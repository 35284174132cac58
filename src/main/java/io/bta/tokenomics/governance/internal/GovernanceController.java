package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.Delegation;
import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.governance.GovernanceProblems;
import io.bta.tokenomics.governance.Proposal;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.Vote;
import io.bta.tokenomics.governance.VotingPower;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

    record VoteView(
            String proposalId,
            String voterId,
            String support,
            String votingPower,
            String trustScore,
            String weight,
            String reason,
            Instant createdAt) {
        static VoteView of(Vote v) {
            return new VoteView(
                    v.proposalId().toString(),
                    v.voterId().value(),
                    v.support().name(),
                    v.votingPower().toString(),
                    v.trustScore().toPlainString(),
                    v.weight().toPlainString(),
                    v.reason(),
                    v.createdAt());
        }
    }

    record ProposalView(
            String id,
            String title,
            String description,
            String proposerId,
            String status,
            List<Map<String, String>> actions,
            long snapshotSequence,
            long delegationSequence,
            Instant createdAt,
            Instant votingStartsAt,
            Instant votingEndsAt,
            Instant executableAt,
            Instant expiresAt,
            String quorum,
            String forVotes,
            String againstVotes,
            String abstainVotes,
            int voterCount,
            Instant executedAt,
            Instant canceledAt,
            VoteView myVote) {
        static ProposalView of(Proposal p, VoteView myVote) {
            var actions = new ArrayList<Map<String, String>>();
            for (var a : p.actions()) {
                var flat = new LinkedHashMap<String, String>();
                flat.put("type", a.type());
                flat.putAll(a.parameters());
                actions.add(flat);
            }
            return new ProposalView(
                    p.id().toString(),
                    p.title(),
                    p.description(),
                    p.proposerId().value(),
                    p.status().name(),
                    actions,
                    p.snapshotSequence(),
                    p.delegationSequence(),
                    p.createdAt(),
                    p.votingStartsAt(),
                    p.votingEndsAt(),
                    p.executableAt(),
                    p.expiresAt(),
                    p.quorum().toPlainString(),
                    p.forVotes().toPlainString(),
                    p.againstVotes().toPlainString(),
                    p.abstainVotes().toPlainString(),
                    p.voterCount(),
                    p.executedAt(),
                    p.canceledAt(),
                    myVote);
        }
    }

    record VotingPowerView(
            String entityId,
            long snapshotSequence,
            long delegationSequence,
            String ownHoldings,
            String delegatedToIt,
            boolean delegatedAway,
            String votingPower,
            String trustScore,
            String weight) {
        static VotingPowerView of(VotingPower v) {
            return new VotingPowerView(
                    v.entityId().value(),
                    v.snapshotSequence(),
                    v.delegationSequence(),
                    v.ownHoldings().toString(),
                    v.delegatedToIt().toString(),
                    v.delegatedAway(),
                    v.votingPower().toString(),
                    v.trustScore().toPlainString(),
                    v.weight().toPlainString());
        }
    }

    /** The caller's last change of delegation; the sequences are null if it never made one. */
    record DelegationView(String delegatorId, String delegateeId, Long effectiveFromSequence, Long delegationSequence) {
        static DelegationView of(Delegation d) {
            return new DelegationView(
                    d.delegatorId().value(),
                    d.delegateeId() == null ? null : d.delegateeId().value(),
                    d.effectiveFromSequence(),
                    d.delegationSequence());
        }
    }

    /** Tallies are strings, as in a proposal: a JSON number would lose their 26 decimals in most clients. */
    record TallyCheckView(
            String proposalId,
            boolean consistent,
            String storedFor,
            String storedAgainst,
            String storedAbstain,
            int storedVoterCount,
            String countedFor,
            String countedAgainst,
            String countedAbstain,
            int countedVoterCount) {
        static TallyCheckView of(Governance.TallyCheck c) {
            return new TallyCheckView(
                    c.proposalId().toString(),
                    c.consistent(),
                    c.stored().forVotes().toPlainString(),
                    c.stored().againstVotes().toPlainString(),
                    c.stored().abstainVotes().toPlainString(),
                    c.storedVoterCount(),
                    c.counted().forVotes().toPlainString(),
                    c.counted().againstVotes().toPlainString(),
                    c.counted().abstainVotes().toPlainString(),
                    c.countedVoterCount());
        }
    }

    private final Governance governance;

    GovernanceController(Governance governance) {
        this.governance = governance;
    }

    @PostMapping("/proposals")
    @Operation(summary = "Create a proposal (a holder of at least the proposal threshold of voting power)")
    ResponseEntity<ProposalView> propose(@RequestBody ProposeRequest request) {
        var caller = Caller.current();
        var in = new Inputs();
        var title = in.required("title", request.title(), Governance.MAX_TITLE_LENGTH);
        var description = in.optional("description", request.description(), Governance.MAX_DESCRIPTION_LENGTH);
        var actions = new ArrayList<ProposalAction>();
        if (request.actions() != null) {
            for (int i = 0; i < request.actions().size(); i++) {
                var raw = request.actions().get(i);
                if (raw == null) {
                    in.reject("actions[" + i + "]", "must be an object with a type");
                    continue;
                }
                var parameters = new LinkedHashMap<String, String>();
                String type = null;
                for (var e : raw.entrySet()) {
                    var text = text(e.getValue());
                    if (text == null) {
                        in.reject("actions[" + i + "]." + e.getKey(), "must be a string or a number");
                    } else if (e.getKey().equals("type")) {
                        type = text;
                    } else {
                        parameters.put(e.getKey(), text);
                    }
                }
                if (type == null) {
                    in.reject("actions[" + i + "].type", "is required");
                } else {
                    actions.add(new ProposalAction(type, parameters));
                }
            }
        }
        in.check();
        var proposal = governance.propose(caller.id(), title, description, actions);
        return ResponseEntity.status(HttpStatus.CREATED).body(ProposalView.of(proposal, null));
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
        ProposalStatus wanted = null;
        if (status != null) {
            try {
                wanted = ProposalStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.reject(
                        "status",
                        "must be one of PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED");
            }
        }
        var proposer = in.optionalEntityId("proposerId", proposerId);
        int size = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return governance.proposals(wanted, proposer, size, position).map(p -> ProposalView.of(p, null));
    }

    @GetMapping("/proposals/{proposalId}")
    @Operation(summary = "A proposal with its tallies and the caller's vote, if any")
    ProposalView proposal(@PathVariable String proposalId) {
        var caller = Caller.current();
        var id = proposalId(proposalId);
        var proposal = governance.proposal(id);
        var mine = governance.voteOf(id, caller.id()).map(VoteView::of).orElse(null);
        return ProposalView.of(proposal, mine);
    }

    @GetMapping("/proposals/{proposalId}/voting-power")
    @Operation(summary = "The caller's voting power at the proposal's snapshot, trust score and resulting weight")
    VotingPowerView votingPower(@PathVariable String proposalId) {
        return VotingPowerView.of(
                governance.votingPower(proposalId(proposalId), Caller.current().id()));
    }

    @PostMapping("/proposals/{proposalId}/vote")
    @Operation(summary = "Cast the caller's vote: FOR, AGAINST or ABSTAIN")
    ResponseEntity<VoteView> vote(@PathVariable String proposalId, @RequestBody VoteRequest request) {
        var caller = Caller.current();
        var id = proposalId(proposalId);
        var in = new Inputs();
        Support support = null;
        if (request.support() == null) {
            in.reject("support", "is required");
        } else {
            try {
                support = Support.valueOf(request.support().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.reject("support", "must be FOR, AGAINST or ABSTAIN");
            }
        }
        var reason = in.optional("reason", request.reason(), Governance.MAX_REASON_LENGTH);
        in.check();
        var vote = governance.castVote(id, caller.id(), support, reason);
        return ResponseEntity.status(HttpStatus.CREATED).body(VoteView.of(vote));
    }

    @GetMapping("/proposals/{proposalId}/votes")
    @Operation(summary = "The votes on a proposal, in the order they were cast")
    Page<VoteView> votes(
            @PathVariable String proposalId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Caller.current();
        var id = proposalId(proposalId);
        var in = new Inputs();
        int size = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return governance.votes(id, size, position).map(VoteView::of);
    }

    @PostMapping("/proposals/{proposalId}/cancel")
    @Operation(
            summary = "Cancel: the proposer while PENDING, an admin until the outcome is final"
                    + " (409 PROPOSAL_NOT_CANCELABLE once DEFEATED, EXPIRED, EXECUTED or CANCELED)")
    ProposalView cancel(@PathVariable String proposalId) {
        var caller = Caller.current();
        return ProposalView.of(governance.cancel(proposalId(proposalId), caller.id(), caller.isAdmin()), null);
    }

    @PostMapping("/proposals/{proposalId}/execute")
    @Operation(summary = "Execute a SUCCEEDED proposal: all its actions or none (admin)")
    ProposalView execute(@PathVariable String proposalId) {
        var caller = Caller.current();
        caller.requireAdmin();
        return ProposalView.of(governance.execute(proposalId(proposalId), caller.id()), null);
    }

    @PostMapping("/proposals/{proposalId}/verify-tally")
    @Operation(summary = "Recompute the tallies from the votes and compare them with the stored ones (admin)")
    TallyCheckView verifyTally(@PathVariable String proposalId) {
        Caller.current().requireAdmin();
        return TallyCheckView.of(governance.verifyTally(proposalId(proposalId)));
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
                .orElseGet(() -> new DelegationView(caller.id().value(), null, null, null));
    }

    record ParameterView(String key, String value, String bounds) {}

    record CatalogView(List<String> actionTypes, List<ParameterView> parameters) {}

    @GetMapping("/parameters")
    @Operation(
            summary = "The action types a proposal may carry, and the parameters SET_PARAMETER may change with their"
                    + " values now and the values they accept (bounds)")
    CatalogView parameters() {
        Caller.current();
        return new CatalogView(
                governance.actionTypes(),
                governance.governedParameters().stream()
                        .map(p -> new ParameterView(p.key(), p.value(), p.bounds()))
                        .toList());
    }

    private static UUID proposalId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw GovernanceProblems.unknownProposal(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).toPlainString();
        }
        return null;
    }
}
