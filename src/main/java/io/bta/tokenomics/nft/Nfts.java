package io.bta.tokenomics.nft;

import io.bta.tokenomics.nft.internal.NftStore;
import io.bta.tokenomics.nft.internal.NftStore.TokenRow;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * NFT collections and their tokens. Each write locks, in this order, the collection row (a mint:
 * it numbers the token) or the token row (a transfer or a burn), then the history's head, which it
 * holds until commit, so the history's rows are numbered and chained in commit order.
 */
@Service
public class Nfts {

    private final NftStore store;
    private final io.bta.tokenomics.nft.internal.BadgeStore badges;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final ObjectProvider<NftChainBridge> chain;

    Nfts(
            NftStore store,
            io.bta.tokenomics.nft.internal.BadgeStore badges,
            Clock clock,
            ApplicationEventPublisher events,
            JsonMapper json,
            ObjectProvider<NftChainBridge> chain) {
        this.chain = chain;
        this.store = store;
        this.badges = badges;
        this.clock = clock;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public NftCollection createCollection(String symbol, String name, boolean soulbound, Long maxSupply) {
        if (store.collection(symbol, false).isPresent()) {
            throw NftProblems.collectionExists(symbol);
        }
        var collection = new NftCollection(
                new CollectionId(Ids.newId(clock)), symbol, name, soulbound, maxSupply, 0, 0, clock.instant());
        try {
            store.insertCollection(collection);
        } catch (DuplicateKeyException raced) {
            throw NftProblems.collectionExists(symbol);
        }
        return collection;
    }

    @Transactional(readOnly = true)
    public List<NftCollection> collections() {
        return store.collections();
    }

    @Transactional(readOnly = true)
    public NftCollection collection(String identifier) {
        return store.collection(identifier, false).orElseThrow(() -> NftProblems.unknownCollection(identifier));
    }

    /** Mints the collection's next token to {@code to}; refused past its maximum supply. */
    @Transactional
    public Nft mint(String collectionIdentifier, EntityId to, NftMetadata metadata, EntityId actor) {
        var collection = store.collection(collectionIdentifier, true)
                .orElseThrow(() -> NftProblems.unknownCollection(collectionIdentifier));
        if (collection.maxSupply() != null && collection.minted() >= collection.maxSupply()) {
            throw NftProblems.maxSupplyReached(collection.symbol(), collection.maxSupply());
        }
        long number = collection.minted() + 1;
        var now = clock.instant();
        store.insertToken(new TokenRow(collection.id(), number, to, json.writeValueAsString(metadata), false, now));
        store.countMint(collection.id());
        var entry = append("MINT", collection.id(), number, null, to, actor);
        events.publishEvent(
                new NftEvents.Minted(entry.sequence(), collection.id(), collection.symbol(), number, to, entry.at()));
        return new Nft(collection.id(), collection.symbol(), number, to, metadata, collection.soulbound(), false, now);
    }

    /** The owner gives the token to {@code to}; refused for a soulbound collection. */
    @Transactional
    public Nft transfer(String collectionIdentifier, long number, EntityId to, EntityId caller) {
        var collection = collection(collectionIdentifier);
        var token = lockedToken(collection, number);
        if (collection.soulbound()) {
            throw NftProblems.soulbound(collection.symbol());
        }
        if (!caller.equals(token.owner())) {
            throw NftProblems.notOwner(caller, collection.symbol(), number);
        }
        if (to.equals(token.owner())) {
            throw InvalidInput.field("toEntityId", "must be another entity than the token's owner");
        }
        store.setOwner(collection.id(), number, to);
        var entry = append("TRANSFER", collection.id(), number, token.owner(), to, caller);
        events.publishEvent(new NftEvents.Transferred(
                entry.sequence(), collection.id(), collection.symbol(), number, token.owner(), to, entry.at()));
        return view(collection, new TokenRow(collection.id(), number, to, token.metadata(), false, token.mintedAt()));
    }

    /** The owner, or an admin, burns the token: it keeps its number and metadata, and has no owner. */
    @Transactional
    public Nft burn(String collectionIdentifier, long number, EntityId caller, boolean admin) {
        var collection = collection(collectionIdentifier);
        var token = lockedToken(collection, number);
        if (!admin && !caller.equals(token.owner())) {
            throw NftProblems.notOwner(caller, collection.symbol(), number);
        }
        var bridge = chain.getIfAvailable();
        if (bridge != null && bridge.custodian().equals(token.owner())) {
            // the token exists on chain; burning it here would leave the chain's copy unbacked
            throw NftProblems.onChain(collection.symbol(), number);
        }
        store.markBurned(collection.id(), number);
        store.countBurn(collection.id());
        var entry = append("BURN", collection.id(), number, token.owner(), null, caller);
        events.publishEvent(new NftEvents.Burned(
                entry.sequence(), collection.id(), collection.symbol(), number, token.owner(), entry.at()));
        return view(collection, new TokenRow(collection.id(), number, null, token.metadata(), true, token.mintedAt()));
    }

    /**
     * The owner withdraws a transferable token to {@code toAddress} on chain: in this one
     * transaction the token passes to the bridge's escrow entity (history {@code WITHDRAWN}) and the
     * bridge records the withdrawal, which its sender mints later. Refused, with nothing changed,
     * for a soulbound collection (409 {@code SOULBOUND}), a burned token, anyone but the owner, a
     * service without a bridge (422 {@code NFT_BRIDGE_OFF}), and while the bridge is paused or
     * not deployed.
     */
    @Transactional
    public NftWithdrawal withdraw(String collectionIdentifier, long number, String toAddress, EntityId caller) {
        var collection = collection(collectionIdentifier);
        var token = lockedToken(collection, number);
        if (collection.soulbound()) {
            throw NftProblems.soulbound(collection.symbol());
        }
        if (!caller.equals(token.owner())) {
            throw NftProblems.notOwner(caller, collection.symbol(), number);
        }
        var bridge = chain.getIfAvailable();
        if (bridge == null) {
            throw NftProblems.bridgeOff();
        }
        bridge.checkOpen();
        var custodian = bridge.custodian();
        store.setOwner(collection.id(), number, custodian);
        var entry = append("WITHDRAWN", collection.id(), number, caller, custodian, caller);
        events.publishEvent(new NftEvents.Transferred(
                entry.sequence(), collection.id(), collection.symbol(), number, caller, custodian, entry.at()));
        var held = view(
                collection,
                new TokenRow(collection.id(), number, custodian, token.metadata(), false, token.mintedAt()));
        return bridge.record(held, caller, bridge.address(toAddress));
    }

    /**
     * {@code toAddress} as the bridge keeps it, checked by its rule; without a bridge only its
     * shape is checked (the withdrawal is then refused as a whole).
     */
    public String chainAddress(String toAddress) {
        var bridge = chain.getIfAvailable();
        if (bridge != null) {
            return bridge.address(toAddress);
        }
        if (toAddress == null || !toAddress.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("must be an address: 0x and 40 hex digits");
        }
        return toAddress;
    }

    /**
     * A deposit of the token on chain, deep enough: the token passes from {@code custodian} back
     * to {@code to} (history {@code DEPOSITED}), in the caller's transaction. False, with nothing
     * changed, where the collection or token is unknown, or the token is not the custodian's (then
     * the deposit is held for an admin).
     */
    @Transactional
    public boolean returnFromCustody(String collectionSymbol, long number, EntityId custodian, EntityId to) {
        var collection = store.collection(collectionSymbol, false);
        if (collection.isEmpty()) {
            return false;
        }
        var c = collection.get();
        var token = store.token(c.id(), number, true);
        if (token.isEmpty()
                || token.get().burned()
                || !custodian.equals(token.get().owner())
                || to.equals(custodian)) {
            return false;
        }
        store.setOwner(c.id(), number, to);
        var entry = append("DEPOSITED", c.id(), number, custodian, to, custodian);
        events.publishEvent(
                new NftEvents.Transferred(entry.sequence(), c.id(), c.symbol(), number, custodian, to, entry.at()));
        return true;
    }

    @Transactional(readOnly = true)
    public Nft token(String collectionIdentifier, long number) {
        var collection = collection(collectionIdentifier);
        var token = store.token(collection.id(), number, false)
                .orElseThrow(() -> NftProblems.unknownNft(collection.symbol(), number));
        return view(collection, token);
    }

    @Transactional(readOnly = true)
    public List<Nft> ownedBy(EntityId owner) {
        var symbols = new java.util.HashMap<CollectionId, NftCollection>();
        store.collections().forEach(c -> symbols.put(c.id(), c));
        return store.ownedBy(owner).stream()
                .map(t -> view(symbols.get(t.collectionId()), t))
                .toList();
    }

    /**
     * Recomputes the history's hash chain from the first row: the sequence of the first row whose
     * hash does not follow, or 0 if every row does.
     */
    @Transactional(readOnly = true)
    public long firstBrokenHistoryRow() {
        return walkHistory(Long.MAX_VALUE, (sequence, hash) -> {});
    }

    /**
     * Walks the history's hash chain from its first row up to {@code upTo}, handing each row that
     * follows (its sequence is the next one, its previous hash the last row's hash, its hash its
     * own content's) to {@code linked}; the sequence of the first row that does not, or 0.
     */
    long walkHistory(long upTo, java.util.function.BiConsumer<Long, String> linked) {
        var previous = "0".repeat(64);
        long after = 0;
        while (after < upTo) {
            var rows = store.history(after, 1000);
            if (rows.isEmpty()) {
                return 0;
            }
            for (var row : rows) {
                if (row.sequence() > upTo) {
                    return 0;
                }
                if (row.sequence() != after + 1
                        || !row.previousHash().equals(previous)
                        || !row.hash().equals(hash(previous, row))) {
                    return row.sequence();
                }
                previous = row.hash();
                after = row.sequence();
                linked.accept(after, previous);
            }
        }
        return 0;
    }

    /** A badge rule of the collection: its badge goes to each entity whose count of the trigger reaches the threshold. */
    @Transactional
    public BadgeRule createBadgeRule(
            String collectionIdentifier, String name, BadgeTrigger trigger, int threshold, NftMetadata metadata) {
        var collection = collection(collectionIdentifier);
        var rule =
                new BadgeRule(Ids.newId(clock), collection.id(), name, trigger, threshold, metadata, clock.instant());
        try {
            badges.insertRule(rule, json.writeValueAsString(metadata));
        } catch (DuplicateKeyException exists) {
            throw NftProblems.badgeRuleExists(collection.symbol(), trigger, threshold);
        }
        return rule;
    }

    @Transactional(readOnly = true)
    public List<BadgeRule> badgeRules() {
        return badges.rules(text -> NftMetadata.fromJson(json.readTree(text)));
    }

    private TokenRow lockedToken(NftCollection collection, long number) {
        var token = store.token(collection.id(), number, true)
                .orElseThrow(() -> NftProblems.unknownNft(collection.symbol(), number));
        if (token.burned()) {
            throw NftProblems.burned(collection.symbol(), number);
        }
        return token;
    }

    private NftHistoryEntry append(
            String kind, CollectionId collection, long number, EntityId from, EntityId to, EntityId actor) {
        var head = store.lockHead();
        var unhashed = new NftHistoryEntry(
                head.lastSequence() + 1,
                kind,
                collection,
                number,
                from,
                to,
                actor,
                clock.instant(),
                head.lastHash(),
                null);
        var entry = new NftHistoryEntry(
                unhashed.sequence(),
                kind,
                collection,
                number,
                from,
                to,
                actor,
                unhashed.at(),
                head.lastHash(),
                hash(head.lastHash(), unhashed));
        store.append(entry);
        return entry;
    }

    static String hash(String previousHash, NftHistoryEntry entry) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((previousHash + "|" + entry.canonical()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Nft view(NftCollection collection, TokenRow token) {
        return new Nft(
                collection.id(),
                collection.symbol(),
                token.tokenNumber(),
                token.owner(),
                NftMetadata.fromJson(json.readTree(token.metadata())),
                collection.soulbound(),
                token.burned(),
                token.mintedAt());
    }
}
