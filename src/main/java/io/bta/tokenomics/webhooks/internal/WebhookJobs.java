package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.webhooks.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The webhooks' background work, on fixed delays: follow the ledger, dispatch, purge. */
@Component
class WebhookJobs {

    private static final Logger log = LoggerFactory.getLogger(WebhookJobs.class);

    private final Webhooks webhooks;

    WebhookJobs(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.webhooks.follow-interval-ms:1000}",
            initialDelayString = "${tokenomics.webhooks.follow-interval-ms:1000}")
    void followLedger() {
        webhooks.followLedger();
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.webhooks.dispatch-interval-ms:1000}",
            initialDelayString = "${tokenomics.webhooks.dispatch-interval-ms:1000}")
    void dispatch() {
        webhooks.dispatchDue();
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.webhooks.purge-interval-ms:3600000}",
            initialDelayString = "${tokenomics.webhooks.purge-interval-ms:3600000}")
    void purge() {
        int purged = webhooks.purge();
        if (purged > 0) {
            log.info("purged {} webhook messages past their retention", purged);
        }
    }
}
