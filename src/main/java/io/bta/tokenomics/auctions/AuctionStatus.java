package io.bta.tokenomics.auctions;

/** OPEN takes bidders; SETTLED is final. */
public enum AuctionStatus {
    OPEN,
    SETTLED
}
