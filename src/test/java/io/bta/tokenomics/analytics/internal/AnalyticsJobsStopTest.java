package io.bta.tokenomics.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.bta.tokenomics.analytics.Analytics;
import io.bta.tokenomics.analytics.AnalyticsProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stopping the snapshot job ends its thread at once, with no run pending: no Spring, no database. */
class AnalyticsJobsStopTest {

    @Test
    void stopLeavesNoPendingRunToWaitFor() {
        var jobs = new AnalyticsJobs(
                mock(Analytics.class), mock(FigureGauges.class), new AnalyticsProperties(Duration.ofHours(1), 10, 10));
        jobs.start();
        var scheduler = jobs.scheduler();
        jobs.stop();
        assertThat(jobs.isRunning()).isFalse();
        // The next run was an hour away: stop cancelled it instead of waiting for it, so the
        // executor has terminated by the time stop returns.
        assertThat(scheduler.getScheduledExecutor().isTerminated()).isTrue();
    }
}
