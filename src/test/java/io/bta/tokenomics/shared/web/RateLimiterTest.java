package io.bta.tokenomics.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RateLimiterTest {

    static final int BURST = 20;
    static final int PER_SECOND = 10;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    RateLimiter limiter(int maxTracked) {
        return new RateLimiter(
                new AbuseLimits(
                        DataSize.ofMegabytes(1),
                        new AbuseLimits.RateLimit(true, BURST, PER_SECOND, List.of(), maxTracked),
                        DataSize.ofMegabytes(16),
                        List.of()),
                clock,
                meters);
    }

    @Test
    void concurrentRequestsOfOneCallerNeverTakeMoreThanTheBurst() throws Exception {
        var limiter = limiter(1000);
        var admitted = new AtomicInteger();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        var done = new ArrayList<Future<?>>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    if (limiter.acquire("sub:alice", true) instanceof RateLimiter.Decision.Admitted) {
                        admitted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(admitted.get()).as("400 requests at one instant").isEqualTo(BURST);
        assertThat(meters.counter("rate.limit.refusals", "caller", "authenticated")
                        .count())
                .isEqualTo(400 - BURST);
    }

    @Test
    void theBucketRefillsAtTheRateAndSaysHowLongToWait() {
        var limiter = limiter(1000);
        for (int i = 0; i < BURST; i++) {
            assertThat(limiter.acquire("addr:10.0.0.1", false)).isInstanceOf(RateLimiter.Decision.Admitted.class);
        }
        var refused = (RateLimiter.Decision.Refused) limiter.acquire("addr:10.0.0.1", false);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(1000 / PER_SECOND));
        clock.advance(Duration.ofSeconds(1));
        int admitted = 0;
        for (int i = 0; i < BURST; i++) {
            if (limiter.acquire("addr:10.0.0.1", false) instanceof RateLimiter.Decision.Admitted) {
                admitted++;
            }
        }
        assertThat(admitted).as("one second refills %d tokens", PER_SECOND).isEqualTo(PER_SECOND);
        assertThat(meters.counter("rate.limit.refusals", "caller", "anonymous").count())
                .isEqualTo(1 + BURST - PER_SECOND);
    }

    @Test
    void trackedCallersStayBoundedAndFullBucketsGoFirst() {
        var limiter = limiter(100);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("sub:caller-" + i, true);
            clock.advance(Duration.ofSeconds(10)); // every earlier bucket is full again
        }
        assertThat(limiter.trackedCallers()).isLessThanOrEqualTo(100);
        // callers mid-burst are kept while full buckets can be dropped instead
        var busy = limiter(3);
        for (int i = 0; i < BURST; i++) {
            busy.acquire("sub:busy", true);
        }
        clock.advance(Duration.ofMillis(1));
        busy.acquire("sub:a", true);
        busy.acquire("sub:b", true);
        clock.advance(Duration.ofSeconds(10));
        busy.acquire("sub:c", true); // a and b have refilled and are dropped; busy has refilled too
        assertThat(busy.trackedCallers()).isLessThanOrEqualTo(3);
    }
}
