package io.bta.tokenomics.analytics.internal;

import io.bta.tokenomics.analytics.Analytics;
import io.bta.tokenomics.analytics.AnalyticsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Takes the scheduled snapshot just after each due time (a whole multiple of
 * {@code snapshot-interval} since the epoch), on a thread of its own, then shows the latest
 * snapshot in the gauges. The first run is at least one interval after start. Every instance runs
 * it; the head's lock and the due time's unique key make one of them store the snapshot.
 */
@Component
class AnalyticsJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsJobs.class);

    private final Analytics analytics;
    private final FigureGauges gauges;
    private final Duration interval;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> next;

    AnalyticsJobs(Analytics analytics, FigureGauges gauges, AnalyticsProperties properties) {
        this.analytics = analytics;
        this.gauges = gauges;
        this.interval = properties.snapshotInterval();
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("analytics-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(15);
        scheduler.initialize();
        scheduler.execute(this::showLatest);
        next = scheduler.schedule(this::run, new DueTimes(interval));
    }

    ThreadPoolTaskScheduler scheduler() {
        return scheduler;
    }

    private void run() {
        try {
            var taken = analytics.snapshotDue();
            if (taken.isEmpty()) {
                log.debug("scheduled snapshot already taken");
            }
        } catch (RuntimeException e) {
            log.error("scheduled snapshot failed; the next due time tries again", e);
        }
        showLatest();
    }

    private void showLatest() {
        try {
            gauges.show(analytics.latest());
        } catch (RuntimeException e) {
            log.warn("could not read the latest snapshot for the gauges", e);
        }
    }

    /**
     * Fires a little after each boundary (a tenth of the interval, at most 5 seconds), so that a
     * run never starts before the due time it is meant for even if the timer is early.
     */
    record DueTimes(Duration interval) implements Trigger {

        @Override
        public Instant nextExecution(TriggerContext context) {
            var last = context.lastCompletion();
            var base = last == null ? context.getClock().instant().plus(interval) : last;
            long width = interval.toMillis();
            long next = (Math.floorDiv(base.toEpochMilli(), width) + 1) * width;
            return Instant.ofEpochMilli(next).plus(offset());
        }

        Duration offset() {
            var tenth = interval.dividedBy(10);
            return tenth.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : tenth;
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            // A run under way completes; the next one, possibly hours away, is cancelled rather
            // than waited for (a delayed task would otherwise hold the shutdown for its full wait).
            next.cancel(false);
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
