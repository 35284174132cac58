package io.bta.tokenomics.staking;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import java.time.Instant;

/**
 * A staking pool, with its terms as the types that hold their rules. {@code maxTotalStake} is null
 * for no cap; {@code earlyUnstakePenalty} null for no early exit. The JSON API answers it as it is.
 */
public record StakingPool(
        PoolId id,
        TokenId tokenId,
        String symbol,
        TokenId rewardTokenId,
        String rewardSymbol,
        String name,
        Apy apy,
        Amount minStakeAmount,
        LockPeriod lockPeriod,
        MinTrustScore minTrustScore,
        Amount maxTotalStake,
        EarlyUnstakePenalty earlyUnstakePenalty,
        PoolStatus status,
        Amount totalStaked,
        int stakerCount,
        Instant createdAt) {}
