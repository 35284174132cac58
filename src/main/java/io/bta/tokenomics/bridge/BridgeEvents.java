package io.bta.tokenomics.bridge;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the bridge publishes, each in the transaction that made it true; webhooks forward them. */
public final class BridgeEvents {

    private BridgeEvents() {}

    /** An event of one withdrawal: its messages are ordered by it and seen by its holder. */
    public sealed interface WithdrawalEvent extends PublicEvent permits WithdrawalRequested, WithdrawalConfirmed {

        UUID withdrawalId();

        EntityId entityId();

        @Override
        default List<String> orderingKeys() {
            return List.of("bridge-withdrawal:" + withdrawalId());
        }

        @Override
        default List<EntityId> parties() {
            return PublicEvent.entities(entityId());
        }

        @Override
        default String sourceKey() {
            return eventType() + ":" + withdrawalId();
        }
    }

    /** Escrowed in the ledger, to be minted to {@code toAddress}. */
    public record WithdrawalRequested(
            UUID withdrawalId, EntityId entityId, TokenId tokenId, Amount amount, String toAddress, Instant requestedAt)
            implements WithdrawalEvent {

        public static final String TYPE = "bridge.withdrawal.requested";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return requestedAt;
        }
    }

    /** Minted on chain, and its block is {@code confirmations} deep. */
    public record WithdrawalConfirmed(
            UUID withdrawalId,
            EntityId entityId,
            TokenId tokenId,
            Amount amount,
            String toAddress,
            String chainTxHash,
            long chainBlockNumber,
            Instant confirmedAt)
            implements WithdrawalEvent {

        public static final String TYPE = "bridge.withdrawal.confirmed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return confirmedAt;
        }
    }

    /** A deposit burned on chain, credited to {@code entityId} by ledger transaction {@code transactionId}. */
    public record DepositCredited(
            UUID depositId,
            String chainDepositId,
            EntityId entityId,
            TokenId tokenId,
            Amount amount,
            String fromAddress,
            String chainTxHash,
            UUID transactionId,
            Instant creditedAt)
            implements PublicEvent {

        public static final String TYPE = "bridge.deposit.credited";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return creditedAt;
        }

        @Override
        public List<String> orderingKeys() {
            return List.of("bridge-deposit:" + depositId);
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(entityId);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + depositId;
        }
    }
}
