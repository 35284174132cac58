package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.AnvilNode;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.TestClockConfig;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Contracts deployed elsewhere, their addresses given in settings ({@code bridge-address},
 * {@code token-addresses.<symbol>}, {@code start-block}) instead of deployed by the service:
 * {@code POST /api/bridge/deploy} records them and mines nothing, a withdrawal is minted at the
 * given token contract, and a deposit made there is credited once. Skipped without {@code anvil},
 * except under CI.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenomics.data-dir=target/test-data/bridge-settings-${random.uuid}",
            "tokenomics.security.jwt-secret=" + Api.SECRET,
            "tokenomics.audit.seal-interval=1h",
            "tokenomics.webhooks.follow-interval-ms=3600000",
            "tokenomics.webhooks.dispatch-interval-ms=3600000",
            "tokenomics.limits.rate-limit.enabled=false",
            "tokenomics.chain.anchoring-enabled=false",
            "tokenomics.chain.private-key=" + AnvilNode.KEY_0,
            "tokenomics.bridge.enabled=true",
            "tokenomics.bridge.confirmations=2",
            "tokenomics.bridge.send-interval=1h",
            "tokenomics.bridge.follow-interval=1h"
        })
@Import(TestClockConfig.class)
@DirtiesContext
class BridgeAddressesFromSettingsAnvilTest {

    static final BigInteger UNIT = BigInteger.TEN.pow(18);

    static AnvilNode anvil;
    static BridgeContracts.Deployment elsewhere;
    static long startBlock;

    @BeforeAll
    static void deployElsewhere() throws Exception {
        anvil = AnvilNode.start("the bridge with contract addresses from settings");
        // deployed by the same account the service signs with, so it holds the operator role
        try (var deployer = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_0, Duration.ofSeconds(10))) {
            startBlock = deployer.blockNumber();
            elsewhere = deployer.deploy(List.of(
                    new BridgeContracts.TokenSpec("BTA Utility", "BTA-UTIL", BridgeContracts.NO_CAP),
                    new BridgeContracts.TokenSpec("BTA Governance", "BTA-GOV", BridgeContracts.NO_CAP)));
        }
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
        registry.add("tokenomics.bridge.bridge-address", () -> elsewhere.bridge());
        registry.add(
                "tokenomics.bridge.token-addresses.BTA-UTIL",
                () -> elsewhere.tokensBySymbol().get("BTA-UTIL"));
        registry.add(
                "tokenomics.bridge.token-addresses.BTA-GOV",
                () -> elsewhere.tokensBySymbol().get("BTA-GOV"));
        registry.add("tokenomics.bridge.start-block", () -> startBlock);
    }

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    BridgeWorker worker;

    @Autowired
    BridgeChain chain;

    @Test
    void theGivenContractsAreRecordedNotDeployedAndCarryWithdrawalsAndDeposits() throws Exception {
        var api = new Api(port);
        var admin = Api.adminToken();
        ledger.initializeTokens(EntityId.of("admin"));
        long before = chain.contracts().blockNumber();
        var deploy = api.post("/api/bridge/deploy", admin, "{}");
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
        assertThat(chain.contracts().blockNumber()).as("nothing mined").isEqualTo(before);
        assertThat(deploy.text("bridgeAddress")).isEqualTo(elsewhere.bridge());
        var util = elsewhere.tokensBySymbol().get("BTA-UTIL");
        var symbols = new java.util.ArrayList<String>();
        for (var t : deploy.json().get("tokens")) {
            symbols.add(t.get("symbol").asString());
            assertThat(t.get("contractAddress").asString())
                    .isEqualTo(elsewhere.tokensBySymbol().get(t.get("symbol").asString()));
        }
        // BTA-REWARD has no address in the settings: it is not bridged
        assertThat(symbols).containsExactlyInAnyOrder("BTA-UTIL", "BTA-GOV");

        var holder = "settings-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                ledger.treasury(),
                EntityId.of(holder),
                Amount.of(50),
                null,
                EntityId.of("admin"));
        try (var account1 = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_1, Duration.ofSeconds(10))) {
            var w = api.post(
                    "/api/bridge/withdrawals",
                    Api.token(holder),
                    Api.json("tokenId", "BTA-UTIL", "amount", "20", "toAddress", account1.address()));
            assertThat(w.status()).as(w.body()).isEqualTo(201);
            worker.send();
            assertThat(chain.contracts().balanceOf(util, account1.address()))
                    .isEqualTo(UNIT.multiply(BigInteger.valueOf(20)));

            account1.approve(util, elsewhere.bridge(), UNIT.multiply(BigInteger.valueOf(5)));
            account1.deposit(elsewhere.bridge(), util, UNIT.multiply(BigInteger.valueOf(5)), holder);
            anvil.mine(2);
            worker.follow();
            worker.follow();
        }
        assertThat(ledger.balance(EntityId.of(holder), ledger.resolve("BTA-UTIL"))
                        .available())
                .isEqualTo(Amount.of(35));
        var deposits = api.get("/api/bridge/deposits", Api.token(holder));
        assertThat(deposits.json().size()).isEqualTo(1);
        assertThat(deposits.json().get(0).get("status").asString()).isEqualTo("CREDITED");
        for (var r : api.get("/api/bridge/reconciliation", admin).json()) {
            assertThat(r.get("consistent").asBoolean()).as(r.toString()).isTrue();
        }
    }
}
