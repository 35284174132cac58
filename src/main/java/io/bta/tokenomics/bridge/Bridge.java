package io.bta.tokenomics.bridge;

import io.bta.tokenomics.bridge.BridgeViews.BridgeStatus;
import io.bta.tokenomics.bridge.BridgeViews.BridgeToken;
import io.bta.tokenomics.bridge.BridgeViews.Deposit;
import io.bta.tokenomics.bridge.BridgeViews.Withdrawal;
import io.bta.tokenomics.bridge.BridgeViews.WithdrawalStatus;
import io.bta.tokenomics.bridge.internal.BridgeChain;
import io.bta.tokenomics.bridge.internal.BridgeContracts;
import io.bta.tokenomics.bridge.internal.BridgeNfts;
import io.bta.tokenomics.bridge.internal.BridgeSettings;
import io.bta.tokenomics.bridge.internal.BridgeStore;
import io.bta.tokenomics.bridge.internal.BridgeStore.DeploymentRow;
import io.bta.tokenomics.bridge.internal.BridgeStore.WithdrawalRow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.web.Cursors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bridge's facade: where its contracts are, withdrawals (escrowed in the ledger here, minted
 * on chain by the sender), deposits (read from the chain, credited here), pause, and the
 * reconciliation of the escrow with the supply on chain. Only there when
 * {@code tokenomics.bridge.enabled}.
 *
 * <p>Methods that talk to the chain hold no database transaction while they wait for it: they
 * write what they learned in short transactions of their own.
 */
@Service
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
public class Bridge {

    private static final Logger log = LoggerFactory.getLogger(Bridge.class);

    static final Duration OUTFLOW_WINDOW = Duration.ofHours(24);

    private final BridgeStore store;
    private final BridgeChain chain;
    private final BridgeSettings settings;
    private final BridgeProperties properties;
    private final Ledger ledger;
    private final Clock clock;
    private final TransactionTemplate writes;
    private final TransactionTemplate snapshot;
    private final EntityId escrow;
    private final ApplicationEventPublisher events;
    private final BridgeNfts nfts;

    Bridge(
            BridgeNfts nfts,
            BridgeStore store,
            BridgeChain chain,
            BridgeSettings settings,
            BridgeProperties properties,
            Ledger ledger,
            Clock clock,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.nfts = nfts;
        this.events = events;
        this.store = store;
        this.chain = chain;
        this.settings = settings;
        this.properties = properties;
        this.ledger = ledger;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.escrow = EntityId.of(properties.escrowEntityId());
    }

    /** The ledger entity that holds what is on chain. */
    public EntityId escrow() {
        return escrow;
    }

    public int confirmations() {
        return properties.confirmations();
    }

    @Transactional(readOnly = true)
    public BridgeStatus status() {
        var chainId = chain.chainId();
        var deployment = store.deployment(chainId, false);
        return deployment
                .map(d -> new BridgeStatus(
                        chainId,
                        properties.confirmations(),
                        d.bridgeAddress(),
                        d.paused(),
                        store.tokens(chainId),
                        nfts.contract(chainId).orElse(null)))
                .orElseGet(() -> new BridgeStatus(chainId, properties.confirmations(), null, false, List.of(), null));
    }

    /**
     * Deploys a token contract per bridgeable ledger token, the bridge and the NFT contract, or
     * records the addresses given in settings, once per chain: a later call answers the same
     * addresses and deploys nothing (but the NFT contract, where a deployment made before it had
     * none). Calls are serialized in this instance, and the rows are written once the contracts are
     * on chain.
     */
    public synchronized BridgeStatus deploy(EntityId actor) {
        var chainId = chain.chainId();
        if (store.deployment(chainId, false).isPresent()) {
            deployNfts(chainId);
            return status();
        }
        var tokens = ledger.tokens().stream()
                .filter(t -> t.type() != TokenType.GUARANTEE)
                .filter(t -> BridgeSettings.BRIDGEABLE.contains(t.symbol()))
                .toList();
        if (tokens.isEmpty()) {
            throw BridgeProblems.tokensNotInitialized();
        }
        String bridgeAddress;
        boolean deployedHere;
        var addresses = new ArrayList<BridgeToken>();
        long fromBlock;
        try {
            if (properties.bridgeAddress() != null) {
                bridgeAddress = EvmAddress.of(properties.bridgeAddress()).value();
                deployedHere = false;
                for (var t : tokens) {
                    var address = properties.tokenAddresses().get(t.symbol());
                    if (address != null) {
                        addresses.add(new BridgeToken(
                                t.id(), t.symbol(), EvmAddress.of(address).value()));
                    }
                }
                fromBlock = properties.startBlock();
            } else {
                fromBlock = chain.contracts().blockNumber();
                var specs = tokens.stream()
                        .map(t -> new BridgeContracts.TokenSpec(
                                t.name(),
                                t.symbol(),
                                t.maxSupply() == null
                                        ? BridgeContracts.NO_CAP
                                        : t.maxSupply().units()))
                        .toList();
                var deployment = chain.contracts().deploy(specs);
                bridgeAddress = deployment.bridge();
                deployedHere = true;
                for (var t : tokens) {
                    addresses.add(new BridgeToken(
                            t.id(), t.symbol(), deployment.tokensBySymbol().get(t.symbol())));
                }
                log.info("deployed the bridge at {} on chain {} for {}", bridgeAddress, chainId, actor);
            }
        } catch (IOException e) {
            throw BridgeProblems.chainUnavailable(e.getMessage());
        }
        var start = fromBlock;
        writes.executeWithoutResult(tx -> {
            store.insertDeployment(chainId, bridgeAddress, deployedHere, clock.instant());
            addresses.forEach(t -> store.insertToken(chainId, t));
            store.setNextBlock(chainId, start, clock.instant());
        });
        deployNfts(chainId);
        return status();
    }

    private void deployNfts(long chainId) {
        try {
            nfts.deployIfMissing(chainId);
        } catch (IOException e) {
            throw BridgeProblems.chainUnavailable(e.getMessage());
        }
    }

    /**
     * Moves {@code amount} of {@code tokenIdentifier} from {@code holder} to the escrow and records
     * the withdrawal to {@code to}, in this one transaction; the sender mints it on chain later.
     * Refused, with nothing moved, while paused, for a token without a contract (BTA-GUAR never has
     * one), over the per-withdrawal maximum, over the holder's balance, or over the token's outflow
     * in the last 24 hours.
     */
    @Transactional
    public Withdrawal withdraw(EntityId holder, String tokenIdentifier, Amount amount, EvmAddress to, EntityId actor) {
        var chainId = chain.chainId();
        var deployment = store.deployment(chainId, false).orElseThrow(BridgeProblems::notDeployed);
        if (deployment.paused()) {
            throw BridgeProblems.paused();
        }
        var token = ledger.token(tokenIdentifier);
        if (!BridgeSettings.BRIDGEABLE.contains(token.symbol())
                || store.tokens(chainId).stream().noneMatch(t -> t.tokenId().equals(token.id()))) {
            throw BridgeProblems.notBridgeable(token.symbol());
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be greater than zero");
        }
        var limits = settings.limits(token.symbol());
        if (amount.isGreaterThan(limits.withdrawalMax())) {
            throw BridgeProblems.overWithdrawalMax(
                    amount.toString(), limits.withdrawalMax().toString());
        }
        var now = clock.instant();
        var id = Ids.newId(clock);
        // the escrow's balance row is locked by this transfer, so withdrawals of one token are
        // serialized from here on and the outflow below counts every one committed before
        var moved = ledger.transfer(token.id(), holder, escrow, amount, "bridge withdrawal " + id, actor);
        var outflow = store.outflowSince(token.id(), now.minus(OUTFLOW_WINDOW)).plus(amount);
        if (outflow.isGreaterThan(limits.dailyOutflowMax())) {
            throw BridgeProblems.overDailyOutflow(
                    outflow.toString(), limits.dailyOutflowMax().toString());
        }
        var sequence = store.nextSequence();
        var row = new WithdrawalRow(
                id,
                sequence,
                BridgeContracts.withdrawalId(sequence),
                holder,
                token.id(),
                amount,
                to.value(),
                WithdrawalStatus.REQUESTED,
                null,
                null,
                null,
                now);
        store.insertWithdrawal(row, chainId, moved.id());
        events.publishEvent(new BridgeEvents.WithdrawalRequested(id, holder, token.id(), amount, to.value(), now));
        return row.view();
    }

    @Transactional(readOnly = true)
    public WithdrawalRow withdrawalRow(UUID id) {
        return store.withdrawal(id).orElseThrow(() -> BridgeProblems.unknownWithdrawal(id.toString()));
    }

    @Transactional(readOnly = true)
    public Withdrawal withdrawal(UUID id) {
        return withdrawalRow(id).view();
    }

    /** An entity's withdrawals, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public Page<Withdrawal> withdrawals(EntityId entity, int limit, String cursor) {
        Long before = cursor == null || cursor.isEmpty() ? null : Cursors.decodeLong(cursor);
        var rows = store.withdrawalsOf(entity, before, limit + 1);
        var more = rows.size() > limit;
        var page = more ? rows.subList(0, limit) : rows;
        var next = more ? Cursors.encode(Long.toString(page.get(page.size() - 1).sequence())) : null;
        return new Page<>(page.stream().map(WithdrawalRow::view).toList(), next);
    }

    /** Deposits naming {@code entityId} on chain, newest first. */
    @Transactional(readOnly = true)
    public List<Deposit> deposits(String entityId, int limit) {
        return store.depositsOf(entityId, limit).stream()
                .map(BridgeStore.DepositRow::view)
                .toList();
    }

    /**
     * Credits a HELD deposit (one whose entity id given on chain was not valid) to {@code to},
     * chosen by an admin, from the escrow: once, since the row is locked and must still be HELD.
     * The deposit keeps the text given on chain as its {@code entityId}; the ledger transaction
     * names who was credited and by whom. Refused for a deposit that is not HELD (a second release
     * among them) and for one that burned a contract that is not one of the bridge's tokens.
     */
    @Transactional
    public Deposit releaseHeld(UUID id, EntityId to, EntityId actor) {
        var deposit = store.depositForUpdate(id).orElseThrow(() -> BridgeProblems.unknownDeposit(id.toString()));
        if (deposit.status() != BridgeViews.DepositStatus.HELD) {
            throw BridgeProblems.depositNotHeld(id.toString(), deposit.status().name());
        }
        if (deposit.tokenId() == null) {
            throw BridgeProblems.depositTokenUnknown(id.toString(), deposit.tokenAddress());
        }
        var now = clock.instant();
        var credit = ledger.transfer(
                deposit.tokenId(),
                escrow,
                to,
                deposit.amount(),
                "bridge deposit " + deposit.depositId() + " (" + deposit.chainTxHash() + ") released by "
                        + actor.value(),
                actor);
        if (!store.markReleased(id, credit.id(), now)) {
            throw BridgeProblems.depositNotHeld(id.toString(), "no longer HELD");
        }
        log.info("held deposit {} released to {} by {}", deposit.depositId(), to, actor);
        events.publishEvent(new BridgeEvents.DepositCredited(
                deposit.id(),
                deposit.depositId().toString(),
                to,
                deposit.tokenId(),
                deposit.amount(),
                deposit.fromAddress(),
                deposit.chainTxHash(),
                credit.id(),
                now));
        return store.depositForUpdate(id).orElseThrow().view();
    }

    /**
     * Per bridged token, the escrow against the supply on chain. The supply is read first, then the
     * ledger and the bridge's rows in one snapshot, so a withdrawal escrowed between the two reads
     * is counted as in flight on both sides and cannot show as a difference; one minted between
     * them can, until the next read.
     */
    public List<Reconciliation> reconciliation() {
        var chainId = chain.chainId();
        var deployment = store.deployment(chainId, false).orElseThrow(BridgeProblems::notDeployed);
        var tokens = store.tokens(chainId);
        var supplies = new ArrayList<Amount>();
        try {
            for (var t : tokens) {
                supplies.add(Amount.ofUnits(chain.contracts().totalSupply(t.contractAddress())));
            }
        } catch (IOException e) {
            throw BridgeProblems.chainUnavailable(e.getMessage());
        }
        return snapshot.execute(tx -> {
            var answer = new ArrayList<Reconciliation>();
            for (int i = 0; i < tokens.size(); i++) {
                var t = tokens.get(i);
                answer.add(Reconciliation.of(
                        t.tokenId(),
                        t.symbol(),
                        ledger.balance(escrow, t.tokenId()).total(),
                        supplies.get(i),
                        store.withdrawalsInFlight(t.tokenId()),
                        store.depositsInFlight(chainId, t.contractAddress())));
            }
            return answer;
        });
    }

    /**
     * Pauses (or unpauses) withdrawals here at once, and the bridge contract on chain (deposits
     * and withdrawals there). The flag here is what counts: the sender sets the chain to match it
     * on each pass, so a pause set while the chain did not answer reaches it later.
     */
    public BridgeStatus setPaused(boolean paused, EntityId actor) {
        var chainId = chain.chainId();
        var deployment = writes.execute(tx -> {
            var d = store.deployment(chainId, true).orElseThrow(BridgeProblems::notDeployed);
            store.setPaused(chainId, paused);
            return d;
        });
        log.info("bridge {} by {}", paused ? "paused" : "unpaused", actor);
        syncPause(new DeploymentRow(chainId, deployment.bridgeAddress(), deployment.deployedHere(), paused));
        return status();
    }

    /** Inside a governance proposal's transaction: the flag only; the sender brings the chain along. */
    @Transactional
    public void setPausedFlag(boolean paused) {
        var chainId = chain.chainId();
        store.deployment(chainId, true).orElseThrow(BridgeProblems::notDeployed);
        store.setPaused(chainId, paused);
    }

    /**
     * Makes the bridge contract's pause, and the NFT contract's, match {@code deployment}'s flag;
     * false where the chain did not answer.
     */
    public boolean syncPause(DeploymentRow deployment) {
        boolean nftsInLine = nfts.syncPause(deployment.chainId(), deployment.paused());
        var contracts = chain.contracts();
        try {
            if (contracts.paused(deployment.bridgeAddress()) != deployment.paused()) {
                if (deployment.paused()) {
                    contracts.pause(deployment.bridgeAddress());
                } else {
                    contracts.unpause(deployment.bridgeAddress());
                }
            }
            return nftsInLine;
        } catch (IOException | RuntimeException e) {
            log.warn("could not set the bridge contract's pause to {}: {}", deployment.paused(), e.getMessage());
            return false;
        }
    }
}
