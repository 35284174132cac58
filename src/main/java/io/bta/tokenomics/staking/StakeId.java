package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a stake (a UUID), written as the UUID's text wherever it is shown. */
public record StakeId(UUID value) {

    public static final String NOT_A_STAKE_ID = "must be the id of a stake";

    public StakeId {
        Objects.requireNonNull(value, "stake id");
    }

    /** The stake id written in {@code text}, or the refusal {@link #NOT_A_STAKE_ID}. */
    public static StakeId of(String text) {
        try {
            return new StakeId(Ids.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_A_STAKE_ID);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
