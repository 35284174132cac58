package io.bta.tokenomics.ledger;

import java.util.Objects;
import java.util.UUID;

/**
 * What a mint is paid from when a mint policy set its amount aside earlier. The rewards module's
 * emission budget reserves a reward's amount in the epoch the reward is granted in; the reward's
 * claim mints it naming that reservation, so the policy consumes the reservation instead of
 * charging the mint to the current epoch. The mint carries it to the policies whatever thread
 * applies it (the caller's, or the group-commit writer's); the ledger does not record it.
 *
 * @param id what holds the reservation (a reward's id)
 * @param epoch the epoch it was reserved in
 */
public record MintReservation(UUID id, int epoch) {

    public MintReservation {
        Objects.requireNonNull(id, "id");
        if (epoch < 0) {
            throw new IllegalArgumentException("an epoch is not negative");
        }
    }
}
