package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.vesting.Grant;
import io.bta.tokenomics.vesting.Vesting;
import io.bta.tokenomics.vesting.VestingId;
import io.bta.tokenomics.vesting.VestingSchedule;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The caller's vesting schedules: each with a chart of what vests over time (drawn on the server
 * as SVG from the schedule's own rule), what has vested, been released and is releasable, and a
 * release button.
 */
@Controller
@Hidden // pages, not part of the API description
class VestingPages {

    /** A grant and its chart: the vested curve's points and where "now" is, in a 300 × 100 box. */
    public record Row(Grant grant, String curve, BigDecimal nowX, BigDecimal nowY, String label) {}

    static final int WIDTH = 300;
    static final int HEIGHT = 100;
    static final int POINTS = 60;

    private final Vesting vesting;

    VestingPages(Vesting vesting) {
        this.vesting = vesting;
    }

    @GetMapping("/app/vesting")
    String vesting(Model model) {
        return page(model);
    }

    @PostMapping("/app/vesting/{id}/release")
    String release(
            @PathVariable("id") UUID uuid, Model model, HttpServletRequest request, HttpServletResponse response) {
        boolean htmx = request.getHeader("HX-Request") != null;
        var id = new VestingId(uuid);
        var me = Caller.current();
        try {
            var grant = vesting.grant(id);
            if (!me.isAdmin() && !me.id().equals(grant.beneficiaryId())) {
                throw io.bta.tokenomics.vesting.VestingProblems.unknownGrant(id.toString());
            }
            var released = vesting.release(id, me.id());
            if (!htmx) {
                return "redirect:/app/vesting?done=vesting-released";
            }
            model.addAttribute("released", released);
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of("release", p.getMessage()));
            model.addAttribute("releaseFailed", id);
        }
        page(model);
        return htmx ? "web/vesting :: mine" : "web/vesting";
    }

    private String page(Model model) {
        model.addAttribute(
                "grants",
                vesting.grantsOf(Caller.current().id()).stream()
                        .map(VestingPages::row)
                        .toList());
        return "web/vesting";
    }

    /** The curve of {@code vested(t)} from the start to the end, and "now" on it, scaled to the box. */
    static Row row(Grant g) {
        var schedule = new VestingSchedule(
                g.total(), g.start(), Duration.ofSeconds(g.cliffSeconds()), Duration.ofSeconds(g.durationSeconds()));
        var from = g.start();
        var to = g.endsAt();
        long span = Math.max(1, Duration.between(from, to).toSeconds());
        var points = new ArrayList<String>();
        for (int i = 0; i <= POINTS; i++) {
            var t = from.plusSeconds(span * i / POINTS);
            // a vertical step at the cliff: the point just before it, then the one at it
            if (g.cliffSeconds() > 0
                    && i > 0
                    && t.isAfter(g.cliffEndsAt())
                    && !from.plusSeconds(span * (i - 1) / POINTS).isAfter(g.cliffEndsAt())) {
                points.add(point(g, schedule, g.cliffEndsAt().minusNanos(1000), from, span));
                points.add(point(g, schedule, g.cliffEndsAt(), from, span));
            }
            points.add(point(g, schedule, t, from, span));
        }
        var now = g.asOf().isAfter(to) ? to : g.asOf().isBefore(from) ? from : g.asOf();
        var label = "Vested over time: " + g.vested() + " " + g.tokenSymbol() + " of " + g.total() + " "
                + g.tokenSymbol() + " by now";
        return new Row(g, String.join(" ", points), x(now, from, span), y(g.vested(), g.total()), label);
    }

    private static String point(Grant g, VestingSchedule schedule, Instant t, Instant from, long span) {
        var vested = g.revokedAt() != null && t.isAfter(g.revokedAt())
                ? schedule.vestedAt(g.revokedAt())
                : schedule.vestedAt(t);
        return x(t, from, span).toPlainString() + "," + y(vested, g.total()).toPlainString();
    }

    /** A drawing coordinate, to a tenth of a pixel: how far along the schedule {@code t} is. */
    private static BigDecimal x(Instant t, Instant from, long span) {
        return BigDecimal.valueOf(WIDTH)
                .multiply(BigDecimal.valueOf(Duration.between(from, t).toSeconds()))
                .divide(BigDecimal.valueOf(span), 1, RoundingMode.DOWN);
    }

    /** A drawing coordinate, to a tenth of a pixel: the share of the total vested, 0 at the bottom. */
    private static BigDecimal y(Amount vested, Amount total) {
        var height = vested.toBigDecimal()
                .multiply(BigDecimal.valueOf(HEIGHT))
                .divide(total.toBigDecimal(), 1, RoundingMode.DOWN);
        return BigDecimal.valueOf(HEIGHT).setScale(1).subtract(height);
    }
}
