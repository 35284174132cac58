package io.bta.tokenomics.amm;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;
import java.time.Instant;

/** The AMM's refusals, each naming the rule and the facts. */
public final class AmmProblems {

    private AmmProblems() {}

    public static DomainProblem unknownPool(String id) {
        return NotFound.of("UNKNOWN_AMM_POOL", "no AMM pool " + id);
    }

    public static DomainProblem poolExists(String symbolA, String symbolB, PoolId existing) {
        return Conflict.of("POOL_EXISTS", "a pool of " + symbolA + " and " + symbolB + " exists: " + existing)
                .with("poolId", existing.toString());
    }

    public static DomainProblem poolPaused(PoolId id) {
        return Conflict.of("POOL_PAUSED", "pool " + id + " is paused: no swaps or liquidity changes until it resumes")
                .with("poolId", id.toString());
    }

    public static DomainProblem noRoute(String symbolIn, String symbolOut) {
        return NotFound.of(
                        "NO_ROUTE",
                        "no pool of " + symbolIn + " and " + symbolOut + ", directly or through one other token")
                .with("tokenIn", symbolIn)
                .with("tokenOut", symbolOut);
    }

    public static DomainProblem insufficientLiquidity(String detail) {
        return RuleViolation.of("INSUFFICIENT_LIQUIDITY", detail);
    }

    /** The swap would give less than {@code amountOutMin}: {@code amountOut} is what it would give. */
    public static DomainProblem outputBelowMinimum(Amount amountOut, Amount amountOutMin) {
        return RuleViolation.of(
                        "SLIPPAGE_EXCEEDED",
                        "the swap would give " + amountOut + ", less than amountOutMin " + amountOutMin)
                .with("amountOut", amountOut.toString())
                .with("amountOutMin", amountOutMin.toString());
    }

    /** The swap would take more than {@code amountInMax}: {@code amountIn} is what it would take. */
    public static DomainProblem inputAboveMaximum(Amount amountIn, Amount amountInMax) {
        return RuleViolation.of(
                        "SLIPPAGE_EXCEEDED",
                        "the swap would take " + amountIn + ", more than amountInMax " + amountInMax)
                .with("amountIn", amountIn.toString())
                .with("amountInMax", amountInMax.toString());
    }

    /** Liquidity would take or pay less of a token than its minimum ({@code field} names it). */
    public static DomainProblem belowMinimum(String field, Amount amount, Amount minimum) {
        return RuleViolation.of(
                        "SLIPPAGE_EXCEEDED",
                        "the pool would take or pay " + amount + ", less than " + field + " " + minimum)
                .with("amount", amount.toString())
                .with(field, minimum.toString());
    }

    public static DomainProblem deadlinePassed(Instant deadline, Instant now) {
        return RuleViolation.of("DEADLINE_PASSED", "the deadline " + deadline + " has passed (now " + now + ")")
                .with("deadline", deadline.toString());
    }

    /** The caller lacks what the operation takes: the ledger's own facts, answered as a rule of the AMM. */
    public static DomainProblem insufficientBalance(DomainProblem ledgerRefusal) {
        var problem = RuleViolation.of("INSUFFICIENT_BALANCE", ledgerRefusal.getMessage());
        ledgerRefusal.properties().forEach(problem::with);
        return problem;
    }
}
