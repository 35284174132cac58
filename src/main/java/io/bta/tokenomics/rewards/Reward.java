package io.bta.tokenomics.rewards;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One reward. {@code trustScore} is the recipient's score when it was distributed;
 * {@code expiresAt} is null when the reward never expires; {@code claimedAt} is set once CLAIMED.
 * A badge ({@link RewardType#NFT}, AWARDED) has no token ({@code tokenId} and {@code symbol} null,
 * {@code amount} zero) and names its {@code badge}; every other reward has a null {@code badge}.
 */
public record Reward(
        RewardId id,
        EntityId recipientId,
        TokenId tokenId,
        String symbol,
        Amount amount,
        RewardType type,
        String sourceRef,
        String reason,
        BigDecimal trustScore,
        RewardStatus status,
        Instant createdAt,
        Instant claimedAt,
        Instant expiresAt,
        RewardBadge badge) {}
