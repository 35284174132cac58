package io.bta.tokenomics.bench.internal;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, one per operation, kept whole and sorted once at the end: exact
 * percentiles for the few million samples a benchmark produces. One instance per thread; {@link
 * #merge} combines them when the threads are done.
 */
final class Latencies {

    private long[] nanos = new long[1 << 14];
    private int size;

    void record(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        var all = new Latencies();
        for (var part : parts) {
            if (all.size + part.size > all.nanos.length) {
                all.nanos = Arrays.copyOf(all.nanos, Math.max(all.nanos.length * 2, all.size + part.size));
            }
            System.arraycopy(part.nanos, 0, all.nanos, all.size, part.size);
            all.size += part.size;
        }
        Arrays.sort(all.nanos, 0, all.size);
        return all;
    }

    /**
     * The value at {@code perMille}/1000 of the sorted samples (500 is the median, 999 the 99.9th
     * percentile), nearest-rank; 0 when there are none. Call on a merged (sorted) instance.
     */
    long atPerMille(int perMille) {
        if (size == 0) {
            return 0;
        }
        long rank = (perMille * (long) size + 999) / 1000; // ceil(p × n)
        return nanos[(int) Math.max(0, Math.min(size - 1, rank - 1))];
    }

    long max() {
        return size == 0 ? 0 : nanos[size - 1];
    }
}
