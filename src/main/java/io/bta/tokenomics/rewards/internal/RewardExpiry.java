package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.rewards.Rewards;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires unclaimed rewards past their claim window, in batches, and releases their reservations. */
@Component
class RewardExpiry {

    private final Rewards rewards;

    RewardExpiry(Rewards rewards) {
        this.rewards = rewards;
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.rewards.expiry-interval-ms:60000}",
            initialDelayString = "${tokenomics.rewards.expiry-interval-ms:60000}")
    void expireDue() {
        while (rewards.expireDue() > 0) {
            // until a batch finds nothing left to expire
        }
    }
}
