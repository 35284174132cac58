/**
 * Rewards in BTA-REWARD for transactions, courses, governance votes and referrals, and the emission
 * budget they are charged to. It owns the reward records (one per type, recipient and source, so an
 * event never rewards an entity twice), their claims (minted once, by the recipient only), the
 * trigger policies, and the emission epochs: no mint of BTA-REWARD, a claim or an admin's, goes
 * beyond the epoch's budget. {@link io.bta.tokenomics.rewards.Rewards} is the facade; it uses the
 * ledger to mint, trust for scores, and learns of votes through governance's {@code VoteCast}; it
 * publishes {@code RewardEvents} when a reward is distributed or claimed.
 */
package io.bta.tokenomics.rewards;
