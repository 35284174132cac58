package io.bta.tokenomics.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the service; tests replace it to move time instead of sleeping. It ticks in
 * whole microseconds, the precision of PostgreSQL's timestamps, so an instant read from it is stored
 * and read back unchanged (a transaction's txHash, which covers its time, is the same at write and
 * at read) without each caller truncating it.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    Clock clock() {
        return microsecondClock(Clock.systemUTC());
    }

    /**
     * {@code clock}, ticking in whole microseconds. ({@code Clock.tick(clock, 1 µs)} would do, but on
     * Java 17 its {@code millis()} divides by zero for a tick under a millisecond.)
     */
    public static Clock microsecondClock(Clock clock) {
        return new MicrosecondClock(clock);
    }

    private static final class MicrosecondClock extends Clock {

        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }
    }
}
