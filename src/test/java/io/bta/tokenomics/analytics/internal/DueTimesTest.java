package io.bta.tokenomics.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.SimpleTriggerContext;

class DueTimesTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static SimpleTriggerContext at(String now, String lastCompletion) {
        var context = new SimpleTriggerContext(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        if (lastCompletion != null) {
            var done = Instant.parse(lastCompletion);
            context.update(done.minusSeconds(1), done.minusSeconds(1), done);
        }
        return context;
    }

    @Test
    void theFirstRunIsAtLeastOneIntervalAfterStartJustAfterADueTime() {
        var trigger = new AnalyticsJobs.DueTimes(FIVE_MINUTES);
        assertThat(trigger.nextExecution(at("2026-03-01T10:02:10Z", null)))
                .isEqualTo(Instant.parse("2026-03-01T10:10:05Z"));
        assertThat(trigger.nextExecution(at("2026-03-01T10:00:00Z", null)))
                .isEqualTo(Instant.parse("2026-03-01T10:10:05Z"));
    }

    @Test
    void laterRunsFollowTheNextDueTimeWhateverTheRunTook() {
        var trigger = new AnalyticsJobs.DueTimes(FIVE_MINUTES);
        assertThat(trigger.nextExecution(at("2026-03-01T10:10:07Z", "2026-03-01T10:10:07Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:15:05Z"));
        // a run that overran its interval goes on with the next due time, never twice for one
        assertThat(trigger.nextExecution(at("2026-03-01T10:16:00Z", "2026-03-01T10:16:00Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:20:05Z"));
    }

    @Test
    void theOffsetIsATenthOfAShortInterval() {
        var trigger = new AnalyticsJobs.DueTimes(Duration.ofSeconds(2));
        assertThat(trigger.nextExecution(at("2026-03-01T10:00:01.500Z", "2026-03-01T10:00:01.500Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:00:02.200Z"));
    }
}
