package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.farms.FarmId;
import io.bta.tokenomics.farms.Farms;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Farms with their APR, the deposit form, the caller's positions with live pending rewards, harvest. */
@Controller
@Hidden // pages, not part of the API description
class FarmPages {

    private final Farms farms;
    private final PageRequests requests;

    FarmPages(Farms farms, PageRequests requests) {
        this.farms = farms;
        this.requests = requests;
    }

    @GetMapping("/app/farms")
    String farms(Model model) {
        model.addAttribute("form", new PageForms.Stake("", ""));
        return page(model);
    }

    /** The positions alone, polled while the page is open: rewards accrue every second, with no event. */
    @GetMapping("/app/farms/positions")
    String positions(Model model) {
        positionsModel(model);
        return "web/farms :: positions";
    }

    @PostMapping("/app/farms/deposit")
    String deposit(
            PageForms.Stake form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            FarmId farm = null;
            try {
                farm = FarmId.of(Forms.given(form.poolId()));
            } catch (IllegalArgumentException | NullPointerException e) {
                in.reject("poolId", "choose a farm");
            }
            var amount = in.positiveAmount("amount", Forms.given(form.amount()));
            in.check();
            var farmId = farm;
            return requests.once("farm-deposit", id, () -> {
                farms.deposit(Caller.current().id(), farmId, amount);
                return "/app/farms?done=farm-deposited";
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
                                    "TOKEN_PAUSED", "amount",
                                    "FARM_ENDED", "poolId",
                                    "UNKNOWN_FARM", "poolId")));
            return page(model);
        }
    }

    @PostMapping("/app/farms/{id}/harvest")
    String harvest(@PathVariable("id") UUID uuid, Model model, HttpServletResponse response) {
        return act(uuid, model, response, "harvest", "farm-harvested");
    }

    @PostMapping("/app/farms/{id}/withdraw-all")
    String withdrawAll(@PathVariable("id") UUID uuid, Model model, HttpServletResponse response) {
        return act(uuid, model, response, "withdraw", "farm-withdrawn");
    }

    private String act(UUID uuid, Model model, HttpServletResponse response, String what, String done) {
        var farm = new FarmId(uuid);
        var me = Caller.current().id();
        try {
            if (what.equals("harvest")) {
                farms.harvest(me, farm);
            } else {
                var staked = farms.position(farm, me).amount();
                if (!staked.isPositive()) {
                    throw io.bta.tokenomics.farms.FarmsProblems.noPosition();
                }
                farms.withdraw(me, farm, staked);
            }
            return "redirect:/app/farms?done=" + done;
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("form", new PageForms.Stake("", ""));
            model.addAttribute("errors", Map.of("position", p.getMessage()));
            model.addAttribute("positionFailed", farm);
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("farms", farms.farms());
        positionsModel(model);
        return "web/farms";
    }

    private void positionsModel(Model model) {
        model.addAttribute("positions", farms.positionsOf(Caller.current().id()));
        model.addAttribute(
                "farmsById",
                farms.farms().stream().collect(Collectors.toMap(f -> f.id().toString(), Function.identity())));
    }
}
