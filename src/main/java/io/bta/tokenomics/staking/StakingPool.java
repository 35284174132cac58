package io.bta.tokenomics.staking;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A staking pool. {@code apy} is a percentage (12.5 is 12.5% a year); {@code earlyUnstakePenalty} a fraction, null for no early exit. */
public record StakingPool(
        UUID id,
        TokenId tokenId,
        String symbol,
        TokenId rewardTokenId,
        String rewardSymbol,
        String name,
        BigDecimal apy,
        Amount minStakeAmount,
        int lockPeriodDays,
        BigDecimal minTrustScore,
        Amount maxTotalStake,
        BigDecimal earlyUnstakePenalty,
        PoolStatus status,
        Amount totalStaked,
        int stakerCount,
        Instant createdAt) {}
