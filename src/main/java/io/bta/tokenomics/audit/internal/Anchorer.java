package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.ChainProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors block hashes on the chain, one pass at a time: first it looks up the receipts of anchors
 * already sent, then it sends the blocks that are due. Every database statement commits on its own
 * and no lock is held while the chain is called, so a slow or failing node delays only anchoring.
 * A failed send is retried after {@code retry-initial × 2^(attempts-1)}, at most {@code retry-max};
 * the claim that counts an attempt also moves its next attempt, so two instances do not both send.
 * A crash between a send and its record sends again later: the chain then holds the same hash
 * twice, which proves the same thing.
 */
public class Anchorer {

    private static final Logger log = LoggerFactory.getLogger(Anchorer.class);

    /** How many anchors one pass handles; the rest wait for the next pass. */
    static final int BATCH = 20;

    private final ChainClient chain;
    private final AuditStore store;
    private final Clock clock;
    private final ChainProperties properties;

    public Anchorer(ChainClient chain, AuditStore store, Clock clock, ChainProperties properties) {
        this.chain = chain;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass; answers how many anchors were confirmed or sent. */
    public int runOnce() {
        return confirmSent() + sendDue();
    }

    private int confirmSent() {
        int confirmed = 0;
        for (var block : store.sentAnchorsDue(clock.instant(), BATCH)) {
            var now = clock.instant();
            try {
                var receipt = chain.receipt(block.chainTxHash());
                if (receipt.isPresent() && receipt.get().succeeded()) {
                    store.recordConfirmed(
                            block.height(), block.chainTxHash(), receipt.get().blockNumber(), now);
                    confirmed++;
                } else if (receipt.isPresent()) {
                    store.recordDropped(
                            block.height(),
                            block.chainTxHash(),
                            "anchor transaction failed on the chain",
                            retryAt(now, block.anchorAttempts()));
                } else if (block.chainSentAt().plus(properties.confirmTimeout()).isBefore(now)) {
                    store.recordDropped(
                            block.height(),
                            block.chainTxHash(),
                            "anchor transaction not mined within " + properties.confirmTimeout(),
                            now);
                } else {
                    store.recordUnconfirmed(block.height(), now.plus(properties.anchorInterval()));
                }
            } catch (Exception e) {
                log.warn("could not read the receipt of the anchor of block {}: {}", block.height(), e.toString());
                store.recordUnconfirmed(block.height(), retryAt(now, block.anchorAttempts()));
                store.recordFailure(block.height(), e.toString());
            }
        }
        return confirmed;
    }

    private int sendDue() {
        int sent = 0;
        for (var block : store.anchorsToSend(properties.anchorEvery(), clock.instant(), BATCH)) {
            var now = clock.instant();
            int attempt = block.anchorAttempts() + 1;
            if (!store.claimSend(block.height(), block.anchorAttempts(), retryAt(now, attempt))) {
                continue;
            }
            try {
                var txHash = chain.sendAnchor(block.blockHash());
                store.recordSent(block.height(), txHash, now, now);
                sent++;
            } catch (Exception e) {
                log.warn(
                        "anchoring block {} failed (attempt {}), retrying after {}: {}",
                        block.height(),
                        attempt,
                        backoff(attempt),
                        e.toString());
                store.recordFailure(block.height(), e.toString());
            }
        }
        return sent;
    }

    Instant retryAt(Instant now, int attempt) {
        return now.plus(backoff(attempt));
    }

    /** {@code retry-initial × 2^(attempt-1)}, capped at {@code retry-max}. */
    Duration backoff(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        var delay = properties.retryInitial().multipliedBy(1L << doublings);
        return delay.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : delay;
    }
}
