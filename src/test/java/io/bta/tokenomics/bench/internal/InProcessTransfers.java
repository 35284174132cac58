package io.bta.tokenomics.bench.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * W1c: random transfers among {@code acct-1..acct-N} through {@link Ledger#transfer} from N
 * threads for a fixed time, with no HTTP and no surrounding transaction, so each call is exactly
 * what another module's call to the facade would be. Refusals (a {@link DomainProblem}, such as an
 * insufficient balance) are counted apart from failures (any other exception).
 */
@Component
@Profile("bench")
class InProcessTransfers {

    record Result(
            int threads,
            long elapsedMillis,
            long transfers,
            long refused,
            long errors,
            long p50Micros,
            long p99Micros,
            long p999Micros,
            long maxMicros,
            Map<String, Long> failures) {}

    private final Ledger ledger;

    InProcessTransfers(Ledger ledger) {
        this.ledger = ledger;
    }

    Result run(int threads, Duration duration, int accounts, String tokenIdentifier, Amount amount, EntityId actor)
            throws InterruptedException {
        TokenId token = ledger.resolve(tokenIdentifier);
        var applied = new LongAdder();
        var refused = new LongAdder();
        var failed = new LongAdder();
        var failures = new ConcurrentHashMap<String, LongAdder>();
        var perThread = new ArrayList<Latencies>();
        var workers = new ArrayList<Thread>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            var latencies = new Latencies();
            perThread.add(latencies);
            workers.add(new Thread(
                    () -> {
                        var random = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline) {
                            int a = random.nextInt(1, accounts + 1);
                            int b = random.nextInt(1, accounts);
                            if (b >= a) {
                                b++;
                            }
                            long t0 = System.nanoTime();
                            try {
                                ledger.transfer(
                                        token, EntityId.of("acct-" + a), EntityId.of("acct-" + b), amount, null, actor);
                                applied.increment();
                            } catch (DomainProblem e) {
                                refused.increment();
                            } catch (RuntimeException e) {
                                failed.increment();
                                failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder())
                                        .increment();
                            }
                            latencies.record(System.nanoTime() - t0);
                        }
                    },
                    "bench-inprocess-" + t));
        }
        workers.forEach(Thread::start);
        for (var worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        var all = Latencies.merge(perThread);
        var failureCounts = new TreeMap<String, Long>();
        failures.forEach((k, v) -> failureCounts.put(k, v.sum()));
        return new Result(
                threads,
                elapsed / 1_000_000,
                applied.sum(),
                refused.sum(),
                failed.sum(),
                all.atPerMille(500) / 1_000,
                all.atPerMille(990) / 1_000,
                all.atPerMille(999) / 1_000,
                all.max() / 1_000,
                failureCounts);
    }
}
