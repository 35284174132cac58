/**
 * Yield farming: farms that pay BTA-REWARD to holders of a staked ledger token, MasterChef style.
 * This first part holds the pure rules only: {@link io.bta.tokenomics.farms.TrustBoost} (working
 * amount from a trust score) and {@link io.bta.tokenomics.farms.FarmAccrual} (the per-farm index,
 * the emission split by weight and each position's reward debt), exact in base units with every
 * rounding remainder carried as a counted number.
 */
package io.bta.tokenomics.farms;
