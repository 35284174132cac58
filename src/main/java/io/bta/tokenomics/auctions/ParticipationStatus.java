package io.bta.tokenomics.auctions;

/** JOINED holds the bond locked; the others are the outcome of the settlement. */
public enum ParticipationStatus {
    JOINED,
    /** Bond unlocked. */
    LOST,
    /** Bond unlocked, less the auction's participation fee (moved to the treasury). */
    WON,
    /** The bidder defaulted: the whole bond went to the treasury. */
    FORFEITED
}
