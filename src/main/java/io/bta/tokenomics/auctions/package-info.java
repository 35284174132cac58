/**
 * Auctions: participation bonds in BTA-UTIL for the platform's reverse auctions. A bidder's bond
 * is {@code baseBond × f(trust)}, with f falling linearly from 1.0 at trust 0 to 0.5 at trust 100
 * (configurable), rounded up to the smallest unit. Joining locks the bond; settling, once per
 * auction and in one transaction, unlocks the losers' bonds, unlocks the winner's (less the
 * participation fee, which goes to the treasury) and forfeits defaulted bidders' bonds to the
 * treasury. {@link io.bta.tokenomics.auctions.Auctions} is the facade.
 */
package io.bta.tokenomics.auctions;
