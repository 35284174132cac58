/**
 * Staking: pools with an APY, a minimum stake, a lock period and a minimum trust score; stakes lock
 * tokens in the ledger and earn the pool's reward token. Accrual is exact and O(1) per stake
 * through a cumulative per-pool index; payouts round down and the remainder carries to the next.
 * A pool's terms are types ({@link io.bta.tokenomics.staking.PoolTerms}, {@code Apy},
 * {@code LockPeriod}, {@code EarlyUnstakePenalty}, {@code MinTrustScore}) that refuse invalid values
 * when built, so every caller gets the same rule and message. {@link io.bta.tokenomics.staking.Staking}
 * is the facade.
 */
package io.bta.tokenomics.staking;
