package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.amm.Amm;
import io.bta.tokenomics.amm.Pool;
import io.bta.tokenomics.amm.PoolId;
import io.bta.tokenomics.amm.PoolStats;
import io.bta.tokenomics.amm.TwapWindow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The AMM pools page: each pool's reserves, LP supply, fee, TVL (in the pool's first token: there is
 * no price source), fee APR from the last day's fees, the caller's LP positions, and the add and
 * remove liquidity forms.
 */
@Controller
@Hidden // pages, not part of the API description
class AmmPoolsPages {

    private static final TwapWindow DAY = new TwapWindow(Duration.ofDays(1));
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private final Amm amm;
    private final Ledger ledger;
    private final PageRequests requests;

    AmmPoolsPages(Amm amm, Ledger ledger, PageRequests requests) {
        this.amm = amm;
        this.ledger = ledger;
        this.requests = requests;
    }

    /** One pool as the page shows it; public because the template reads it. */
    public record PoolRow(
            Pool pool,
            BigDecimal feePercent,
            Amount tvlInA,
            BigDecimal feeAprPercent,
            Amount myLiquidity,
            Amount myShareA,
            Amount myShareB) {}

    @GetMapping("/app/pools")
    String pools(Model model) {
        model.addAttribute("form", PageForms.AddLiquidity.EMPTY);
        model.addAttribute("removeForm", PageForms.RemoveLiquidity.EMPTY);
        return page(model);
    }

    @PostMapping("/app/pools/add")
    String add(
            PageForms.AddLiquidity form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            var pool = pool(in, "poolId", form.poolId());
            var amountA = in.positiveAmount("amountA", Forms.given(form.amountA()));
            var amountB = in.positiveAmount("amountB", Forms.given(form.amountB()));
            in.check();
            return requests.once("add-liquidity", id, () -> {
                amm.addLiquidity(Caller.current().id(), pool, amountA, amountB, null, null, null);
                return "/app/pools?done=liquidity-added";
            });
        } catch (DomainProblem p) {
            Forms.showAgain(model, response, form, id, Forms.errors(p, fieldsByCode("amountA", "poolId")));
            model.addAttribute("removeForm", PageForms.RemoveLiquidity.EMPTY);
            return page(model);
        }
    }

    @PostMapping("/app/pools/remove")
    String remove(
            PageForms.RemoveLiquidity form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            var pool = pool(in, "removePoolId", form.removePoolId());
            var liquidity = in.positiveAmount("liquidity", Forms.given(form.liquidity()));
            in.check();
            return requests.once("remove-liquidity", id, () -> {
                amm.removeLiquidity(Caller.current().id(), pool, liquidity, null, null, null);
                return "/app/pools?done=liquidity-removed";
            });
        } catch (DomainProblem p) {
            Forms.showAgain(
                    model,
                    response,
                    PageForms.AddLiquidity.EMPTY,
                    id,
                    Forms.errors(p, fieldsByCode("liquidity", "removePoolId")));
            model.addAttribute("removeForm", form);
            return page(model);
        }
    }

    private static Map<String, String> fieldsByCode(String amountField, String poolField) {
        return Map.of(
                "INSUFFICIENT_BALANCE", amountField,
                "INSUFFICIENT_LIQUIDITY", amountField,
                "SLIPPAGE_EXCEEDED", amountField,
                "BELOW_MINIMUM", amountField,
                "POOL_PAUSED", poolField,
                "UNKNOWN_POOL", poolField);
    }

    private static PoolId pool(Inputs in, String field, String raw) {
        try {
            return PoolId.of(Forms.given(raw));
        } catch (RuntimeException e) {
            in.reject(field, "choose a pool");
            return null;
        }
    }

    private String page(Model model) {
        var me = Caller.current().id();
        List<PoolRow> rows = amm.pools().stream().map(p -> row(p, me)).toList();
        model.addAttribute("rows", rows);
        return "web/pools";
    }

    private PoolRow row(Pool p, io.bta.tokenomics.shared.EntityId me) {
        var stats = amm.stats(p.id(), DAY);
        var mine = ledger.balance(me, p.lpTokenId()).total();
        var supply = p.lpSupply();
        var shareA = supply.isPositive() ? share(p.reserveA(), mine, supply) : Amount.ZERO;
        var shareB = supply.isPositive() ? share(p.reserveB(), mine, supply) : Amount.ZERO;
        return new PoolRow(
                p, BigDecimal.valueOf(p.feeBps(), 2), stats.tvlInA(), feeAprPercent(p, stats), mine, shareA, shareB);
    }

    /** {@code reserve * mine / supply}, rounded down in the smallest unit. */
    private static Amount share(Amount reserve, Amount mine, Amount supply) {
        return Amount.ofUnits(reserve.units().multiply(mine.units()).divide(supply.units()));
    }

    /**
     * The last day's fees, both tokens valued in the first at the pool's price, over the TVL, times
     * 365; null without liquidity.
     */
    private static BigDecimal feeAprPercent(Pool p, PoolStats stats) {
        if (!stats.tvlInA().isPositive() || p.priceBInA() == null) {
            return null;
        }
        var fees = stats.feesA().toBigDecimal().add(stats.feesB().toBigDecimal().multiply(p.priceBInA()));
        return fees.multiply(DAYS_PER_YEAR)
                .movePointRight(2)
                .divide(stats.tvlInA().toBigDecimal(), MathContext.DECIMAL64)
                .setScale(2, java.math.RoundingMode.DOWN);
    }
}
