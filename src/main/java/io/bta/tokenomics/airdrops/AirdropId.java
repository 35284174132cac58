package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of an airdrop campaign (a UUID). */
public record AirdropId(UUID value) {

    public AirdropId {
        Objects.requireNonNull(value, "airdrop id");
    }

    /** Parses an airdrop id in the canonical UUID spelling. */
    public static AirdropId of(String text) {
        return new AirdropId(Ids.parse(text));
    }

    /** The ledger entity that holds the campaign's tokens until they are claimed or swept. */
    public EntityId escrow() {
        return EntityId.of(Airdrops.ESCROW_PREFIX + value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
