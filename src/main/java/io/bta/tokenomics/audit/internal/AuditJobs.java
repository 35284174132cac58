package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.AuditProperties;
import io.bta.tokenomics.audit.ChainProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the sealer every {@code tokenomics.audit.seal-interval} and, when a chain is configured, the
 * anchorer every {@code tokenomics.chain.anchor-interval}, each on a thread of its own: a node that
 * hangs delays neither sealing nor the application's other scheduled jobs. Both are fixed-delay
 * loops, so a pass never overlaps the one before.
 */
@Component
class AuditJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

    private final ChainSealer sealer;
    private final AuditStore store;
    private final Clock clock;
    private final AuditProperties audit;
    private final ChainProperties chain;
    private ThreadPoolTaskScheduler scheduler;
    private ChainClient client;

    AuditJobs(ChainSealer sealer, AuditStore store, Clock clock, AuditProperties audit, ChainProperties chain) {
        this.sealer = sealer;
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.chain = chain;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("audit-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(15);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(
                this::seal, scheduler.getClock().instant().plus(audit.sealInterval()), audit.sealInterval());
        if (chain.anchoring()) {
            var web3 = new Web3jChainClient(chain);
            client = web3;
            var anchorer = new Anchorer(web3, store, clock, chain);
            log.info("anchoring every {} block(s) from account {}", chain.anchorEvery(), web3.address());
            scheduler.scheduleWithFixedDelay(
                    () -> anchor(anchorer),
                    scheduler.getClock().instant().plus(chain.anchorInterval()),
                    chain.anchorInterval());
        }
    }

    private void seal() {
        try {
            sealer.seal(false);
        } catch (RuntimeException e) {
            log.error("sealing failed; the next pass tries again", e);
        }
    }

    private static void anchor(Anchorer anchorer) {
        try {
            anchorer.runOnce();
        } catch (RuntimeException e) {
            log.error("anchoring pass failed; the next pass tries again", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
