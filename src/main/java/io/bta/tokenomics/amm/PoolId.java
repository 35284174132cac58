package io.bta.tokenomics.amm;

import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of an AMM pool (a UUID). */
public record PoolId(UUID value) {

    public PoolId {
        Objects.requireNonNull(value, "pool id");
    }

    /** Parses a pool id in the canonical UUID spelling. */
    public static PoolId of(String text) {
        return new PoolId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
