package io.bta.tokenomics.bridge;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;
import io.bta.tokenomics.shared.error.Unavailable;

/** The bridge's refusals, each naming the rule. */
public final class BridgeProblems {

    private BridgeProblems() {}

    public static DomainProblem paused() {
        return Conflict.of("BRIDGE_PAUSED", "the bridge is paused: no withdrawals until it is unpaused");
    }

    public static DomainProblem notDeployed() {
        return Conflict.of(
                "BRIDGE_NOT_DEPLOYED", "the bridge's contracts are not deployed yet (POST /api/bridge/deploy)");
    }

    public static DomainProblem tokensNotInitialized() {
        return Conflict.of("TOKENS_NOT_INITIALIZED", "the ledger's tokens are not initialized yet");
    }

    public static DomainProblem notBridgeable(String symbol) {
        return RuleViolation.of(
                        "TOKEN_NOT_BRIDGEABLE",
                        "BTA-GUAR".equals(symbol)
                                ? "BTA-GUAR is collateral and is not bridgeable"
                                : "token " + symbol + " has no contract on chain")
                .with("symbol", symbol);
    }

    public static DomainProblem overWithdrawalMax(String amount, String max) {
        return RuleViolation.of("WITHDRAWAL_LIMIT", "a withdrawal of this token is at most " + max + ", got " + amount)
                .with("limit", "per-withdrawal")
                .with("max", max);
    }

    public static DomainProblem overDailyOutflow(String withdrawn, String max) {
        return RuleViolation.of(
                        "WITHDRAWAL_LIMIT",
                        "withdrawals of this token are at most " + max + " in 24 hours; this one would make "
                                + withdrawn)
                .with("limit", "daily-outflow")
                .with("max", max);
    }

    public static DomainProblem unknownWithdrawal(String id) {
        return NotFound.of("UNKNOWN_WITHDRAWAL", "no withdrawal " + id);
    }

    public static DomainProblem unknownDeposit(String id) {
        return NotFound.of("UNKNOWN_DEPOSIT", "no deposit " + id);
    }

    public static DomainProblem depositNotHeld(String id, String status) {
        return Conflict.of(
                        "DEPOSIT_NOT_HELD",
                        "deposit " + id + " is " + status + ", not HELD: only a held deposit is released")
                .with("depositStatus", status);
    }

    public static DomainProblem depositTokenUnknown(String id, String tokenAddress) {
        return RuleViolation.of(
                        "DEPOSIT_NOT_RELEASABLE",
                        "deposit " + id + " burned " + tokenAddress
                                + ", which is not one of the bridge's tokens: the escrow holds nothing of it")
                .with("tokenAddress", tokenAddress);
    }

    public static DomainProblem chainUnavailable(String detail) {
        return Unavailable.of("CHAIN_UNAVAILABLE", "the chain did not answer: " + detail);
    }
}
