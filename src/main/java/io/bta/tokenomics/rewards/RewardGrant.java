package io.bta.tokenomics.rewards;

/** The outcome of distributing a reward: the new record, or ({@code created} false) the existing one. */
public record RewardGrant(Reward reward, boolean created) {}
