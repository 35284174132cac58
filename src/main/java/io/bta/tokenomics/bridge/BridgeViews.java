package io.bta.tokenomics.bridge;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the bridge answers: records the facade returns and the API writes as they are. */
public final class BridgeViews {

    private BridgeViews() {}

    /**
     * Where the bridge is: its chain, its contracts (null before deployment; {@code nftAddress} the
     * NFT contract, null where there is none), whether it is paused.
     */
    public record BridgeStatus(
            long chainId,
            int confirmations,
            String bridgeAddress,
            boolean paused,
            List<BridgeToken> tokens,
            String nftAddress) {}

    public record BridgeToken(TokenId tokenId, String symbol, String contractAddress) {}

    public enum WithdrawalStatus {
        /** Escrowed in the ledger, not minted yet. */
        REQUESTED,
        /** Minted in a mined chain transaction, not yet {@code confirmations} deep. */
        SUBMITTED,
        /** Minted, and deep enough. */
        CONFIRMED,
        /** Refused by the contract; the amount went back to the holder. */
        FAILED
    }

    public record Withdrawal(
            UUID id,
            EntityId entityId,
            TokenId tokenId,
            Amount amount,
            String toAddress,
            WithdrawalStatus status,
            String chainTxHash,
            Long chainBlockNumber,
            Instant createdAt) {}

    public enum DepositStatus {
        /** Read from the chain, not yet deep enough (a reorg may still remove it). */
        SEEN,
        /** Credited to the entity in the ledger, once. */
        CREDITED,
        /** Deep enough but not creditable (an invalid entity id): kept for an admin. */
        HELD
    }

    /** {@code entityId} is the text the depositor gave on chain, which may not be a valid entity id. */
    public record Deposit(
            UUID id,
            String depositId,
            String entityId,
            TokenId tokenId,
            Amount amount,
            String fromAddress,
            String chainTxHash,
            long blockNumber,
            DepositStatus status,
            UUID transactionId,
            String heldReason) {}
}
