package io.bta.tokenomics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.AnvilNode;
import io.bta.tokenomics.support.Api;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Anchoring against a real local Ethereum node: Anvil (npm package {@code @foundry-rs/anvil}),
 * started on a free loopback port. The service, on its own database and the real clock, seals and
 * anchors in the background; the test reads the anchor transaction back from the node over plain
 * JSON-RPC and compares its input with the stored block hash. Skipped, saying why, where no
 * {@code anvil} is installed, except under CI ({@code CI} set), where it must run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenomics.data-dir=target/test-data/anvil-${random.uuid}",
            "tokenomics.security.jwt-secret=" + Api.SECRET,
            "tokenomics.audit.seal-interval=200ms",
            "tokenomics.audit.max-block-age=0s",
            "tokenomics.chain.anchor-interval=200ms",
            "tokenomics.chain.private-key=" + AnchoringAnvilTest.DEV_KEY
        })
@DirtiesContext
class AnchoringAnvilTest {

    /** Anvil's first well-known development account (funded by the node at start; never a real key). */
    static final String DEV_KEY = AnvilNode.KEY_0;

    static final String DEV_ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    static AnvilNode anvil;

    @BeforeAll
    static void startAnvil() throws Exception {
        anvil = AnvilNode.start("the anchoring test");
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
    Audit audit;

    @Test
    void blockHashesAreWrittenToTheChainAndReadBackFromIt() throws Exception {
        var admin = EntityId.of("admin");
        ledger.initializeTokens(admin);
        var alice = EntityId.of("alice-" + UUID.randomUUID());
        var t = ledger.transfer(
                ledger.resolve("BTA-UTIL"), ledger.treasury(), alice, Amount.of("12.5"), "anchored", admin);

        // the background sealer and anchorer do the rest
        AuditBlock block = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (audit.lastSealedSequence() >= t.sequence()) {
                block = audit.block(audit.lastHeight());
                if (block.anchor().status() == Anchor.Status.ANCHORED) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertThat(block).as("a sealed block").isNotNull();
        assertThat(block.anchor().status()).as(block.anchor().toString()).isEqualTo(Anchor.Status.ANCHORED);

        var onChain = rpc("eth_getTransactionByHash", block.anchor().chainTxHash());
        assertThat(onChain.get("input").asString()).isEqualTo("0x" + block.blockHash());
        assertThat(onChain.get("from").asString().toLowerCase(Locale.ROOT)).isEqualTo(DEV_ADDRESS);
        assertThat(onChain.get("to").asString().toLowerCase(Locale.ROOT)).isEqualTo(DEV_ADDRESS);
        assertThat(Long.decode(onChain.get("value").asString())).isZero();
        assertThat(Long.decode(onChain.get("blockNumber").asString()))
                .isEqualTo(block.anchor().chainBlockNumber());
        var receipt = rpc("eth_getTransactionReceipt", block.anchor().chainTxHash());
        assertThat(receipt.get("status").asString()).isEqualTo("0x1");

        // every earlier block was anchored too, each with its own hash
        for (long h = 1; h < block.height(); h++) {
            var earlier = audit.block(h);
            if (earlier.anchor().status() == Anchor.Status.ANCHORED) {
                assertThat(rpc("eth_getTransactionByHash", earlier.anchor().chainTxHash())
                                .get("input")
                                .asString())
                        .isEqualTo("0x" + earlier.blockHash());
            }
        }

        // the proof carries the anchor
        var api = new Api(port);
        var proof = api.get("/api/tokens/transactions/" + t.id() + "/proof", Api.token(alice.value()));
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        var anchor = proof.json().get("anchor");
        assertThat(anchor.get("blockHeight").asLong()).isEqualTo(block.height());
        assertThat(anchor.get("chainTxHash").asString())
                .isEqualTo(block.anchor().chainTxHash());
        assertThat(anchor.get("blockHash").asString())
                .isEqualTo(proof.json().get("blockHash").asString());
    }

    static JsonNode rpc(String method, Object... params) throws IOException, InterruptedException {
        return anvil.rpc(method, params);
    }
}
