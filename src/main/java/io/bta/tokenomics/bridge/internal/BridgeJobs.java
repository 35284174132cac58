package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.BridgeProperties;
import io.bta.tokenomics.bridge.Reconciliation;
import io.bta.tokenomics.shared.scheduling.JobRuns;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 *
 * <p>Only one instance on the database runs them: each pass first holds (or renews) the {@value
 * #JOB} job of {@code job_runs} through {@link JobRuns#hold}, and an instance that does not hold it
 * skips the pass. Two senders would sign with one key and their nonces collide. An instance that
 * stops lets the job go; one that dies loses it after {@code tokenomics.bridge.lease}.
 */
@Component
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
class BridgeJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BridgeJobs.class);

    /** The bridge's sender and follower, held by one instance at a time in {@code job_runs}. */
    static final String JOB = "bridge";

    private final BridgeWorker worker;
    private final Bridge bridge;
    private final BridgeProperties properties;
    private final MeterRegistry meters;
    private final JobRuns jobRuns;
    /** This instance's name in {@code job_runs}, one per application context. */
    private final String holder;

    private final Map<String, AtomicInteger> consistent = new ConcurrentHashMap<>();
    private volatile List<Reconciliation> last = List.of();
    private ThreadPoolTaskScheduler scheduler;

    BridgeJobs(BridgeWorker worker, Bridge bridge, BridgeProperties properties, MeterRegistry meters, JobRuns jobRuns) {
        this.jobRuns = jobRuns;
        this.holder = jobRuns.instance() + "/" + UUID.randomUUID();
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
                () -> runHeld("sending", worker::send), now.plus(properties.sendInterval()), properties.sendInterval());
        scheduler.scheduleWithFixedDelay(
                () -> runHeld("following", this::followAndReconcile),
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

    /**
     * Runs {@code pass} if this instance holds the bridge's job (taking or renewing it now); true if
     * it ran.
     */
    boolean runHeld(String what, Runnable pass) {
        try {
            if (!jobRuns.hold(JOB, holder, properties.lease())) {
                log.debug("bridge {} pass skipped: another instance holds the bridge's job", what);
                return false;
            }
            pass.run();
        } catch (RuntimeException e) {
            log.error("bridge {} pass failed; the next pass tries again", what, e);
        }
        return true;
    }

    /** This instance's name as the holder of the bridge's job. */
    String holder() {
        return holder;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
            try {
                jobRuns.letGo(JOB, holder);
            } catch (RuntimeException e) {
                log.warn("could not let the bridge's job go; another instance takes it after the lease", e);
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
