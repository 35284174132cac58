package io.bta.tokenomics.farms;

import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a farm (a UUID). */
public record FarmId(UUID value) {

    public FarmId {
        Objects.requireNonNull(value, "farm id");
    }

    /** Parses a farm id in the canonical UUID spelling. */
    public static FarmId of(String text) {
        return new FarmId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
