package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;

/** Auctions' refusals, each naming the rule. */
public final class AuctionProblems {

    private AuctionProblems() {}

    public static DomainProblem unknownAuction(String id) {
        return NotFound.of("UNKNOWN_AUCTION", "no auction " + id + " has been registered or joined");
    }

    public static DomainProblem unknownParticipant(String auctionId, String bidderId) {
        return NotFound.of("UNKNOWN_PARTICIPANT", "'" + bidderId + "' has not joined auction " + auctionId);
    }

    public static DomainProblem alreadySettled(String auctionId) {
        return Conflict.of("AUCTION_SETTLED", "auction " + auctionId + " is already settled");
    }

    public static DomainProblem closed(String closesAt) {
        return Conflict.of("AUCTION_CLOSED", "the auction closed at " + closesAt + " and takes no more bidders")
                .with("closesAt", closesAt);
    }

    public static DomainProblem alreadyJoined(String bidderId) {
        return Conflict.of("ALREADY_JOINED", "'" + bidderId + "' has already joined this auction")
                .with("bidderId", bidderId);
    }

    public static DomainProblem notAParticipant(String field, String bidderId) {
        return RuleViolation.of("NOT_A_PARTICIPANT", field + " '" + bidderId + "' has not joined this auction")
                .with("bidderId", bidderId);
    }

    public static DomainProblem feeAboveBaseBond(String fee, String baseBond) {
        return RuleViolation.of(
                        "FEE_ABOVE_BASE_BOND",
                        "the participation fee " + fee + " is more than the base bond " + baseBond)
                .with("baseBond", baseBond);
    }

    public static DomainProblem treasuryMayNotBid() {
        return RuleViolation.of("TREASURY_MAY_NOT_BID", "the treasury cannot take part in an auction");
    }
}
