package io.bta.tokenomics.reliability;

import java.time.Duration;

/**
 * The suites' sizes: short by default (they run in {@code mvn verify}), longer under {@code
 * -Preliability} or with the system properties set by hand.
 */
final class Reliability {

    private Reliability() {}

    static Duration seconds(String name, long defaultSeconds) {
        return Duration.ofSeconds(Long.getLong("reliability." + name + ".seconds", defaultSeconds));
    }

    static int count(String name, int defaultCount) {
        return Integer.getInteger("reliability." + name, defaultCount);
    }

    static void print(String suite, String text) {
        System.out.println("\n=== " + suite + " ===\n" + text + "\n");
    }
}
