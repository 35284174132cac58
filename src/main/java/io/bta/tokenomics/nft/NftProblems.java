package io.bta.tokenomics.nft;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;

/** The NFT module's refusals, each with a stable code. */
public final class NftProblems {

    private NftProblems() {}

    public static DomainProblem unknownCollection(String identifier) {
        return NotFound.of("UNKNOWN_COLLECTION", "no NFT collection '" + identifier + "' (give its id or symbol)");
    }

    public static DomainProblem unknownNft(String symbol, long number) {
        return NotFound.of("UNKNOWN_NFT", "no token " + number + " in the collection " + symbol);
    }

    public static DomainProblem collectionExists(String symbol) {
        return Conflict.of("COLLECTION_EXISTS", "a collection with the symbol " + symbol + " exists already");
    }

    public static DomainProblem soulbound(String symbol) {
        return Conflict.of("SOULBOUND", "the tokens of " + symbol + " are soulbound: they stay with their owner");
    }

    public static DomainProblem burned(String symbol, long number) {
        return Conflict.of("NFT_BURNED", "token " + number + " of " + symbol + " was burned");
    }

    public static DomainProblem maxSupplyReached(String symbol, long max) {
        return RuleViolation.of("MAX_SUPPLY_REACHED", symbol + " has minted its maximum of " + max + " tokens");
    }

    public static DomainProblem badgeRuleExists(String symbol, BadgeTrigger trigger, int threshold) {
        return Conflict.of(
                "BADGE_RULE_EXISTS", symbol + " has a badge rule for " + threshold + " " + trigger + " already");
    }

    public static DomainProblem bridgeOff() {
        return RuleViolation.of(
                "NFT_BRIDGE_OFF",
                "this service has no bridge to a chain (tokenomics.bridge.enabled is false): tokens stay in the ledger");
    }

    public static DomainProblem onChain(String symbol, long number) {
        return Conflict.of(
                "NFT_ON_CHAIN",
                "token " + number + " of " + symbol + " is on chain: it comes back to the ledger by a deposit there");
    }

    public static DomainProblem notOwner(EntityId caller, String symbol, long number) {
        return Forbidden.of("NOT_NFT_OWNER", caller + " does not own token " + number + " of " + symbol);
    }
}
