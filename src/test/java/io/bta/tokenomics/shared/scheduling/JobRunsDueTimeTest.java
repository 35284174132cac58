package io.bta.tokenomics.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class JobRunsDueTimeTest {

    static final CronExpression QUARTER_HOURLY = CronExpression.parse("0 */15 * * * *");

    @Test
    void theDueTimeIsTheLatestFiringAtOrBeforeNow() {
        assertThat(JobRuns.dueAt(QUARTER_HOURLY, Instant.parse("2026-03-01T10:37:12.345Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
    }

    @Test
    void aFiringExactlyNowIsDue() {
        assertThat(JobRuns.dueAt(QUARTER_HOURLY, Instant.parse("2026-03-01T10:45:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-03-01T10:45:00Z"));
    }

    @Test
    void instancesFiringAFewMillisecondsApartAgreeOnTheDueTime() {
        var everySecond = CronExpression.parse("* * * * * *");
        var one = JobRuns.dueAt(everySecond, Instant.parse("2026-03-01T10:45:07.002Z"), ZoneOffset.UTC);
        var other = JobRuns.dueAt(everySecond, Instant.parse("2026-03-01T10:45:07.480Z"), ZoneOffset.UTC);
        assertThat(one).isEqualTo(other).isEqualTo(Instant.parse("2026-03-01T10:45:07Z"));
    }

    @Test
    void aRareCronIsFoundFarBack() {
        var yearly = CronExpression.parse("0 0 0 1 1 *");
        assertThat(JobRuns.dueAt(yearly, Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
