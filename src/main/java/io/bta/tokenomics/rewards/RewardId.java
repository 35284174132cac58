package io.bta.tokenomics.rewards;

import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a reward (a UUID), written as the UUID's text wherever it is shown. */
public record RewardId(UUID value) {

    public static final String NOT_A_REWARD_ID = "must be a reward id (a UUID)";

    public RewardId {
        Objects.requireNonNull(value, "reward id");
    }

    /** The reward id written in {@code text}, or the refusal {@link #NOT_A_REWARD_ID}. */
    public static RewardId of(String text) {
        try {
            return new RewardId(Ids.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_A_REWARD_ID);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
