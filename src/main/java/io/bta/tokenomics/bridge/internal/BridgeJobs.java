package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.BridgeProperties;
import io.bta.tokenomics.bridge.Reconciliation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the bridge's sender every {@code tokenomics.bridge.send-interval} and its follower (then
 * the reconciliation, whose result the gauge {@code bridge.reconciliation.consistent} shows per
 * token: 1 consistent, 0 not) every {@code follow-interval}, on threads of their own: a node that
 * hangs delays none of the application's other jobs. Fixed-delay loops, so a pass never overlaps
 * the one before.
 */
@Component
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
class BridgeJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BridgeJobs.class);

    private final BridgeWorker worker;
    private final Bridge bridge;
    private final BridgeProperties properties;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> consistent = new ConcurrentHashMap<>();
    private volatile List<Reconciliation> last = List.of();
    private ThreadPoolTaskScheduler scheduler;

    BridgeJobs(BridgeWorker worker, Bridge bridge, BridgeProperties properties, MeterRegistry meters) {
        this.worker = worker;
        this.bridge = bridge;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("bridge-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        var now = scheduler.getClock().instant();
        scheduler.scheduleWithFixedDelay(
                () -> run("sending", worker::send), now.plus(properties.sendInterval()), properties.sendInterval());
        scheduler.scheduleWithFixedDelay(
                () -> run("following", this::followAndReconcile),
                now.plus(properties.followInterval()),
                properties.followInterval());
    }

    private void followAndReconcile() {
        if (worker.follow()) {
            record(bridge.reconciliation());
        }
    }

    /** Updates the gauges from a reconciliation. */
    void record(List<Reconciliation> reconciliation) {
        last = List.copyOf(reconciliation);
        for (var r : reconciliation) {
            consistent
                    .computeIfAbsent(r.symbol(), symbol -> {
                        var value = new AtomicInteger(1);
                        Gauge.builder("bridge.reconciliation.consistent", value, AtomicInteger::get)
                                .description("1 while the escrow equals the supply on chain plus what is in flight")
                                .tag("token", symbol)
                                .register(meters);
                        return value;
                    })
                    .set(r.consistent() ? 1 : 0);
            if (!r.consistent()) {
                log.error("bridge reconciliation of {} is not consistent: {}", r.symbol(), r);
            }
        }
    }

    /** The last reconciliation the follower made (none before its first pass). */
    List<Reconciliation> lastReconciliation() {
        return last;
    }

    private static void run(String what, Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            log.error("bridge {} pass failed; the next pass tries again", what, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
