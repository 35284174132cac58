package io.bta.tokenomics.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One immutable entry of the ledger's history. {@code sequence} is global, increasing and without
 * gaps, in commit order. A mint has no sender, a burn no recipient; a lock or unlock names the same
 * entity on both sides. {@code actor} is who asked for it (an admin may act for an entity).
 *
 * <p>Subscribers receive each one as it is, with its {@code txHash}; the webhooks module follows the
 * history rather than listening for an event.
 */
public record LedgerTransaction(
        UUID id,
        long sequence,
        TransactionType type,
        TokenId tokenId,
        String symbol,
        EntityId fromEntityId,
        EntityId toEntityId,
        Amount amount,
        String memo,
        EntityId actor,
        Instant createdAt)
        implements PublicEvent {

    public static final String TRANSFERRED = "ledger.transferred";
    public static final String MINTED = "ledger.minted";
    public static final String BURNED = "ledger.burned";
    public static final String LOCKED = "ledger.locked";
    public static final String UNLOCKED = "ledger.unlocked";

    /**
     * SHA-256 of the transaction's canonical encoding: the hash the audit chain seals, equal to the
     * one in its inclusion proof. A function of the fields alone (the writer truncates
     * {@code createdAt} to the microseconds that the database stores), so the transaction answered at
     * write time and the same one read back later have the same hash; no column holds it.
     */
    @JsonProperty("txHash")
    public TxHash txHash() {
        return TxHash.of(TransactionEncoding.txHash(this));
    }

    /** Whether {@code entity} sent or received it: a transaction is its parties' to read. */
    public boolean isParty(EntityId entity) {
        return entity.equals(fromEntityId) || entity.equals(toEntityId);
    }

    @Override
    public String eventType() {
        return switch (type) {
            case TRANSFER -> TRANSFERRED;
            case MINT -> MINTED;
            case BURN -> BURNED;
            case LOCK -> LOCKED;
            case UNLOCK -> UNLOCKED;
        };
    }

    @Override
    public Instant occurredAt() {
        return createdAt;
    }

    /** Every transaction of an entity in order, whichever side it is on. */
    @Override
    public List<String> orderingKeys() {
        return parties().stream().map(p -> "entity:" + p.value()).distinct().toList();
    }

    @Override
    public List<EntityId> parties() {
        return PublicEvent.entities(fromEntityId, toEntityId);
    }

    @Override
    public String sourceKey() {
        return "ledger:" + id;
    }
}
