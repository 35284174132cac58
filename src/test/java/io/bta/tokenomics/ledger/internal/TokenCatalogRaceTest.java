package io.bta.tokenomics.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first look-ups of a fresh catalog (a restarted service under load) race each other's reloads;
 * none may report an existing token unknown. The crash test found one that did.
 */
@IntegrationTest
class TokenCatalogRaceTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Test
    void concurrentFirstLookUpsAllFindTheTokens() throws Exception {
        ledger.initializeTokens(EntityId.of("admin"));
        var symbols = List.of("BTA-GOV", "BTA-UTIL", "BTA-REWARD", "BTA-GUAR", "governance", "utility");
        int threads = 8;
        var pool = Executors.newFixedThreadPool(threads);
        var unknown = new AtomicInteger();
        try {
            for (int round = 0; round < 400; round++) {
                var catalog = new TokenCatalog(jdbc); // empty, as after a restart
                var barrier = new CyclicBarrier(threads);
                var lookUps = new ArrayList<Future<?>>();
                for (int t = 0; t < threads; t++) {
                    var symbol = symbols.get((round + t) % symbols.size());
                    lookUps.add(pool.submit(() -> {
                        barrier.await();
                        if (catalog.find(symbol).isEmpty()) {
                            unknown.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (var lookUp : lookUps) {
                    lookUp.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(unknown.get()).as("existing tokens reported unknown").isZero();
    }
}
