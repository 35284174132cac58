package io.bta.tokenomics.nft;

import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;
import java.util.UUID;

/**
 * A token withdrawn from the ledger to an address on chain: REQUESTED (in the bridge's escrow
 * here, not minted yet), SUBMITTED (minted in a mined transaction), CONFIRMED (deep enough). {@code
 * chainTokenId} is the token's id on chain in decimal (a uint256), {@code contractAddress} the NFT
 * contract that mints it.
 */
public record NftWithdrawal(
        UUID id,
        String collection,
        long tokenNumber,
        EntityId entityId,
        String toAddress,
        String contractAddress,
        String chainTokenId,
        String status,
        String chainTxHash,
        Long chainBlockNumber,
        Instant createdAt) {}
