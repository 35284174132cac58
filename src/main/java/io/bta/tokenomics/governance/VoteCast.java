package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One recorded vote, carried by {@link VotesCast} (published by the transaction that records it).
 * {@code weight} is {@code votingPower × trustScore / 100}, exact (it may have up to 26 decimals),
 * hence a string in JSON.
 */
public record VoteCast(
        UUID proposalId,
        EntityId voterId,
        Support support,
        Amount votingPower,
        BigDecimal trustScore,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal weight,
        Instant castAt)
        implements PublicEvent {

    public static final String TYPE = "governance.vote.cast";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Instant occurredAt() {
        return castAt;
    }

    @Override
    public List<String> orderingKeys() {
        return List.of("proposal:" + proposalId);
    }

    @Override
    public List<EntityId> parties() {
        return PublicEvent.entities(voterId);
    }

    @Override
    public String sourceKey() {
        return TYPE + ":" + proposalId + ":" + voterId;
    }
}
