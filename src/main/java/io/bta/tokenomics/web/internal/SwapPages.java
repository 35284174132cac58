package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.amm.Amm;
import io.bta.tokenomics.amm.SwapOrder;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The swap page: token in and out, an exact amount to pay (exact in) or to receive (exact out), a
 * live quote as it is typed, and the slippage tolerance and deadline turned into the order's limit
 * (the least output, or the most input) and deadline.
 */
@Controller
@Hidden // pages, not part of the API description
class SwapPages {

    private static final BigDecimal MAX_SLIPPAGE_PERCENT = new BigDecimal("50");
    private static final long MAX_DEADLINE_MINUTES = 24 * 60;

    private final Amm amm;
    private final PageRequests requests;

    SwapPages(Amm amm, PageRequests requests) {
        this.amm = amm;
        this.requests = requests;
    }

    @GetMapping("/app/swap")
    String swap(Model model) {
        model.addAttribute("form", PageForms.Swap.EMPTY);
        return page(model);
    }

    /** The quote alone, asked for as the amount is typed: nothing changes. */
    @GetMapping("/app/swap/quote")
    String quote(PageForms.Swap form, Model model) {
        try {
            var order = order(form, null);
            var quote = amm.quote(Caller.current().id(), order.order());
            model.addAttribute("quote", quote);
            model.addAttribute("exactOut", order.order().kind() == SwapOrder.Kind.EXACT_OUT);
            model.addAttribute("limit", order.order().limit());
        } catch (DomainProblem p) {
            model.addAttribute("quoteError", p.getMessage());
        }
        model.addAttribute("tokens", tokens());
        return "web/swap :: quote";
    }

    @PostMapping("/app/swap")
    String submit(
            PageForms.Swap form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var id = requests.requestId(requestId);
        try {
            var order = order(form, Instant.now());
            return requests.once("swap", id, () -> {
                var result = amm.swap(Caller.current().id(), order.order());
                return "/app/swap?done=swapped&in=" + result.amountIn() + "&out=" + result.amountOut() + "&txs="
                        + result.transactions().size();
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
                                    "SLIPPAGE_EXCEEDED", "slippage",
                                    "DEADLINE_PASSED", "deadlineMinutes",
                                    "INSUFFICIENT_LIQUIDITY", "amount",
                                    "NO_ROUTE", "tokenOut",
                                    "POOL_PAUSED", "tokenOut")));
            return page(model);
        }
    }

    private record Order(SwapOrder order) {}

    /**
     * The order of the form. Exact in: the minimum output is the quote less the slippage tolerance,
     * rounded down. Exact out: the maximum input is the quote plus the tolerance, rounded down (the
     * stricter bound for the caller). The deadline is that many minutes from {@code now} (none for
     * a quote).
     */
    private Order order(PageForms.Swap form, Instant now) {
        var in = new Inputs();
        var tokenIn = token(in, "tokenIn", form.tokenIn());
        var tokenOut = token(in, "tokenOut", form.tokenOut());
        var amount = in.positiveAmount("amount", Forms.given(form.amount()));
        var slippage = percent(in, form.slippage());
        var minutes = minutes(in, form.deadlineMinutes());
        if (tokenIn != null && tokenIn.equals(tokenOut)) {
            in.reject("tokenOut", "choose a different token");
        }
        if (form.kind() != null && !form.kind().isBlank() && !"in".equals(form.kind()) && !form.exactOut()) {
            in.reject("kind", "choose to pay or to receive exactly the amount");
        }
        in.check();
        var kind = form.exactOut() ? SwapOrder.Kind.EXACT_OUT : SwapOrder.Kind.EXACT_IN;
        var quoted = amm.quote(Caller.current().id(), new SwapOrder(tokenIn, tokenOut, kind, amount, null, null));
        var deadline = now == null ? null : now.plus(Duration.ofMinutes(minutes));
        Amount limit = kind == SwapOrder.Kind.EXACT_IN
                ? quoted.amountOut().timesRoundedDown(BigDecimal.ONE.subtract(slippage.movePointLeft(2)))
                : quoted.amountIn().timesRoundedDown(BigDecimal.ONE.add(slippage.movePointLeft(2)));
        return new Order(new SwapOrder(tokenIn, tokenOut, kind, amount, limit, deadline));
    }

    private static TokenId token(Inputs in, String field, String raw) {
        try {
            return new TokenId(UUID.fromString(Forms.given(raw)));
        } catch (RuntimeException e) {
            in.reject(field, "choose a token");
            return null;
        }
    }

    private static BigDecimal percent(Inputs in, String raw) {
        try {
            var value = new BigDecimal(Forms.given(raw));
            if (value.signum() < 0 || value.compareTo(MAX_SLIPPAGE_PERCENT) > 0) {
                in.reject("slippage", "must be between 0 and 50 %");
                return BigDecimal.ZERO;
            }
            return value;
        } catch (RuntimeException e) {
            in.reject("slippage", "must be a percentage such as 0.5");
            return BigDecimal.ZERO;
        }
    }

    private static long minutes(Inputs in, String raw) {
        try {
            var value = Long.parseLong(Forms.given(raw));
            if (value < 1 || value > MAX_DEADLINE_MINUTES) {
                in.reject("deadlineMinutes", "must be between 1 and 1440 minutes");
            }
            return value;
        } catch (RuntimeException e) {
            in.reject("deadlineMinutes", "must be a whole number of minutes");
            return 0;
        }
    }

    /** Every token of an active pool, by id, with its symbol. */
    private Map<String, String> tokens() {
        var tokens = new LinkedHashMap<String, String>();
        for (var p : amm.pools()) {
            tokens.put(p.tokenA().toString(), p.symbolA());
            tokens.put(p.tokenB().toString(), p.symbolB());
        }
        return tokens;
    }

    private String page(Model model) {
        model.addAttribute("tokens", tokens());
        model.addAttribute("pools", amm.pools());
        return "web/swap";
    }
}
