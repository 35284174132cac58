package io.bta.tokenomics.staking;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bta.tokenomics.shared.Amount;

/**
 * The outcome of an unstake: the closed stake, the reward paid, the penalty kept and the principal
 * returned. In JSON the stake's fields come first, flat, then the three amounts.
 */
public record Unstaked(@JsonUnwrapped Stake stake, Amount rewardPaid, Amount penalty, Amount principalReturned) {}
