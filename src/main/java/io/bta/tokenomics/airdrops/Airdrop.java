package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A campaign as it stands: its list's Merkle root (0x-hex), the total it escrowed, how much of it
 * has been claimed and by how many, and, once swept, what went back to the treasury.
 */
public record Airdrop(
        AirdropId id,
        TokenId tokenId,
        String tokenSymbol,
        String name,
        String merkleRoot,
        Amount total,
        int claimCount,
        int claimedCount,
        Amount claimedAmount,
        Amount unclaimedAmount,
        Instant startsAt,
        Instant endsAt,
        BigDecimal minTrustScore,
        AirdropStatus status,
        EntityId escrow,
        EntityId createdBy,
        Instant createdAt,
        Instant sweptAt,
        Amount sweptAmount) {}
