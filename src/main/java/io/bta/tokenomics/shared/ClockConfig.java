package io.bta.tokenomics.shared;

import java.time.Clock;
import java.time.Duration;
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

    /** {@code clock}, ticking in whole microseconds. */
    public static Clock microsecondClock(Clock clock) {
        return Clock.tick(clock, MICROSECOND);
    }

    private static final Duration MICROSECOND = Duration.ofNanos(1_000);
}
