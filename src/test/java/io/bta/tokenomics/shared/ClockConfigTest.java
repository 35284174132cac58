package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockConfigTest {

    @Test
    void theServiceClockAnswersWholeMicroseconds() {
        var clock = ClockConfig.microsecondClock(
                Clock.fixed(Instant.parse("2026-05-01T10:00:00.123456789Z"), ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-01T10:00:00.123456Z"));
        var system = new ClockConfig().clock();
        for (int i = 0; i < 1_000; i++) {
            assertThat(system.instant().getNano() % 1_000).isZero();
        }
        // what UUIDv7 ids and the JDK's own callers read
        assertThat(clock.millis())
                .isEqualTo(Instant.parse("2026-05-01T10:00:00.123Z").toEpochMilli());
        assertThat(system.millis()).isPositive();
        assertThat(system.withZone(ZoneOffset.ofHours(2)).instant().getNano() % 1_000)
                .isZero();
    }
}
