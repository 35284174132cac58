package io.bta.tokenomics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.audit.internal.Anchorer;
import io.bta.tokenomics.audit.internal.AuditStore;
import io.bta.tokenomics.audit.internal.Web3jChainClient;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that cannot be reached: each failed attempt is recorded and the next one waits twice as
 * long (on the injected clock), while the ledger and the sealer carry on.
 */
@IntegrationTest
class AnchorRetryTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @Autowired
    Audit audit;

    @Autowired
    Ledger ledger;

    @Autowired
    AuditStore store;

    @Autowired
    MutableClock clock;

    @Test
    void aFailedAnchorIsRetriedWithExponentialBackoffAndBlocksNothing() throws Exception {
        ledger.initializeTokens(ADMIN);
        audit.sealAll();
        ledger.transfer(
                ledger.resolve("BTA-UTIL"), ledger.treasury(), EntityId.of("anchor-retry"), Amount.of(1), null, ADMIN);
        long height = audit.sealAll().get(0);

        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        // anchor-every = this height: of the shared test database's blocks, only this one is due
        var properties = new ChainProperties(
                "http://127.0.0.1:" + closedPort,
                AnchoringAnvilTest.DEV_KEY,
                31337L,
                (int) height,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                Duration.ofSeconds(2),
                true);
        try (var client = new Web3jChainClient(properties)) {
            var anchorer = new Anchorer(client, store, clock, properties);
            var start = clock.instant();

            assertThat(anchorer.runOnce()).isZero();
            var first = audit.block(height).anchor();
            assertThat(first.status()).isEqualTo(Anchor.Status.PENDING);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.nextAttemptAt()).isEqualTo(start.plusSeconds(5));
            assertThat(first.lastError()).isNotBlank();

            // not due yet: no new attempt
            anchorer.runOnce();
            assertThat(audit.block(height).anchor().attempts()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(5));
            anchorer.runOnce();
            var second = audit.block(height).anchor();
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.nextAttemptAt()).isEqualTo(start.plusSeconds(5 + 10));

            clock.advance(Duration.ofSeconds(10));
            anchorer.runOnce();
            clock.advance(Duration.ofSeconds(20));
            anchorer.runOnce();
            var capped = audit.block(height).anchor();
            assertThat(capped.attempts()).isEqualTo(4);
            // 5s, 10s, 20s, then 40s capped at retry-max 30s
            assertThat(capped.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        }

        // meanwhile the ledger and the sealer work as ever
        var t = ledger.transfer(
                ledger.resolve("BTA-UTIL"), ledger.treasury(), EntityId.of("anchor-retry"), Amount.of(1), null, ADMIN);
        audit.sealAll();
        assertThat(audit.lastSealedSequence()).isEqualTo(t.sequence());
    }
}
