package io.bta.tokenomics.guarantees.internal;

import io.bta.tokenomics.guarantees.Guarantees;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The guarantees module's scheduled job: releases allocations past their {@code expiresAt} on a fixed delay. */
@Component
class GuaranteeJobs {

    private final Guarantees guarantees;

    GuaranteeJobs(Guarantees guarantees) {
        this.guarantees = guarantees;
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.guarantees.expiry-interval-ms:60000}",
            initialDelayString = "${tokenomics.guarantees.expiry-interval-ms:60000}")
    void expireDue() {
        guarantees.expireDue();
    }
}
