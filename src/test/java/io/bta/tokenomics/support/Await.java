package io.bta.tokenomics.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits in real time for what the service does after a commit on threads of its own (module
 * listeners), polling every 50 ms for at most 20 seconds. Not for the service's own time, which
 * tests move with {@link MutableClock}.
 */
public final class Await {

    private Await() {}

    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 seconds");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
