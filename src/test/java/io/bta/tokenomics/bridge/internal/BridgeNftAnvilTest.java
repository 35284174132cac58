package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.AnvilNode;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.TestClockConfig;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Transferable NFTs on chain against a real local node (Anvil) and the embedded PostgreSQL: a
 * withdrawal puts the token in the bridge's escrow here and the sender mints it there, owned by
 * the address, its {@code tokenURI} the public metadata endpoint; a second send mints nothing; a
 * deposit there gives it back here to the entity named on chain, once, however often the follower
 * reads its block; soulbound tokens, bad addresses and a paused bridge are refused with nothing
 * changed. The passes are run by the test; blocks are mined with {@code anvil_mine}. Skipped
 * without {@code anvil}, except under CI, where it must run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenomics.data-dir=target/test-data/bridge-nft-${random.uuid}",
            "tokenomics.security.jwt-secret=" + Api.SECRET,
            "tokenomics.idempotency.cleanup-interval-ms=3600000",
            "tokenomics.rewards.expiry-interval-ms=3600000",
            "tokenomics.guarantees.expiry-interval-ms=3600000",
            "tokenomics.audit.seal-interval=1h",
            "tokenomics.webhooks.follow-interval-ms=3600000",
            "tokenomics.webhooks.dispatch-interval-ms=3600000",
            "tokenomics.webhooks.purge-interval-ms=3600000",
            "tokenomics.webhooks.stream-poll-interval-ms=3600000",
            "tokenomics.analytics.snapshot-interval=1h",
            "tokenomics.limits.rate-limit.enabled=false",
            "tokenomics.chain.anchoring-enabled=false",
            "tokenomics.chain.private-key=" + AnvilNode.KEY_0,
            "tokenomics.bridge.enabled=true",
            "tokenomics.bridge.confirmations=" + BridgeNftAnvilTest.CONFIRMATIONS,
            "tokenomics.bridge.log-range=5",
            "tokenomics.bridge.send-interval=1h",
            "tokenomics.bridge.follow-interval=1h",
            "tokenomics.bridge.nft-base-uri=" + BridgeNftAnvilTest.BASE_URI
        })
@Import(TestClockConfig.class)
@DirtiesContext
class BridgeNftAnvilTest {

    static final int CONFIRMATIONS = 12;
    static final String BASE_URI = "https://bta.example/api/nft/";

    static AnvilNode anvil;

    @BeforeAll
    static void startAnvil() throws Exception {
        anvil = AnvilNode.start("the bridge's NFT tests");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        registry.add("tokenomics.chain.rpc-url", () -> anvil.rpcUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Bridge bridge;

    @Autowired
    BridgeWorker worker;

    @Autowired
    BridgeStore store;

    @Autowired
    BridgeNftStore nftStore;

    @Autowired
    BridgeChain chain;

    @Autowired
    Nfts nfts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    String admin = Api.adminToken();
    String nftAddress;

    @BeforeEach
    void deployed() {
        api = new Api(port);
        ledger.initializeTokens(EntityId.of("admin"));
        var deploy = api.post("/api/bridge/deploy", admin, "{}");
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
        nftAddress = deploy.text("nftAddress");
        assertThat(nftAddress).startsWith("0x");
    }

    @Test
    void aWithdrawnNftIsInEscrowHereThenOwnedOnChainByTheAddressWithTheMetadataAsItsTokenUri() throws Exception {
        var symbol = collection(false);
        var alice = owner(symbol);
        var to = randomAddress();
        var key = UUID.randomUUID().toString();

        var w = withdraw(symbol, alice, to, key);
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        assertThat(w.text("status")).isEqualTo("REQUESTED");
        assertThat(w.text("toAddress")).isEqualTo(to);
        assertThat(w.text("contractAddress")).isEqualTo(nftAddress);
        var tokenId = BridgeContracts.nftTokenId(symbol, 1);
        assertThat(w.text("chainTokenId")).isEqualTo(tokenId.toString());
        // the same request with its Idempotency-Key answers the same and withdraws nothing more
        var again = withdraw(symbol, alice, to, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(w.text("id"));
        assertThat(withdrawals(symbol)).isEqualTo(1);

        assertThat(nfts.token(symbol, 1).owner()).isEqualTo(bridge.escrow());
        assertThat(historyKinds(symbol)).containsExactly("MINT", "WITHDRAWN");

        assertThat(worker.send()).isEqualTo(1);
        assertThat(chain.contracts().ownerOf(nftAddress, tokenId)).isEqualTo(to);
        var uri = chain.contracts().tokenURI(nftAddress, tokenId);
        assertThat(uri).isEqualTo(BASE_URI + symbol + "/1/metadata");
        // the URI's path is the service's public metadata endpoint: no credentials needed
        var metadata = api.get(uri.substring(BASE_URI.length() - "/api/nft/".length()), null);
        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.text("name")).isEqualTo("Badge");
        var sent = nftStore.withdrawal(UUID.fromString(w.text("id"))).orElseThrow();
        assertThat(sent.status()).isEqualTo("SUBMITTED");

        anvil.mine(CONFIRMATIONS);
        worker.follow();
        assertThat(nftStore.withdrawal(sent.id()).orElseThrow().status()).isEqualTo("CONFIRMED");
        // the holder in the ledger cannot move it any more; nor may an admin burn the escrow's copy
        assertThat(api.post(
                                "/api/nft/" + symbol + "/1/transfer",
                                Api.token(alice.value()),
                                Api.json("toEntityId", "someone"))
                        .status())
                .isEqualTo(403);
        var burn = api.post("/api/nft/" + symbol + "/1/burn", admin, null);
        assertThat(burn.status()).as(burn.body()).isEqualTo(409);
        assertThat(burn.code()).isEqualTo("NFT_ON_CHAIN");
        assertThat(nfts.firstBrokenHistoryRow()).isZero();
        Invariants.assertHold(jdbc);
    }

    @Test
    void aWithdrawalSentASecondTimeMintsNothing() throws Exception {
        var symbol = collection(false);
        var bob = owner(symbol);
        var to = randomAddress();
        var w = withdraw(symbol, bob, to, UUID.randomUUID().toString());
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        var row = nftStore.withdrawal(UUID.fromString(w.text("id"))).orElseThrow();
        var mint = new BridgeContracts.NftMint(to, row.chainTokenId(), row.withdrawalId());

        // the sender minted it and died before recording: the row is still REQUESTED
        var first = chain.contracts().withdrawNfts(nftAddress, List.of(mint));
        assertThat(first.minted()).containsExactly(row.withdrawalId());

        worker.send(); // sends it again: skipped on chain, recorded where the first send minted it
        var recorded = nftStore.withdrawal(row.id()).orElseThrow();
        assertThat(recorded.status()).isEqualTo("SUBMITTED");
        assertThat(recorded.chainTxHash()).isEqualTo(first.receipt().transactionHash());

        var third = chain.contracts().withdrawNfts(nftAddress, List.of(mint));
        assertThat(third.minted()).isEmpty();
        assertThat(third.skipped()).containsExactly(row.withdrawalId());
        assertThat(chain.contracts().ownerOf(nftAddress, row.chainTokenId())).isEqualTo(to);
        assertThat(chain.contracts().nftProcessed(nftAddress, row.withdrawalId()))
                .isTrue();
        assertThat(worker.send()).isZero();
    }

    @Test
    void aDepositOnChainGivesTheTokenBackToTheNamedEntityOnceEvenWhenItsBlocksAreReadAgain() throws Exception {
        var symbol = collection(false);
        var carol = owner(symbol);
        var holder = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_1, Duration.ofSeconds(10));
        var w = withdraw(symbol, carol, holder.address(), UUID.randomUUID().toString());
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        worker.send();
        var tokenId = BridgeContracts.nftTokenId(symbol, 1);
        assertThat(chain.contracts().ownerOf(nftAddress, tokenId)).isEqualTo(holder.address());

        var dan = EntityId.of("dan-" + UUID.randomUUID());
        holder.depositNft(nftAddress, tokenId, dan.value());
        var gone = catchThrowable(() -> chain.contracts().ownerOf(nftAddress, tokenId));
        assertThat(gone).isInstanceOf(ContractReverted.class);
        assertThat(((ContractReverted) gone).errorName()).contains("ERC721NonexistentToken");

        worker.follow();
        assertThat(depositStatuses()).containsExactly("SEEN");
        assertThat(nfts.token(symbol, 1).owner()).isEqualTo(bridge.escrow());

        anvil.mine(CONFIRMATIONS - 2); // the deposit's block and 10 more: 11 deep
        worker.follow();
        assertThat(nfts.token(symbol, 1).owner()).isEqualTo(bridge.escrow());

        anvil.mine(1);
        worker.follow();
        assertThat(nfts.token(symbol, 1).owner()).isEqualTo(dan);
        assertThat(depositStatuses()).containsExactly("CREDITED");
        assertThat(historyKinds(symbol)).containsExactly("MINT", "WITHDRAWN", "DEPOSITED");

        // the follower reads the same blocks again (a lost cursor): nothing is applied twice
        store.setNextBlock(chain.chainId(), 0, clock.instant());
        worker.follow();
        anvil.mine(CONFIRMATIONS);
        worker.follow();
        assertThat(depositStatuses()).containsExactly("CREDITED");
        assertThat(historyKinds(symbol)).containsExactly("MINT", "WITHDRAWN", "DEPOSITED");
        assertThat(nfts.token(symbol, 1).owner()).isEqualTo(dan);

        // back in the ledger, its new owner may withdraw it again: a new id, minted again
        var second = withdraw(symbol, dan, randomAddress(), UUID.randomUUID().toString());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(worker.send()).isEqualTo(1);
        assertThat(nfts.firstBrokenHistoryRow()).isZero();
        Invariants.assertHold(jdbc);
    }

    @Test
    void aSoulboundTokenIsRefusedWithNothingChanged() throws Exception {
        var symbol = collection(true);
        var erin = owner(symbol);
        long history = historyRows();
        var r = withdraw(symbol, erin, randomAddress(), UUID.randomUUID().toString());
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("SOULBOUND");
        assertThat(nfts.token(symbol, 1).owner()).isEqualTo(erin);
        assertThat(historyRows()).isEqualTo(history);
        assertThat(withdrawals(symbol)).isZero();
        assertThat(worker.send()).isZero();
    }

    @Test
    void aBadAddressIsA400NamingTheFieldWithNothingChanged() {
        var symbol = collection(false);
        var frank = owner(symbol);
        long history = historyRows();
        for (var bad : new String[] {
            "0x1234", "0x" + "0".repeat(40), "0x" + "g".repeat(40), "0xAbCdEf0000000000000000000000000000000001"
        }) {
            var r = withdraw(symbol, frank, bad, UUID.randomUUID().toString());
            assertThat(r.refusedField("toAddress")).as(bad).isNotBlank();
        }
        var missing = api.post("/api/nft/" + symbol + "/1/withdraw", Api.token(frank.value()), "{}");
        assertThat(missing.refusedField("toAddress")).isEqualTo("is required");
        var number = api.post(
                "/api/nft/" + symbol + "/x/withdraw", Api.token(frank.value()), Api.json("toAddress", randomAddress()));
        assertThat(number.refusedField("tokenNumber")).isNotBlank();
        var stranger = withdraw(
                symbol,
                EntityId.of("mallory"),
                randomAddress(),
                UUID.randomUUID().toString());
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(nfts.token(symbol, 1).owner()).isEqualTo(frank);
        assertThat(historyRows()).isEqualTo(history);
        assertThat(withdrawals(symbol)).isZero();
    }

    @Test
    void whileTheBridgeIsPausedAWithdrawalIsRefusedAndTheNftContractIsPausedToo() throws Exception {
        var symbol = collection(false);
        var gina = owner(symbol);
        var paused = api.post("/api/bridge/pause", admin, "{}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        try {
            assertThat(chain.contracts().paused(nftAddress)).isTrue();
            var r = withdraw(symbol, gina, randomAddress(), UUID.randomUUID().toString());
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.code()).isEqualTo("BRIDGE_PAUSED");
            assertThat(nfts.token(symbol, 1).owner()).isEqualTo(gina);
            assertThat(withdrawals(symbol)).isZero();
        } finally {
            api.post("/api/bridge/unpause", admin, "{}");
        }
        assertThat(chain.contracts().paused(nftAddress)).isFalse();
    }

    @Test
    void deployingAgainAnswersTheSameNftContractAndDeploysNothing() throws Exception {
        long before = chain.contracts().blockNumber();
        var again = api.post("/api/bridge/deploy", admin, "{}");
        assertThat(again.text("nftAddress")).isEqualTo(nftAddress);
        assertThat(chain.contracts().blockNumber()).isEqualTo(before);
        assertThat(chain.contracts()
                        .hasRole(
                                nftAddress,
                                BridgeContracts.OPERATOR_ROLE,
                                chain.contracts().address()))
                .isTrue();
    }

    // ---- helpers

    String collection(boolean soulbound) {
        var symbol = "N-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post(
                "/api/nft/collections",
                admin,
                "{\"symbol\":\"" + symbol + "\",\"name\":\"Badges\",\"soulbound\":" + soulbound + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return symbol;
    }

    /** A fresh entity owning token 1 of {@code symbol}. */
    EntityId owner(String symbol) {
        var entity = EntityId.of("nft-holder-" + UUID.randomUUID());
        var minted = api.post(
                "/api/nft/collections/" + symbol + "/mint",
                admin,
                "{\"toEntityId\":\"" + entity.value() + "\",\"metadata\":{\"name\":\"Badge\"}}");
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        return entity;
    }

    Api.Response withdraw(String symbol, EntityId caller, String to, String key) {
        return api.post(
                "/api/nft/" + symbol + "/1/withdraw", Api.token(caller.value()), Api.json("toAddress", to), key);
    }

    long withdrawals(String symbol) {
        return jdbc.sql("select count(*) from bridge_nft_withdrawals where collection_symbol = ?")
                .param(symbol)
                .query(Long.class)
                .single();
    }

    List<String> depositStatuses() {
        return jdbc.sql("select status from bridge_nft_deposits order by deposit_id")
                .query(String.class)
                .list();
    }

    List<String> historyKinds(String symbol) {
        return jdbc.sql(
                        """
                        select h.kind from nft_history h join nft_collections c on c.id = h.collection_id
                        where c.symbol = ? order by h.sequence
                        """)
                .param(symbol)
                .query(String.class)
                .list();
    }

    long historyRows() {
        return jdbc.sql("select count(*) from nft_history").query(Long.class).single();
    }

    static String randomAddress() {
        var bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
