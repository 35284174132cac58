package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.BridgeProblems;
import io.bta.tokenomics.bridge.BridgeProperties;
import io.bta.tokenomics.bridge.EvmAddress;
import io.bta.tokenomics.bridge.internal.BridgeNftStore.NftDepositRow;
import io.bta.tokenomics.bridge.internal.BridgeNftStore.NftWithdrawalRow;
import io.bta.tokenomics.nft.Nft;
import io.bta.tokenomics.nft.NftChainBridge;
import io.bta.tokenomics.nft.NftWithdrawal;
import io.bta.tokenomics.nft.Nfts;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transferable NFTs on chain, through the {@code BtaBadges} contract: the nft module's {@link
 * NftChainBridge} (a withdrawal recorded in the transaction that gives the token to the escrow),
 * and the NFT part of each of the bridge's passes, which {@link BridgeWorker} runs with its own:
 * the sender mints REQUESTED withdrawals in one {@code withdrawBatch} (ids already processed are
 * skipped on chain, so a re-sent batch mints nothing twice); the follower confirms them once deep
 * enough, reads {@code Deposited} logs over the same block ranges as the bridge's deposits, and
 * gives each deposited token back to the entity named on chain once its block is deep enough and
 * still canonical, once: a deposit is unique by (chain, deposit id) and moves from SEEN only.
 */
@Component
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
public class BridgeNfts implements NftChainBridge {

    private static final Logger log = LoggerFactory.getLogger(BridgeNfts.class);

    /** The NFT contract's ERC-721 name and symbol. */
    static final String CONTRACT_NAME = "BTA Badges";

    static final String CONTRACT_SYMBOL = "BTA-NFT";

    private final BridgeNftStore nftStore;
    private final BridgeStore store;
    private final BridgeChain chain;
    private final BridgeProperties properties;
    private final Nfts nfts;
    private final Clock clock;
    private final TransactionTemplate writes;
    private final EntityId escrow;

    BridgeNfts(
            BridgeNftStore nftStore,
            BridgeStore store,
            BridgeChain chain,
            BridgeProperties properties,
            Nfts nfts,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.nftStore = nftStore;
        this.store = store;
        this.chain = chain;
        this.properties = properties;
        this.nfts = nfts;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
        this.escrow = EntityId.of(properties.escrowEntityId());
    }

    // ---- the nft module's side

    @Override
    public EntityId custodian() {
        return escrow;
    }

    @Override
    public String address(String text) {
        return EvmAddress.of(text).value();
    }

    @Override
    public void checkOpen() {
        var chainId = chain.chainId();
        var deployment = store.deployment(chainId, false).orElseThrow(BridgeProblems::notDeployed);
        if (nftStore.contract(chainId).isEmpty()) {
            throw BridgeProblems.notDeployed();
        }
        if (deployment.paused()) {
            throw BridgeProblems.paused();
        }
    }

    @Override
    public NftWithdrawal record(Nft token, EntityId holder, String toAddress) {
        var chainId = chain.chainId();
        var contract = nftStore.contract(chainId).orElseThrow(BridgeProblems::notDeployed);
        var sequence = nftStore.nextSequence();
        var row = new NftWithdrawalRow(
                Ids.newId(clock),
                sequence,
                BridgeContracts.withdrawalId(sequence),
                holder,
                token.collectionId().value(),
                token.collectionSymbol(),
                token.tokenNumber(),
                BridgeContracts.nftTokenId(token.collectionSymbol(), token.tokenNumber()),
                address(toAddress),
                "REQUESTED",
                null,
                null,
                null,
                clock.instant());
        nftStore.insertWithdrawal(row, chainId);
        return view(row, contract);
    }

    /** A withdrawal as the nft module answers it. */
    public Optional<NftWithdrawal> withdrawal(java.util.UUID id) {
        var contract = nftStore.contract(chain.chainId()).orElse(null);
        return nftStore.withdrawal(id).map(w -> view(w, contract));
    }

    private static NftWithdrawal view(NftWithdrawalRow w, String contract) {
        return new NftWithdrawal(
                w.id(),
                w.collectionSymbol(),
                w.tokenNumber(),
                w.entityId(),
                w.toAddress(),
                contract,
                w.chainTokenId().toString(),
                w.status(),
                w.chainTxHash(),
                w.chainBlockNumber(),
                w.createdAt());
    }

    // ---- the contract

    /** The NFT contract's address on this chain, if it is deployed or recorded. */
    public Optional<String> contract(long chainId) {
        return nftStore.contract(chainId);
    }

    /**
     * Deploys {@code BtaBadges} once per chain, or records {@code tokenomics.bridge.badges-address}.
     * Where the bridge's contracts were given in settings and the NFT contract was not, nothing is
     * deployed: NFTs then stay in the ledger ({@code BRIDGE_NOT_DEPLOYED} for a withdrawal).
     */
    public synchronized void deployIfMissing(long chainId) throws IOException {
        if (nftStore.contract(chainId).isPresent()) {
            return;
        }
        String address;
        boolean deployedHere;
        if (properties.badgesAddress() != null) {
            address = EvmAddress.of(properties.badgesAddress()).value();
            deployedHere = false;
        } else if (properties.bridgeAddress() != null) {
            return;
        } else {
            var contracts = chain.contracts();
            address = contracts.deployBadges(
                    CONTRACT_NAME, CONTRACT_SYMBOL, properties.nftBaseUri(), contracts.address());
            deployedHere = true;
            log.info("deployed the NFT contract at {} on chain {}", address, chainId);
        }
        nftStore.insertContract(chainId, address, deployedHere, clock.instant());
    }

    /** Makes the NFT contract's pause match the bridge's flag; false where the chain did not answer. */
    public boolean syncPause(long chainId, boolean paused) {
        var contract = nftStore.contract(chainId);
        if (contract.isEmpty()) {
            return true;
        }
        try {
            var contracts = chain.contracts();
            if (contracts.paused(contract.get()) != paused) {
                if (paused) {
                    contracts.pause(contract.get());
                } else {
                    contracts.unpause(contract.get());
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("could not set the NFT contract's pause to {}: {}", paused, e.getMessage());
            return false;
        }
    }

    // ---- the sender's part

    /** Mints REQUESTED NFT withdrawals in one batch; how many were recorded as minted. */
    int send(long chainId) {
        var contract = nftStore.contract(chainId);
        if (contract.isEmpty()) {
            return 0;
        }
        var pending = nftStore.requested(properties.batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        var mints = pending.stream()
                .map(w -> new BridgeContracts.NftMint(w.toAddress(), w.chainTokenId(), w.withdrawalId()))
                .toList();
        BridgeContracts.BatchResult result;
        try {
            result = chain.contracts().withdrawNfts(contract.get(), mints);
        } catch (ContractReverted e) {
            // a pause, or an entry the contract refuses: nothing was minted; they wait for the next pass
            log.warn(
                    "batch of {} NFT withdrawals not minted ({}); the next pass tries again",
                    mints.size(),
                    e.getMessage());
            return 0;
        } catch (IOException e) {
            log.warn(
                    "batch of {} NFT withdrawals not sent: {}; the next pass tries again",
                    mints.size(),
                    e.getMessage());
            return 0;
        }
        var byId = new HashMap<String, NftWithdrawalRow>();
        pending.forEach(w -> byId.put(w.withdrawalId(), w));
        var receipt = result.receipt();
        int recorded = 0;
        for (var id : result.minted()) {
            var w = byId.get(id.toLowerCase(Locale.ROOT));
            if (w != null
                    && nftStore.markSubmitted(
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
                var earlier = chain.contracts().nftWithdrawn(contract.get(), w.withdrawalId());
                if (earlier.isPresent()
                        && nftStore.markSubmitted(
                                w.id(),
                                earlier.get().transactionHash(),
                                earlier.get().blockNumber(),
                                earlier.get().blockHash(),
                                clock.instant())) {
                    recorded++;
                }
            } catch (IOException e) {
                log.warn("NFT withdrawal {} was minted earlier; where is not known yet: {}", w.id(), e.getMessage());
            }
        }
        return recorded;
    }

    // ---- the follower's part

    /** Confirms minted NFT withdrawals deep enough (or sends again one a reorg removed); how many. */
    int confirm(long chainId, long head) {
        var contract = nftStore.contract(chainId);
        if (contract.isEmpty()) {
            return 0;
        }
        int confirmed = 0;
        var hashes = new HashMap<Long, String>();
        for (var w : nftStore.submitted(1000)) {
            if (!deepEnough(w.chainBlockNumber(), head)) {
                continue;
            }
            try {
                var canonical = hashes.computeIfAbsent(w.chainBlockNumber(), this::blockHash);
                if (w.chainBlockHash().equals(canonical)) {
                    if (nftStore.markConfirmed(w.id(), clock.instant())) {
                        confirmed++;
                    }
                    continue;
                }
                var now = chain.contracts().nftWithdrawn(contract.get(), w.withdrawalId());
                if (now.isPresent()) {
                    nftStore.markSubmitted(
                            w.id(),
                            now.get().transactionHash(),
                            now.get().blockNumber(),
                            now.get().blockHash(),
                            clock.instant());
                } else {
                    log.warn("NFT withdrawal {} left the chain in a reorg; it is sent again", w.id());
                    nftStore.markRequestedAgain(w.id(), clock.instant());
                }
            } catch (IOException | BridgeWorker.UncheckedChainException e) {
                log.warn("could not confirm NFT withdrawal {}: {}", w.id(), e.getMessage());
            }
        }
        return confirmed;
    }

    /**
     * Reads the NFT contract's {@code Deposited} logs of blocks {@code from} to {@code to}: records
     * each as SEEN (nothing twice), and forgets a SEEN one these blocks no longer hold (a reorg).
     */
    void read(long chainId, long from, long to) throws IOException {
        var contract = nftStore.contract(chainId);
        if (contract.isEmpty()) {
            return;
        }
        var present = new HashSet<String>();
        for (var d : chain.contracts().nftDeposits(contract.get(), from, to)) {
            present.add(d.depositId() + "@" + d.blockHash());
            nftStore.upsertSeen(
                    chainId,
                    new NftDepositRow(
                            Ids.newId(clock),
                            d.depositId(),
                            d.tokenId(),
                            d.entityId(),
                            d.from(),
                            d.transactionHash(),
                            d.blockNumber(),
                            d.blockHash(),
                            d.logIndex(),
                            "SEEN",
                            null),
                    clock.instant());
        }
        for (var seen : nftStore.seenBetween(chainId, from, to)) {
            if (!present.contains(seen.depositId() + "@" + seen.blockHash())) {
                log.warn(
                        "NFT deposit {} left the chain before it was deep enough; it is not applied", seen.depositId());
                nftStore.deleteSeen(seen.id());
            }
        }
    }

    /** Gives back each SEEN deposit deep enough whose block is still the canonical one. */
    void credit(long chainId, long head) {
        long deepest = head - properties.confirmations() + 1;
        var hashes = new HashMap<Long, String>();
        for (var deposit : nftStore.seenUpTo(chainId, deepest, 1000)) {
            String canonical;
            try {
                canonical = hashes.computeIfAbsent(deposit.blockNumber(), this::blockHash);
            } catch (BridgeWorker.UncheckedChainException e) {
                log.warn("could not check NFT deposit {}: {}", deposit.depositId(), e.getMessage());
                return;
            }
            if (!deposit.blockHash().equals(canonical)) {
                log.warn("NFT deposit {} is not on the canonical chain; it is not applied", deposit.depositId());
                nftStore.deleteSeen(deposit.id());
                store.setNextBlock(
                        chainId,
                        Math.min(deposit.blockNumber(), store.nextBlock(chainId).orElse(0L)),
                        clock.instant());
                continue;
            }
            settle(deposit);
        }
    }

    private void settle(NftDepositRow deposit) {
        var now = clock.instant();
        var token = BridgeContracts.nftToken(deposit.chainTokenId());
        if (token.isEmpty()) {
            nftStore.markHeld(deposit.id(), "the token id is not a collection's symbol and a number", now);
            return;
        }
        if (!EntityId.isValid(deposit.entityId())) {
            nftStore.markHeld(
                    deposit.id(), "the entity id given on chain is not valid: it must be " + EntityId.RULE, now);
            return;
        }
        var to = EntityId.of(deposit.entityId());
        if (to.equals(escrow)) {
            nftStore.markHeld(deposit.id(), "the entity given on chain is the bridge's escrow", now);
            return;
        }
        var symbol = token.get().symbol();
        long number = token.get().number();
        try {
            var applied = writes.execute(tx -> {
                if (!nftStore.markCredited(deposit.id(), now)) {
                    return Boolean.TRUE; // settled by an earlier pass
                }
                if (nfts.returnFromCustody(symbol, number, escrow, to)) {
                    return Boolean.TRUE;
                }
                tx.setRollbackOnly();
                return Boolean.FALSE;
            });
            if (Boolean.FALSE.equals(applied)) {
                nftStore.markHeld(
                        deposit.id(), "token " + number + " of " + symbol + " is not in the bridge's escrow", now);
            }
        } catch (RuntimeException e) {
            log.error(
                    "NFT deposit {} could not be applied: {}; the next pass tries again",
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
            throw new BridgeWorker.UncheckedChainException(e);
        }
    }
}
