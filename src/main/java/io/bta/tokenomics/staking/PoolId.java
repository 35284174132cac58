package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a staking pool (a UUID), written as the UUID's text wherever it is shown. */
public record PoolId(UUID value) {

    public static final String NOT_A_POOL_ID = "must be the id of a staking pool";

    public PoolId {
        Objects.requireNonNull(value, "pool id");
    }

    /** The pool id written in {@code text}, or the refusal {@link #NOT_A_POOL_ID}. */
    public static PoolId of(String text) {
        try {
            return new PoolId(Ids.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_A_POOL_ID);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
