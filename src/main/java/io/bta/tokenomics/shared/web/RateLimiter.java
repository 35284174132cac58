package io.bta.tokenomics.shared.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A token bucket per caller, kept in this instance's memory (ADR 0016). Each bucket is one number,
 * its "theoretical arrival time" (the generic cell rate algorithm): a request is admitted when that
 * time is at most {@code burst - 1} intervals ahead of now, and moves it one interval on. The update
 * is a compare-and-set, so concurrent requests of one caller never take the same token twice.
 * Time comes from the injected {@link Clock}.
 */
@Component
public class RateLimiter {

    /** Admitted, or refused with how long until the next request would be. */
    public sealed interface Decision {
        record Admitted() implements Decision {}

        record Refused(Duration retryAfter) implements Decision {}
    }

    private static final Decision ADMITTED = new Decision.Admitted();

    private final AbuseLimits.RateLimit settings;
    private final Clock clock;
    private final long intervalNanos;
    private final long toleranceNanos;
    private final ConcurrentHashMap<String, AtomicLong> buckets = new ConcurrentHashMap<>();
    private final Counter refusedCallers;
    private final Counter refusedAddresses;

    public RateLimiter(AbuseLimits limits, Clock clock, MeterRegistry meters) {
        this.settings = limits.rateLimit();
        this.clock = clock;
        this.intervalNanos = 1_000_000_000L / settings.requestsPerSecond();
        this.toleranceNanos = intervalNanos * (settings.burst() - 1L);
        this.refusedCallers = Counter.builder("rate.limit.refusals")
                .description("state-changing requests refused with 429 because their caller was over its rate")
                .tag("caller", "authenticated")
                .register(meters);
        this.refusedAddresses = Counter.builder("rate.limit.refusals")
                .description("state-changing requests refused with 429 because their caller was over its rate")
                .tag("caller", "anonymous")
                .register(meters);
    }

    public AbuseLimits.RateLimit settings() {
        return settings;
    }

    /** Takes one token from {@code caller}'s bucket, if it has one. */
    public Decision acquire(String caller, boolean authenticated) {
        long now = nanos(clock.instant());
        var bucket = buckets.get(caller);
        if (bucket == null) {
            if (buckets.size() >= settings.maxTrackedCallers()) {
                evictFull(now);
            }
            bucket = buckets.computeIfAbsent(caller, k -> new AtomicLong(Long.MIN_VALUE));
        }
        while (true) {
            long tat = bucket.get();
            long start = Math.max(tat, now);
            long ahead = start - now;
            if (ahead > toleranceNanos) {
                (authenticated ? refusedCallers : refusedAddresses).increment();
                return new Decision.Refused(Duration.ofNanos(ahead - toleranceNanos));
            }
            if (bucket.compareAndSet(tat, start + intervalNanos)) {
                return ADMITTED;
            }
        }
    }

    /** Buckets that have refilled completely hold nothing worth keeping. */
    private void evictFull(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().get() <= now);
        if (buckets.size() >= settings.maxTrackedCallers()) {
            // every tracked caller is mid-burst: forgetting one lets it start a new burst, which is
            // the lesser harm than growing without bound
            var any = buckets.keySet().iterator();
            if (any.hasNext()) {
                buckets.remove(any.next());
            }
        }
    }

    int trackedCallers() {
        return buckets.size();
    }

    private static long nanos(Instant t) {
        return Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L) + t.getNano();
    }
}
