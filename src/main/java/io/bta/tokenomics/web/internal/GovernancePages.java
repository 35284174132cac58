package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Proposals by status, one proposal with its live tally and the vote form, proposing, delegating. */
@Controller
@Hidden // pages, not part of the API description
class GovernancePages {

    static final int PAGE_SIZE = 20;
    static final int VOTES_SHOWN = 50;

    private final Governance governance;
    private final PageRequests requests;

    GovernancePages(Governance governance, PageRequests requests) {
        this.governance = governance;
        this.requests = requests;
    }

    @GetMapping("/app/governance")
    String proposals(
            @RequestParam(required = false) String status, @RequestParam(required = false) String cursor, Model model) {
        ProposalStatus filter = null;
        if (Forms.given(status) != null) {
            var in = new Inputs();
            try {
                filter = ProposalStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                in.reject("status", "is not a proposal status");
            }
            in.check();
        }
        model.addAttribute("proposals", governance.proposals(filter, null, PAGE_SIZE, Forms.given(cursor)));
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("status", filter == null ? null : filter.name());
        model.addAttribute("cursor", Forms.given(cursor));
        model.addAttribute(
                "delegatee", governance.delegateeOf(Caller.current().id()).orElse(null));
        return "web/governance";
    }

    @GetMapping("/app/governance/new")
    String newProposal(Model model) {
        model.addAttribute("form", PageForms.Proposal.EMPTY);
        return proposalForm(model);
    }

    @PostMapping("/app/governance/proposals")
    String propose(
            PageForms.Proposal form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            var title = in.required("title", Forms.given(form.title()), Governance.MAX_TITLE_LENGTH);
            var description =
                    in.optional("description", Forms.given(form.description()), Governance.MAX_DESCRIPTION_LENGTH);
            var actions = new ArrayList<ProposalAction>();
            var type = Forms.given(form.actionType());
            if (type != null) {
                var parameters = new LinkedHashMap<String, String>();
                var lines = form.parameters() == null
                        ? new String[0]
                        : form.parameters().split("\\R");
                for (var line : lines) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        in.reject("parameters", "write one name=value per line");
                        break;
                    }
                    parameters.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
                actions.add(new ProposalAction(type, parameters));
            }
            in.check();
            return requests.once("propose", id, () -> {
                var proposal = governance.propose(Caller.current().id(), title, description, actions);
                return "/app/governance/" + proposal.id() + "?done=proposed";
            });
        } catch (DomainProblem p) {
            var errors = new LinkedHashMap<String, String>();
            // an action's errors are named actions[0].type, actions[0] or actions[0].<parameter>
            Forms.errors(p, Map.of())
                    .forEach((field, message) -> errors.putIfAbsent(
                            field.equals("type") ? "actionType" : field.startsWith("actions") ? "parameters" : field,
                            message));
            if (p instanceof io.bta.tokenomics.shared.error.InvalidInput invalid) {
                invalid.errors().stream()
                        .filter(e ->
                                e.field().startsWith("actions[") && !e.field().endsWith(".type"))
                        .findFirst()
                        .ifPresent(e -> errors.putIfAbsent("parameters", e.message()));
            }
            Forms.showAgain(model, response, form, id, errors);
            return proposalForm(model);
        }
    }

    @GetMapping("/app/governance/{id}")
    String proposal(@PathVariable UUID id, Model model) {
        return proposal(new ProposalId(id), model);
    }

    private String proposal(ProposalId id, Model model) {
        var me = Caller.current().id();
        var proposal = governance.proposal(id);
        model.addAttribute("p", proposal);
        model.addAttribute("votes", governance.votes(id, VOTES_SHOWN, null).items());
        model.addAttribute("myVote", governance.voteOf(id, me).orElse(null));
        model.addAttribute("power", governance.votingPower(id, me));
        model.addAttribute("supports", Support.values());
        return "web/proposal";
    }

    /** The tally alone, polled while the page is open (votes by others reach no one's event stream). */
    @GetMapping("/app/governance/{id}/tally")
    String tally(@PathVariable UUID id, Model model) {
        model.addAttribute("p", governance.proposal(new ProposalId(id)));
        return "web/proposal :: tally";
    }

    @PostMapping("/app/governance/{id}/vote")
    String vote(
            @PathVariable UUID id,
            @RequestParam(required = false) String support,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response) {
        try {
            var in = new Inputs();
            Support choice = null;
            if (Forms.given(support) == null) {
                in.reject("support", "choose for, against or abstain");
            } else {
                try {
                    choice = Support.valueOf(support);
                } catch (IllegalArgumentException e) {
                    in.reject("support", "must be FOR, AGAINST or ABSTAIN");
                }
            }
            var why = in.optional("reason", Forms.given(reason), Governance.MAX_REASON_LENGTH);
            in.check();
            governance.castVote(new ProposalId(id), Caller.current().id(), choice, why);
            return "redirect:/app/governance/" + id + "?done=voted";
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("errors", Forms.errors(p, Map.of("NO_VOTING_POWER", "support")));
            model.addAttribute("reason", reason);
            return proposal(new ProposalId(id), model);
        }
    }

    @PostMapping("/app/governance/{id}/cancel")
    String cancel(@PathVariable UUID id) {
        var caller = Caller.current();
        governance.cancel(new ProposalId(id), caller.id(), caller.isAdmin());
        return "redirect:/app/governance/" + id + "?done=canceled";
    }

    @PostMapping("/app/governance/{id}/execute")
    String execute(@PathVariable UUID id) {
        var caller = Caller.current();
        caller.requireAdmin();
        governance.execute(new ProposalId(id), caller.id());
        return "redirect:/app/governance/" + id + "?done=executed";
    }

    @PostMapping("/app/governance/delegate")
    String delegate(@RequestParam(required = false) String delegateeId, Model model, HttpServletResponse response) {
        var me = Caller.current().id();
        try {
            var in = new Inputs();
            var delegatee = in.entityId("delegateeId", Forms.given(delegateeId));
            in.check();
            governance.delegate(me, delegatee);
            return "redirect:/app/governance?done=" + (delegatee.equals(me) ? "undelegated" : "delegated");
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("errors", Forms.errors(p, Map.of()));
            model.addAttribute("delegateeId", delegateeId);
            return proposals(null, null, model);
        }
    }

    @PostMapping("/app/governance/undelegate")
    String undelegate() {
        var me = Caller.current().id();
        governance.delegate(me, me);
        return "redirect:/app/governance?done=undelegated";
    }

    private String proposalForm(Model model) {
        model.addAttribute("actionTypes", governance.actionTypes());
        model.addAttribute(
                "parameterKeys",
                governance.governedParameters().stream()
                        .map(Governance.GovernedSetting::key)
                        .toList());
        return "web/proposal-new";
    }
}
