package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.airdrops.AirdropId;
import io.bta.tokenomics.airdrops.Airdrops;
import io.bta.tokenomics.shared.error.DomainProblem;
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

/**
 * The caller's airdrops: every campaign that lists the caller, its amount, window and status, a
 * claim button while it is open and unclaimed, and the caller's Merkle proof, with how to check it.
 */
@Controller
@Hidden // pages, not part of the API description
class AirdropPages {

    private final Airdrops airdrops;

    AirdropPages(Airdrops airdrops) {
        this.airdrops = airdrops;
    }

    @GetMapping("/app/airdrops")
    String airdrops(Model model) {
        return page(model);
    }

    /**
     * Claims one airdrop. From htmx (the button), answers the list again; without scripts, the form
     * posts and the page is shown again after a redirect. A second claim is refused, and says so.
     */
    @PostMapping("/app/airdrops/{id}/claim")
    String claim(@PathVariable("id") UUID uuid, Model model, HttpServletRequest request, HttpServletResponse response) {
        boolean htmx = request.getHeader("HX-Request") != null;
        var id = new AirdropId(uuid);
        var me = Caller.current().id();
        try {
            airdrops.claim(id, me, me);
            if (!htmx) {
                return "redirect:/app/airdrops?done=airdrop-claimed";
            }
            model.addAttribute("claimed", id);
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of("claim", p.getMessage()));
            model.addAttribute("claimFailed", id);
        }
        page(model);
        return htmx ? "web/airdrops :: mine" : "web/airdrops";
    }

    private String page(Model model) {
        model.addAttribute("eligible", airdrops.eligibility(Caller.current().id()));
        return "web/airdrops";
    }
}
