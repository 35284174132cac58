package io.bta.tokenomics.guarantees.internal;

import io.bta.tokenomics.guarantees.Guarantees;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases allocations past their {@code expiresAt} on a fixed delay. */
@Component
class GuaranteeExpiry {

    private final Guarantees guarantees;

    GuaranteeExpiry(Guarantees guarantees) {
        this.guarantees = guarantees;
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.guarantees.expiry-interval-ms:60000}",
            initialDelayString = "${tokenomics.guarantees.expiry-interval-ms:60000}")
    void expireDue() {
        guarantees.expireDue();
    }
}
