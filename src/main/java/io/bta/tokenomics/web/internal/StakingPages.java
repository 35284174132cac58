package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.StakeId;
import io.bta.tokenomics.staking.Staking;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pools, the stake form, the caller's positions with pending rewards, unstaking. */
@Controller
@Hidden // pages, not part of the API description
class StakingPages {

    private final Staking staking;
    private final PageRequests requests;

    StakingPages(Staking staking, PageRequests requests) {
        this.staking = staking;
        this.requests = requests;
    }

    @GetMapping("/app/staking")
    String staking(Model model) {
        model.addAttribute("form", new PageForms.Stake("", ""));
        return page(model);
    }

    /** The positions alone, polled while the page is open: rewards accrue every second, with no event. */
    @GetMapping("/app/staking/positions")
    String positions(Model model) {
        positionsModel(model);
        return "web/staking :: positions";
    }

    @PostMapping("/app/staking/stake")
    String stake(
            PageForms.Stake form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            PoolId pool = null;
            try {
                pool = PoolId.of(Forms.given(form.poolId()));
            } catch (IllegalArgumentException e) {
                in.reject("poolId", "choose a pool");
            }
            var amount = in.positiveAmount("amount", Forms.given(form.amount()));
            in.check();
            var poolId = pool;
            return requests.once("stake", id, () -> {
                staking.stake(Caller.current().id(), poolId, amount);
                return "/app/staking?done=staked";
            });
        } catch (DomainProblem p) {
            Forms.showAgain(
                    model,
                    response,
                    form,
                    id,
                    Forms.errors(
                            p,
                            Map.of(
                                    "INSUFFICIENT_BALANCE", "amount",
                                    "BELOW_MIN_STAKE", "amount",
                                    "POOL_CAP_EXCEEDED", "amount",
                                    "TRUST_SCORE_TOO_LOW", "poolId",
                                    "POOL_NOT_ACTIVE", "poolId",
                                    "UNKNOWN_POOL", "poolId")));
            return page(model);
        }
    }

    @PostMapping("/app/staking/unstake/{stakeId}")
    String unstake(@PathVariable StakeId stakeId, Model model, HttpServletResponse response) {
        try {
            staking.unstake(stakeId, Caller.current().id());
            return "redirect:/app/staking?done=unstaked";
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("form", new PageForms.Stake("", ""));
            model.addAttribute("errors", Map.of("unstake", p.getMessage()));
            model.addAttribute("unstakeFailed", stakeId);
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("pools", staking.pools());
        positionsModel(model);
        return "web/staking";
    }

    private void positionsModel(Model model) {
        var me = Caller.current().id();
        model.addAttribute("stakes", staking.stakesOf(me));
        model.addAttribute(
                "poolsById",
                staking.pools().stream().collect(Collectors.toMap(p -> p.id().toString(), Function.identity())));
        model.addAttribute("pendingBySymbol", staking.pendingRewardsOf(me));
    }
}
