package io.bta.tokenomics.vesting;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a vesting schedule (a UUID). */
public record VestingId(UUID value) {

    public VestingId {
        Objects.requireNonNull(value, "vesting id");
    }

    /** Parses a schedule id in the canonical UUID spelling. */
    public static VestingId of(String text) {
        return new VestingId(Ids.parse(text));
    }

    /** The ledger entity that holds the schedule's unreleased tokens, locked. */
    public EntityId escrow() {
        return EntityId.of(Vesting.ESCROW_PREFIX + value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
