package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Amount;

/** The outcome of an unstake: the closed stake, the reward paid, the penalty kept and the principal returned. */
public record Unstaked(Stake stake, Amount rewardPaid, Amount penalty, Amount principalReturned) {}
