package io.bta.tokenomics.guarantees;

import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a guarantee allocation (a UUID), written as the UUID's text wherever it is shown. */
public record AllocationId(UUID value) {

    public AllocationId {
        Objects.requireNonNull(value, "allocation id");
    }

    /** The allocation id written in {@code text}; an {@link IllegalArgumentException} if it is none. */
    public static AllocationId of(String text) {
        return new AllocationId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
