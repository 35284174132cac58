package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.rewards.RewardId;
import io.bta.tokenomics.rewards.RewardStatus;
import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The caller's rewards, their totals by type, claim buttons and the emission budget. */
@Controller
@Hidden // pages, not part of the API description
class RewardsPages {

    static final int PAGE_SIZE = 20;

    private final Rewards rewards;

    RewardsPages(Rewards rewards) {
        this.rewards = rewards;
    }

    @GetMapping("/app/rewards")
    String rewards(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            Model model) {
        var in = new Inputs();
        RewardType typeFilter = null;
        RewardStatus statusFilter = null;
        try {
            typeFilter = Forms.given(type) == null ? null : RewardType.valueOf(type);
        } catch (IllegalArgumentException e) {
            in.reject("type", "is not a reward type");
        }
        try {
            statusFilter = Forms.given(status) == null ? null : RewardStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            in.reject("status", "is not a reward status");
        }
        in.check();
        model.addAttribute("filterType", typeFilter == null ? null : typeFilter.name());
        model.addAttribute("filterStatus", statusFilter == null ? null : statusFilter.name());
        model.addAttribute("cursor", Forms.given(cursor));
        model.addAttribute("types", RewardType.values());
        model.addAttribute("statuses", RewardStatus.values());
        return page(model, typeFilter, statusFilter, Forms.given(cursor));
    }

    /**
     * Claims one reward. From htmx (the button), answers the rewards section again; without
     * scripts, the form posts and the page is shown again after a redirect.
     */
    @PostMapping("/app/rewards/{id}/claim")
    String claim(@PathVariable("id") UUID uuid, Model model, HttpServletRequest request, HttpServletResponse response) {
        boolean htmx = request.getHeader("HX-Request") != null;
        var id = new RewardId(uuid);
        try {
            rewards.claimReward(id, Caller.current().id());
            if (!htmx) {
                return "redirect:/app/rewards?done=claimed";
            }
            model.addAttribute("claimed", id);
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of("claim", p.getMessage()));
            model.addAttribute("claimFailed", id);
        }
        model.addAttribute("types", RewardType.values());
        model.addAttribute("statuses", RewardStatus.values());
        page(model, null, null, null);
        return htmx ? "web/rewards :: mine" : "web/rewards";
    }

    private String page(Model model, RewardType type, RewardStatus status, String cursor) {
        var me = Caller.current().id();
        model.addAttribute("rewards", rewards.rewards(me, type, status, PAGE_SIZE, cursor));
        model.addAttribute("totals", rewards.totals(me));
        model.addAttribute("emission", rewards.emission());
        return "web/rewards";
    }
}
