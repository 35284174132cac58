package io.bta.tokenomics.shared;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An event that subscribers outside the service receive, as a webhook and on the event stream. The
 * record's components are the message's {@code data}, written by the service's JSON mapper as they
 * are, so a component added to the record reaches subscribers with nothing else to change. These
 * methods say what the components do not; none is named {@code get...} or {@code is...}, so the
 * mapper never takes one for a field.
 */
public interface PublicEvent {

    /**
     * The name subscribers choose it by, e.g. {@code governance.vote.cast}: part of the webhooks'
     * contract, never reused for another meaning.
     */
    String eventType();

    /** When it happened: the message's {@code timestamp}. */
    Instant occurredAt();

    /** Two messages sharing a key reach an endpoint in order (every message of one proposal, one stake...). */
    List<String> orderingKeys();

    /** The entities that see the message on their own event stream. */
    List<EntityId> parties();

    /**
     * What the message is made from, unique per message: an event republished after a crash finds
     * its message already recorded under this key. Never change it for a type already published.
     */
    String sourceKey();

    /** The given entities that are there (a mint has no sender, a release may lack a beneficiary). */
    static List<EntityId> entities(EntityId... ids) {
        return Stream.of(ids).filter(Objects::nonNull).toList();
    }

    /**
     * An event that carries several public events, made together in one transaction (the votes of
     * one commit): each is a message of its own.
     */
    interface Batch {

        List<? extends PublicEvent> events();
    }
}
