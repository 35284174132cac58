package io.bta.tokenomics.nft;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.time.Instant;
import java.util.List;

/** What the NFT module publishes, in the transaction that made it true; webhooks forward them. */
public final class NftEvents {

    private NftEvents() {}

    /** A mint, transfer or burn: one row of the history, with the token's collection symbol. */
    public sealed interface NftEvent extends PublicEvent permits Minted, Transferred, Burned {
        long sequence();

        CollectionId collectionId();

        String collectionSymbol();

        long tokenNumber();

        Instant at();

        @Override
        default Instant occurredAt() {
            return at();
        }

        @Override
        default List<String> orderingKeys() {
            return List.of("nft:" + collectionId() + ":" + tokenNumber());
        }

        @Override
        default String sourceKey() {
            return eventType() + ":" + sequence();
        }
    }

    public record Minted(
            long sequence,
            CollectionId collectionId,
            String collectionSymbol,
            long tokenNumber,
            EntityId to,
            Instant at)
            implements NftEvent {
        public static final String TYPE = "nft.minted";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(to);
        }
    }

    public record Transferred(
            long sequence,
            CollectionId collectionId,
            String collectionSymbol,
            long tokenNumber,
            EntityId from,
            EntityId to,
            Instant at)
            implements NftEvent {
        public static final String TYPE = "nft.transferred";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(from, to);
        }
    }

    public record Burned(
            long sequence,
            CollectionId collectionId,
            String collectionSymbol,
            long tokenNumber,
            EntityId from,
            Instant at)
            implements NftEvent {
        public static final String TYPE = "nft.burned";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(from);
        }
    }
}
