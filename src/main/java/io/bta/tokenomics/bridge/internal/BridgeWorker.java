package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.BridgeEvents;
import io.bta.tokenomics.bridge.BridgeProperties;
import io.bta.tokenomics.bridge.BridgeViews.BridgeToken;
import io.bta.tokenomics.bridge.BridgeViews.DepositStatus;
import io.bta.tokenomics.bridge.internal.BridgeStore.DeploymentRow;
import io.bta.tokenomics.bridge.internal.BridgeStore.DepositRow;
import io.bta.tokenomics.bridge.internal.BridgeStore.WithdrawalRow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenPauseChanged;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bridge's passes over the chain, each safe to repeat and to interrupt at any point:
 *
 * <ul>
 *   <li>{@link #send}: mints each token's REQUESTED withdrawals in one {@code withdrawBatch}. The
 *       contract skips an id it already processed, so a batch sent again after a crash between
 *       sending and recording mints only what is missing; a skipped id is recorded where the chain
 *       shows it minted.
 *   <li>{@link #follow}: confirms SUBMITTED withdrawals once {@code confirmations} deep (or sends
 *       again one whose block was replaced and that the chain no longer shows minted); reads
 *       {@code Deposited} logs from the cursor to the head, re-reading the blocks not yet deep
 *       enough each pass; forgets a SEEN deposit that a re-read no longer finds; and credits a
 *       deposit once it is deep enough and its block is still the canonical one at that height.
 * </ul>
 *
 * Exactly once: a deposit is unique by (chain, deposit id), and it is credited by one transaction
 * that moves escrow → entity and marks it CREDITED only where it is still SEEN. Each pass does the
 * same for NFTs ({@link BridgeNfts}), over the same block ranges and cursor.
 */
@Component
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
public class BridgeWorker {

    private static final Logger log = LoggerFactory.getLogger(BridgeWorker.class);

    private final BridgeStore store;
    private final BridgeChain chain;
    private final Bridge bridge;
    private final Ledger ledger;
    private final BridgeProperties properties;
    private final Clock clock;
    private final TransactionTemplate writes;
    private final ApplicationEventPublisher events;
    private final BridgeNfts nfts;

    BridgeWorker(
            BridgeNfts nfts,
            BridgeStore store,
            BridgeChain chain,
            Bridge bridge,
            Ledger ledger,
            BridgeProperties properties,
            Clock clock,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.nfts = nfts;
        this.events = events;
        this.store = store;
        this.chain = chain;
        this.bridge = bridge;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
    }

    private Optional<DeploymentRow> deployment() {
        return store.deployment(chain.chainId(), false);
    }

    // ---- withdrawals

    /** Mints pending withdrawals, a batch per token; how many were recorded as minted. */
    public synchronized int send() {
        var deployment = deployment();
        if (deployment.isEmpty()) {
            return 0;
        }
        var d = deployment.get();
        if (!bridge.syncPause(d) || d.paused()) {
            return 0;
        }
        int recorded = 0;
        for (var token : store.tokens(d.chainId())) {
            if (syncTokenPause(token)) {
                recorded += sendBatch(d, token);
            }
        }
        return recorded + nfts.send(d.chainId());
    }

    /**
     * Makes a token contract's pause match the token's emergency pause in the ledger (the ledger's
     * flag is what counts, as the bridge's own flag is for the bridge contract): while a token is
     * paused here, every transfer, mint and burn of it is paused on chain too. True when the token
     * is not paused and the chain answered, so its withdrawals may be sent.
     */
    public synchronized boolean syncTokenPause(BridgeToken token) {
        boolean paused = ledger.token(token.tokenId().toString()).paused();
        try {
            var contracts = chain.contracts();
            if (contracts.paused(token.contractAddress()) != paused) {
                if (paused) {
                    contracts.pause(token.contractAddress());
                } else {
                    contracts.unpause(token.contractAddress());
                }
                log.info("{} contract {} on chain", token.symbol(), paused ? "paused" : "unpaused");
            }
            return !paused;
        } catch (IOException | RuntimeException e) {
            log.warn("could not set {}'s contract pause to {}: {}", token.symbol(), paused, e.getMessage());
            return false;
        }
    }

    /** A token paused or unpaused in the ledger: its contract follows at once (and on every pass). */
    @ApplicationModuleListener
    void on(TokenPauseChanged change) {
        var deployment = deployment();
        if (deployment.isEmpty()) {
            return;
        }
        store.tokens(deployment.get().chainId()).stream()
                .filter(t -> t.tokenId().equals(change.tokenId()))
                .forEach(this::syncTokenPause);
    }

    private int sendBatch(DeploymentRow d, BridgeToken token) {
        var pending = store.requested(token.tokenId(), properties.batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        var batch = pending.stream()
                .map(w -> new BridgeContracts.Withdrawal(
                        token.contractAddress(), w.toAddress(), w.amount().units(), w.withdrawalId()))
                .toList();
        BridgeContracts.BatchResult result;
        try {
            result = chain.contracts().withdrawBatch(d.bridgeAddress(), token.contractAddress(), batch);
        } catch (ContractReverted e) {
            if (retryable(e)) {
                log.warn(
                        "batch of {} {} not sent ({}); the next pass tries again",
                        batch.size(),
                        token.symbol(),
                        e.getMessage());
                return 0;
            }
            // the contract refuses the batch as such (an unregistered token, a bad entry): nothing
            // was minted, so each withdrawal goes back to its holder
            var error = e.error().orElseThrow();
            log.error("the bridge refused a batch of {} {}: {}", batch.size(), token.symbol(), error);
            pending.forEach(w -> fail(w, "refused by the bridge contract: " + error));
            return 0;
        } catch (IOException e) {
            log.warn(
                    "batch of {} {} not sent: {}; the next pass tries again",
                    batch.size(),
                    token.symbol(),
                    e.getMessage());
            return 0;
        }
        var receipt = result.receipt();
        var byId = new HashMap<String, WithdrawalRow>();
        pending.forEach(w -> byId.put(w.withdrawalId(), w));
        int recorded = 0;
        for (var id : result.minted()) {
            var w = byId.get(id.toLowerCase(Locale.ROOT));
            if (w != null
                    && store.markSubmitted(
                            w.id(),
                            receipt.transactionHash(),
                            receipt.blockNumber(),
                            receipt.blockHash(),
                            clock.instant())) {
                recorded++;
            }
        }
        for (var id : result.skipped()) {
            var w = byId.get(id.toLowerCase(Locale.ROOT));
            if (w == null) {
                continue;
            }
            // minted by an earlier send whose result was lost: record where
            try {
                var earlier = chain.contracts().withdrawn(d.bridgeAddress(), w.withdrawalId());
                if (earlier.isPresent()
                        && store.markSubmitted(
                                w.id(),
                                earlier.get().transactionHash(),
                                earlier.get().blockNumber(),
                                earlier.get().blockHash(),
                                clock.instant())) {
                    recorded++;
                }
            } catch (IOException e) {
                log.warn("withdrawal {} was minted earlier; where is not known yet: {}", w.id(), e.getMessage());
            }
        }
        return recorded;
    }

    private void fail(WithdrawalRow w, String reason) {
        writes.executeWithoutResult(tx -> {
            var refund = ledger.transfer(
                    w.tokenId(),
                    bridge.escrow(),
                    w.entityId(),
                    w.amount(),
                    "bridge withdrawal " + w.id() + " refunded",
                    bridge.escrow());
            if (!store.markFailed(w.id(), reason, refund.id(), clock.instant())) {
                tx.setRollbackOnly();
            }
        });
    }

    /** Confirms minted withdrawals deep enough; how many. */
    synchronized int confirmWithdrawals(long head) {
        var d = deployment();
        if (d.isEmpty()) {
            return 0;
        }
        int confirmed = 0;
        var hashes = new HashMap<Long, String>();
        for (var w : store.submitted(1000)) {
            if (!deepEnough(w.chainBlockNumber(), head)) {
                continue;
            }
            try {
                var canonical = hashes.computeIfAbsent(w.chainBlockNumber(), this::blockHash);
                if (w.chainBlockHash().equals(canonical)) {
                    if (confirm(w)) {
                        confirmed++;
                    }
                    continue;
                }
                // its block was replaced: minted elsewhere on the canonical chain, or to be sent again
                var now = chain.contracts().withdrawn(d.get().bridgeAddress(), w.withdrawalId());
                if (now.isPresent()) {
                    store.markSubmitted(
                            w.id(),
                            now.get().transactionHash(),
                            now.get().blockNumber(),
                            now.get().blockHash(),
                            clock.instant());
                } else {
                    log.warn("withdrawal {} left the chain in a reorg; it is sent again", w.id());
                    store.markRequestedAgain(w.id(), clock.instant());
                }
            } catch (IOException | UncheckedChainException e) {
                log.warn("could not confirm withdrawal {}: {}", w.id(), e.getMessage());
            }
        }
        return confirmed;
    }

    private boolean confirm(WithdrawalRow w) {
        var now = clock.instant();
        return Boolean.TRUE.equals(writes.execute(tx -> {
            if (!store.markConfirmed(w.id(), now)) {
                return false;
            }
            events.publishEvent(new BridgeEvents.WithdrawalConfirmed(
                    w.id(),
                    w.entityId(),
                    w.tokenId(),
                    w.amount(),
                    w.toAddress(),
                    w.chainTxHash(),
                    w.chainBlockNumber(),
                    now));
            return true;
        }));
    }

    // ---- deposits

    /**
     * One follower pass: confirms withdrawals, reads deposits, credits those deep enough; false
     * where there is nothing deployed yet or the chain did not answer.
     */
    public synchronized boolean follow() {
        var deployment = deployment();
        if (deployment.isEmpty()) {
            return false;
        }
        var d = deployment.get();
        long head;
        try {
            head = chain.contracts().blockNumber();
        } catch (IOException e) {
            log.warn("the chain did not answer: {}", e.getMessage());
            return false;
        }
        confirmWithdrawals(head);
        nfts.confirm(d.chainId(), head);
        try {
            readDeposits(d, head);
        } catch (IOException e) {
            log.warn("could not read deposits: {}; the next pass tries again", e.getMessage());
            return false;
        }
        creditDeposits(d, head);
        nfts.credit(d.chainId(), head);
        return true;
    }

    private void readDeposits(DeploymentRow d, long head) throws IOException {
        long chainId = d.chainId();
        long start = store.nextBlock(chainId).orElse(properties.startBlock());
        long finalUpTo = head - properties.confirmations() + 1;
        long from = start;
        var tokens = new HashMap<String, BridgeToken>();
        store.tokens(chainId).forEach(t -> tokens.put(t.contractAddress(), t));
        while (from <= head) {
            long to = Math.min(head, from + properties.logRange() - 1);
            var found = chain.contracts().deposits(d.bridgeAddress(), from, to);
            var present = new HashSet<String>();
            for (var log : found) {
                present.add(log.depositId() + "@" + log.blockHash().toLowerCase(Locale.ROOT));
                var token = tokens.get(log.token());
                store.upsertSeen(
                        chainId,
                        new DepositRow(
                                Ids.newId(clock),
                                log.depositId(),
                                log.token(),
                                token == null ? null : token.tokenId(),
                                log.entityId(),
                                Amount.ofUnits(log.amount()),
                                log.from(),
                                log.transactionHash(),
                                log.blockNumber(),
                                log.blockHash(),
                                log.logIndex(),
                                DepositStatus.SEEN,
                                null,
                                null),
                        clock.instant());
            }
            // a deposit seen in these blocks before and not there now was removed by a reorg
            for (var seen : store.seenBetween(chainId, from, to)) {
                if (!present.contains(seen.depositId() + "@" + seen.blockHash())) {
                    log.warn(
                            "deposit {} left the chain before it was deep enough; it is not credited",
                            seen.depositId());
                    store.deleteSeen(seen.id());
                }
            }
            nfts.read(chainId, from, to);
            // blocks deep enough are read for the last time; the others again next pass
            store.setNextBlock(chainId, Math.max(start, Math.min(to + 1, finalUpTo + 1)), clock.instant());
            from = to + 1;
        }
    }

    private void creditDeposits(DeploymentRow d, long head) {
        long deepest = head - properties.confirmations() + 1;
        var hashes = new HashMap<Long, String>();
        for (var deposit : store.seenUpTo(d.chainId(), deepest, 1000)) {
            String canonical;
            try {
                canonical = hashes.computeIfAbsent(deposit.blockNumber(), this::blockHash);
            } catch (UncheckedChainException e) {
                log.warn("could not check deposit {}: {}", deposit.depositId(), e.getMessage());
                return;
            }
            if (!deposit.blockHash().equals(canonical)) {
                // replaced before it was deep enough: never credited; a re-read finds its successor
                log.warn("deposit {} is not on the canonical chain; it is not credited", deposit.depositId());
                store.deleteSeen(deposit.id());
                store.setNextBlock(
                        d.chainId(),
                        Math.min(
                                deposit.blockNumber(),
                                store.nextBlock(d.chainId()).orElse(0L)),
                        clock.instant());
                continue;
            }
            settle(deposit);
        }
    }

    private void settle(DepositRow deposit) {
        var now = clock.instant();
        if (deposit.tokenId() == null) {
            store.markHeld(deposit.id(), "the token " + deposit.tokenAddress() + " is not one of the bridge's", now);
            return;
        }
        if (!EntityId.isValid(deposit.entityId())) {
            store.markHeld(deposit.id(), "the entity id given on chain is not valid: it must be " + EntityId.RULE, now);
            return;
        }
        try {
            writes.executeWithoutResult(tx -> {
                var credit = ledger.transfer(
                        deposit.tokenId(),
                        bridge.escrow(),
                        EntityId.of(deposit.entityId()),
                        deposit.amount(),
                        "bridge deposit " + deposit.depositId() + " (" + deposit.chainTxHash() + ")",
                        bridge.escrow());
                if (!store.markCredited(deposit.id(), credit.id(), now)) {
                    tx.setRollbackOnly();
                    return;
                }
                events.publishEvent(new BridgeEvents.DepositCredited(
                        deposit.id(),
                        deposit.depositId().toString(),
                        EntityId.of(deposit.entityId()),
                        deposit.tokenId(),
                        deposit.amount(),
                        deposit.fromAddress(),
                        deposit.chainTxHash(),
                        credit.id(),
                        now));
            });
        } catch (RuntimeException e) {
            log.error(
                    "deposit {} could not be credited: {}; the next pass tries again",
                    deposit.depositId(),
                    e.getMessage());
        }
    }

    private boolean deepEnough(long blockNumber, long head) {
        return head - blockNumber + 1 >= properties.confirmations();
    }

    private String blockHash(long number) {
        try {
            return chain.contracts().blockHash(number);
        } catch (IOException e) {
            throw new UncheckedChainException(e);
        }
    }

    /** A chain read that failed inside a lambda. */
    static final class UncheckedChainException extends RuntimeException {
        UncheckedChainException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Whether a batch the contract reverted is sent again on the next pass: a pause (the contract or
     * a token, {@code EnforcedPause}) ends, and a revert without a known error says nothing about
     * the batch; any other named error refuses the batch as such.
     */
    static boolean retryable(ContractReverted e) {
        return e.errorName().map("EnforcedPause"::equals).orElse(true);
    }
}
