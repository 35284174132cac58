/**
 * Yield farming: farms that pay BTA-REWARD every second to holders who lock a ledger token in
 * them, MasterChef style, split between farms by weight and boosted by the holder's trust score.
 * The pure rules are {@link io.bta.tokenomics.farms.TrustBoost} (working amount from a trust
 * score) and {@link io.bta.tokenomics.farms.FarmAccrual} with {@link
 * io.bta.tokenomics.farms.FarmPosition} (the per-farm index, the emission split by weight and each
 * position's reward debt), exact in base units with every rounding remainder carried as a counted
 * number. {@link io.bta.tokenomics.farms.Farms} is the facade.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ledger", "trust", "governance", "shared"})
package io.bta.tokenomics.farms;
