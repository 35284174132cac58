package io.bta.tokenomics.vesting;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What vesting publishes, in the transaction that made it true; webhooks forward them. */
public final class VestingEvents {

    private VestingEvents() {}

    /** Every event of one grant shares its ordering key; the beneficiary sees it on its stream. */
    public sealed interface VestingEvent extends PublicEvent permits Created, Released, Revoked {
        VestingId vestingId();

        EntityId beneficiaryId();

        Instant at();

        @Override
        default Instant occurredAt() {
            return at();
        }

        @Override
        default List<String> orderingKeys() {
            return List.of("vesting:" + vestingId());
        }

        @Override
        default List<EntityId> parties() {
            return PublicEvent.entities(beneficiaryId());
        }
    }

    public record Created(
            VestingId vestingId,
            EntityId beneficiaryId,
            TokenId tokenId,
            Amount total,
            Instant start,
            long cliffSeconds,
            long durationSeconds,
            boolean revocable,
            Instant at)
            implements VestingEvent {
        public static final String TYPE = "vesting.created";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + vestingId;
        }
    }

    public record Released(
            VestingId vestingId, EntityId beneficiaryId, TokenId tokenId, Amount amount, UUID transactionId, Instant at)
            implements VestingEvent {
        public static final String TYPE = "vesting.released";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + transactionId;
        }
    }

    public record Revoked(
            VestingId vestingId,
            EntityId beneficiaryId,
            TokenId tokenId,
            Amount vested,
            Amount returnedAmount,
            Instant at)
            implements VestingEvent {
        public static final String TYPE = "vesting.revoked";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + vestingId;
        }
    }
}
