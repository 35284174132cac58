package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the airdrops publish, in the transaction that made it true; webhooks forward them. */
public final class AirdropEvents {

    private AirdropEvents() {}

    /** Every event of one campaign shares its ordering key. */
    public sealed interface AirdropEvent extends PublicEvent permits Created, Claimed, Swept {
        AirdropId airdropId();

        Instant at();

        @Override
        default Instant occurredAt() {
            return at();
        }

        @Override
        default List<String> orderingKeys() {
            return List.of("airdrop:" + airdropId());
        }
    }

    public record Created(
            AirdropId airdropId,
            TokenId tokenId,
            String name,
            String merkleRoot,
            Amount total,
            int claimCount,
            Instant startsAt,
            Instant endsAt,
            EntityId createdBy,
            Instant at)
            implements AirdropEvent {
        public static final String TYPE = "airdrop.created";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public List<EntityId> parties() {
            return List.of();
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + airdropId;
        }
    }

    public record Claimed(
            AirdropId airdropId,
            TokenId tokenId,
            EntityId entityId,
            Amount amount,
            BigDecimal trustScore,
            UUID transactionId,
            Instant at)
            implements AirdropEvent {
        public static final String TYPE = "airdrop.claimed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(entityId);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + airdropId + ":" + entityId;
        }
    }

    /**
     * Published once by each transaction that pays claims, with every claim it paid, in order
     * (claims are paid many to a transaction, see {@code ClaimCommitter}): a listener handles the
     * claims of one commit together, in one transaction of its own.
     */
    public record ClaimsPaid(List<Claimed> claims) implements PublicEvent.Batch {

        public ClaimsPaid {
            if (claims == null || claims.isEmpty()) {
                throw new IllegalArgumentException("a ClaimsPaid event carries at least one claim");
            }
            claims = List.copyOf(claims);
        }

        @Override
        public List<Claimed> events() {
            return claims;
        }
    }

    public record Swept(AirdropId airdropId, TokenId tokenId, Amount sweptAmount, Instant at) implements AirdropEvent {
        public static final String TYPE = "airdrop.swept";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public List<EntityId> parties() {
            return List.of();
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + airdropId;
        }
    }
}
