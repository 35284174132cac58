package io.bta.tokenomics.amm.internal;

import io.bta.tokenomics.amm.Amm;
import io.bta.tokenomics.amm.AmmProblems;
import io.bta.tokenomics.amm.LiquidityResult;
import io.bta.tokenomics.amm.Pool;
import io.bta.tokenomics.amm.PoolFees;
import io.bta.tokenomics.amm.PoolId;
import io.bta.tokenomics.amm.PoolSeries;
import io.bta.tokenomics.amm.PoolStats;
import io.bta.tokenomics.amm.PoolStatus;
import io.bta.tokenomics.amm.SwapOrder;
import io.bta.tokenomics.amm.SwapResult;
import io.bta.tokenomics.amm.Twap;
import io.bta.tokenomics.amm.TwapWindow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerProblems;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.batching.KeptAnswers;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.Problems;
import io.bta.tokenomics.shared.idempotency.IdempotentRequest;
import io.bta.tokenomics.shared.idempotency.StoredResponse;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AMM's JSON API under {@code /api/amm}: pools, liquidity, swaps and quotes. Amounts are
 * decimal strings, a deadline an ISO-8601 instant; a token is named by id, symbol or type.
 */
@RestController
@RequestMapping("/api/amm")
@Tag(name = "AMM", description = "token swaps and liquidity pools (constant product, Uniswap v2's math)")
class AmmController {

    record CreatePoolRequest(
            String tokenA, String tokenB, Integer feeBps, Integer trustFeeBps, BigDecimal trustMinScore) {}

    record UpdatePoolRequest(String status, Integer feeBps, Integer trustFeeBps, BigDecimal trustMinScore) {}

    record AddLiquidityRequest(
            String amountADesired, String amountBDesired, String amountAMin, String amountBMin, String deadline) {}

    record RemoveLiquidityRequest(String liquidity, String amountAMin, String amountBMin, String deadline) {}

    record SwapRequest(
            String tokenIn,
            String tokenOut,
            String amountIn,
            String amountOutMin,
            String amountOut,
            String amountInMax,
            String deadline) {}

    private final Amm amm;
    private final Ledger ledger;
    private final JsonMapper json;
    private final java.time.Clock clock;

    AmmController(Amm amm, Ledger ledger, JsonMapper json, java.time.Clock clock) {
        this.json = json;
        this.clock = clock;
        this.amm = amm;
        this.ledger = ledger;
    }

    @PostMapping("/pools")
    @Operation(
            summary = "Create the pool of two BTA tokens, with its LP share token (admin)",
            description = "The pair is one pool whichever order it is named in; feeBps defaults to 30 (0.3%)."
                    + " A pool may charge trustFeeBps instead to callers whose trust score is at least trustMinScore.")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 409, codes = "POOL_EXISTS")
    ResponseEntity<Pool> createPool(@RequestBody CreatePoolRequest r) {
        Caller.current().requireAdmin();
        var in = new Inputs();
        var tokenA = token(in, "tokenA", r.tokenA());
        var tokenB = token(in, "tokenB", r.tokenB());
        var fees = in.valid(
                "feeBps",
                () -> new PoolFees(
                        r.feeBps() == null ? PoolFees.DEFAULT_FEE_BPS : r.feeBps(),
                        r.trustFeeBps(),
                        r.trustMinScore()));
        if (tokenA != null && tokenA.equals(tokenB)) {
            in.reject("tokenB", "must differ from tokenA: a pool pairs two different tokens");
        }
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED).body(amm.createPool(tokenA, tokenB, fees));
    }

    @GetMapping("/pools")
    @Operation(summary = "Every pool with its reserves, prices and LP supply")
    List<Pool> pools() {
        Caller.current();
        return amm.pools();
    }

    @GetMapping("/pools/{poolId}")
    @Operation(summary = "One pool with its reserves, prices and LP supply")
    @Refuses(status = 404, codes = "UNKNOWN_AMM_POOL")
    Pool pool(@PathVariable String poolId) {
        Caller.current();
        return amm.pool(poolId(poolId));
    }

    @PatchMapping("/pools/{poolId}")
    @Operation(summary = "Pause or resume a pool, or change its fees from now on (admin)")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_AMM_POOL")
    Pool updatePool(@PathVariable String poolId, @RequestBody UpdatePoolRequest r) {
        Caller.current().requireAdmin();
        var id = poolId(poolId);
        var in = new Inputs();
        var status = in.optionalEnum("status", PoolStatus.class, r.status(), "must be ACTIVE or PAUSED");
        PoolFees fees = null;
        if (r.feeBps() != null || r.trustFeeBps() != null || r.trustMinScore() != null) {
            var current = amm.pool(id);
            fees = in.valid(
                    "feeBps",
                    () -> new PoolFees(
                            r.feeBps() == null ? current.feeBps() : r.feeBps(), r.trustFeeBps(), r.trustMinScore()));
        }
        in.check();
        return amm.updatePool(id, fees, status);
    }

    @GetMapping("/pools/{poolId}/twap")
    @Operation(
            summary = "A pool's time-weighted average prices over a window up to now",
            description = "window: a whole number and a unit s, m, h or d (default 1h, at most 30d).")
    @Refuses(status = 404, codes = "UNKNOWN_AMM_POOL")
    Twap twap(@PathVariable String poolId, @RequestParam(required = false) String window) {
        Caller.current();
        var id = poolId(poolId);
        var in = new Inputs();
        var w = in.valid("window", () -> TwapWindow.parse(window == null ? "1h" : window));
        in.check();
        return amm.twap(id, w);
    }

    @GetMapping("/pools/{poolId}/stats")
    @Operation(
            summary = "A pool's swaps, volume and fees over a window up to now, and its value locked",
            description = "window: a whole number and a unit s, m, h or d (default 24h, at most 30d). Volume and fees"
                    + " are per token in; the value locked is given in each token's units.")
    @Refuses(status = 404, codes = "UNKNOWN_AMM_POOL")
    PoolStats stats(@PathVariable String poolId, @RequestParam(required = false) String window) {
        Caller.current();
        var id = poolId(poolId);
        var in = new Inputs();
        var w = in.valid("window", () -> TwapWindow.parse(window == null ? "24h" : window));
        in.check();
        return amm.stats(id, w);
    }

    @GetMapping("/pools/{poolId}/series")
    @Operation(
            summary = "A pool's swaps, volume, fees, reserves and value locked over time, per bucket",
            description = "interval: 5m, 1h (default) or 1d, buckets at whole multiples since the epoch (UTC); from"
                    + " (default to − 1 day) and to (default now), ISO-8601 instants rounded outwards to whole buckets;"
                    + " at most 1000 buckets. Swaps, volume and fees are sums over a bucket; reserves and value locked"
                    + " are as at its end.")
    @Refuses(status = 404, codes = "UNKNOWN_AMM_POOL")
    PoolSeries series(
            @PathVariable String poolId,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Caller.current();
        var id = poolId(poolId);
        var in = new Inputs();
        var size = interval == null
                ? PoolSeries.Interval.ONE_HOUR
                : PoolSeries.Interval.ofKey(interval).orElse(null);
        if (size == null) {
            in.reject("interval", "must be one of " + PoolSeries.Interval.keys());
        }
        var until = in.optionalInstant("to", to);
        var since = in.optionalInstant("from", from);
        in.check();
        var end = until == null ? clock.instant() : until;
        var start = since == null ? end.minus(java.time.Duration.ofDays(1)) : since;
        return amm.series(id, size, start, end);
    }

    @PostMapping("/pools/{poolId}/liquidity")
    @Operation(
            summary = "Deposit both tokens at the pool's ratio and receive LP shares",
            description = "Takes all of one desired amount and as much of the other as the ratio asks (v2's router);"
                    + " refused when it would take less of a token than its minimum.")
    @Refuses(status = 404, codes = "UNKNOWN_AMM_POOL")
    @Refuses(status = 409, codes = "POOL_PAUSED")
    @Refuses(status = 422, codes = "SLIPPAGE_EXCEEDED")
    @Refuses(status = 422, codes = "DEADLINE_PASSED")
    @Refuses(status = 422, codes = "INSUFFICIENT_LIQUIDITY")
    @Refuses(status = 422, codes = "INSUFFICIENT_BALANCE")
    ResponseEntity<LiquidityResult> addLiquidity(@PathVariable String poolId, @RequestBody AddLiquidityRequest r) {
        var caller = Caller.current();
        var id = poolId(poolId);
        var in = new Inputs();
        var desiredA = in.positiveAmount("amountADesired", r.amountADesired());
        var desiredB = in.positiveAmount("amountBDesired", r.amountBDesired());
        var minA = minimum(in, "amountAMin", r.amountAMin());
        var minB = minimum(in, "amountBMin", r.amountBMin());
        var deadline = in.optionalInstant("deadline", r.deadline());
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(amm.addLiquidity(caller.id(), id, desiredA, desiredB, minA, minB, deadline));
    }

    @PostMapping("/pools/{poolId}/liquidity/remove")
    @Operation(summary = "Burn LP shares and receive their part of each reserve, rounded down")
    @Refuses(status = 404, codes = "UNKNOWN_AMM_POOL")
    @Refuses(status = 422, codes = "SLIPPAGE_EXCEEDED")
    @Refuses(status = 422, codes = "DEADLINE_PASSED")
    @Refuses(status = 422, codes = "INSUFFICIENT_LIQUIDITY")
    @Refuses(status = 422, codes = "INSUFFICIENT_BALANCE")
    ResponseEntity<LiquidityResult> removeLiquidity(
            @PathVariable String poolId, @RequestBody RemoveLiquidityRequest r) {
        var caller = Caller.current();
        var id = poolId(poolId);
        var in = new Inputs();
        var liquidity = in.positiveAmount("liquidity", r.liquidity());
        var minA = minimum(in, "amountAMin", r.amountAMin());
        var minB = minimum(in, "amountBMin", r.amountBMin());
        var deadline = in.optionalInstant("deadline", r.deadline());
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(amm.removeLiquidity(caller.id(), id, liquidity, minA, minB, deadline));
    }

    @PostMapping("/swap")
    @Operation(
            summary = "Swap one token for another, exact in or exact out",
            description = "Exact in: {tokenIn, tokenOut, amountIn, amountOutMin}. Exact out: {tokenIn, tokenOut,"
                    + " amountOut, amountInMax}. Through the pair's pool, or through two pools when the pair has none.")
    @Refuses(status = 404, codes = "NO_ROUTE")
    @Refuses(status = 409, codes = "POOL_PAUSED")
    @Refuses(status = 422, codes = "SLIPPAGE_EXCEEDED")
    @Refuses(status = 422, codes = "DEADLINE_PASSED")
    @Refuses(status = 422, codes = "INSUFFICIENT_LIQUIDITY")
    @Refuses(status = 422, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 503, codes = "AMM_BUSY")
    @Refuses(status = 503, codes = "AMM_UNAVAILABLE")
    @Refuses(status = 503, codes = "OUTCOME_UNKNOWN")
    @ApiResponse(
            responseCode = "201",
            description = "the swap, committed",
            content = @Content(schema = @Schema(implementation = SwapResult.class)))
    ResponseEntity<?> swap(@RequestBody SwapRequest r, HttpServletRequest http) {
        var caller = Caller.current();
        var in = new Inputs();
        var order = order(in, r, true);
        var ticket = IdempotentRequest.of(http);
        if (ticket == null || !amm.groupCommitEnabled()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(amm.swap(caller.id(), order));
        }
        // the key is kept with the swap, in the group commit's transaction
        return StoredResponse.toResponse(
                amm.swap(caller.id(), order, ticket, renderer(URI.create(http.getRequestURI()))));
    }

    /** A swap's outcome as the answer sent and kept: 201 with the result, or the refusal's problem. */
    private java.util.function.Function<Object, KeptAnswers.Answer> renderer(URI instance) {
        return outcome -> {
            if (outcome instanceof SwapResult result) {
                return StoredResponse.json(
                        HttpStatus.CREATED.value(), MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(result));
            }
            var problem = outcome instanceof DomainProblem refused
                    ? Problems.of(refused)
                    : Problems.of(
                            HttpStatus.INTERNAL_SERVER_ERROR,
                            "INTERNAL_ERROR",
                            "Internal error",
                            "the swap failed inside the service; nothing was applied");
            problem.setInstance(instance);
            return StoredResponse.json(
                    problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
        };
    }

    @GetMapping("/quote")
    @Operation(
            summary = "What a swap would answer now for the caller, with nothing changed",
            description = "amountIn for exact in, or amountOut for exact out.")
    @Refuses(status = 404, codes = "NO_ROUTE")
    @Refuses(status = 409, codes = "POOL_PAUSED")
    @Refuses(status = 422, codes = "INSUFFICIENT_LIQUIDITY")
    SwapResult quote(
            @RequestParam(required = false) String tokenIn,
            @RequestParam(required = false) String tokenOut,
            @RequestParam(required = false) String amountIn,
            @RequestParam(required = false) String amountOut) {
        var caller = Caller.current();
        var in = new Inputs();
        var order = order(in, new SwapRequest(tokenIn, tokenOut, amountIn, null, amountOut, null, null), false);
        return amm.quote(caller.id(), order);
    }

    private SwapOrder order(Inputs in, SwapRequest r, boolean withLimit) {
        var tokenIn = token(in, "tokenIn", r.tokenIn());
        var tokenOut = token(in, "tokenOut", r.tokenOut());
        if (tokenIn != null && tokenIn.equals(tokenOut)) {
            in.reject("tokenOut", "must differ from tokenIn");
        }
        SwapOrder.Kind kind = null;
        Amount amount = null;
        Amount limit = null;
        if (r.amountIn() != null && r.amountOut() != null) {
            in.reject("amountOut", "give amountIn (exact in) or amountOut (exact out), not both");
        } else if (r.amountOut() != null) {
            kind = SwapOrder.Kind.EXACT_OUT;
            amount = in.positiveAmount("amountOut", r.amountOut());
            if (r.amountOutMin() != null) {
                in.reject("amountOutMin", "goes with amountIn; an exact-out swap is limited by amountInMax");
            }
            limit = withLimit ? in.positiveAmount("amountInMax", r.amountInMax()) : null;
        } else {
            kind = SwapOrder.Kind.EXACT_IN;
            amount = in.positiveAmount("amountIn", r.amountIn());
            if (r.amountInMax() != null) {
                in.reject("amountInMax", "goes with amountOut; an exact-in swap is limited by amountOutMin");
            }
            limit = withLimit ? minimumRequired(in, "amountOutMin", r.amountOutMin()) : null;
        }
        var deadline = in.optionalInstant("deadline", r.deadline());
        in.check();
        return new SwapOrder(tokenIn, tokenOut, kind, amount, limit, deadline);
    }

    /** A token named by id, symbol or type; one that names none is refused naming the field. */
    private TokenId token(Inputs in, String field, String value) {
        var text = in.required(field, value, 64);
        if (text == null) {
            return null;
        }
        try {
            // the catalog's definitions: no database read on the swap path
            var token = ledger.resolve(text);
            if (!ledger.typeOf(token).isBta()) {
                return in.reject(
                        field, ledger.symbolOf(token) + " is a pool's share token; pools and swaps take BTA tokens");
            }
            return token;
        } catch (LedgerProblems.UnknownToken e) {
            return in.reject(field, e.getMessage());
        }
    }

    private static Amount minimum(Inputs in, String field, String raw) {
        return raw == null ? null : minimumRequired(in, field, raw);
    }

    /** A limit of zero or more: zero accepts any amount. */
    private static Amount minimumRequired(Inputs in, String field, String raw) {
        if (raw == null) {
            return in.reject(field, "is required (\"0\" accepts any amount)");
        }
        return in.valid(field, () -> {
            var amount = Amount.parse(raw);
            if (amount.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return amount;
        });
    }

    /** An id that is not a pool's names no pool: the same 404 as a well-formed id of none. */
    private static PoolId poolId(String value) {
        try {
            return PoolId.of(value);
        } catch (IllegalArgumentException e) {
            throw AmmProblems.unknownPool(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
