package io.bta.tokenomics.bench;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.BridgeViews.WithdrawalStatus;
import io.bta.tokenomics.bridge.EvmAddress;
import io.bta.tokenomics.bridge.internal.BridgeContracts;
import io.bta.tokenomics.bridge.internal.BridgeWorker;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.AnvilNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bridge against a local node (Anvil), run on demand ({@code mvn -Pbench verify
 * -Dtest=BridgeBenchmark}, or {@code bench/run.sh --only WB}), never in the test suite:
 *
 * <ul>
 *   <li>withdrawals per second end to end (escrowed in the ledger, then minted on chain by the
 *       sender, receipts awaited), batched ({@code batch-size=100}) against one chain transaction
 *       per withdrawal ({@code batch-size=1}), and the gas per withdrawal in each mode, from the
 *       receipts (consecutive ids, first-time recipients);
 *   <li>deposit credit latency after the confirmation depth: from the moment the block that makes a
 *       deposit deep enough is mined to its credit in the ledger ({@code settled_at}), with the
 *       follower on its own schedule ({@code follow-interval}).
 * </ul>
 *
 * {@code -Dbench.bridge.withdrawals=200}, {@code -Dbench.bridge.deposits=100},
 * {@code -Dbench.bridge.follow-interval=250ms}. Results are printed and written to
 * {@code target/bench/bridge.md}. Anvil mines each transaction at once, so the figures are the
 * service's and the client's cost, not a real chain's block time. Nothing here asserts a time.
 */
class BridgeBenchmark {

    static final BigInteger UNIT = BigInteger.TEN.pow(18);
    static final int CONFIRMATIONS = 12;

    @Test
    void bridgeEndToEnd() throws Exception {
        int withdrawals = Integer.getInteger("bench.bridge.withdrawals", 200);
        int deposits = Integer.getInteger("bench.bridge.deposits", 100);
        var followInterval = System.getProperty("bench.bridge.follow-interval", "250ms");
        var report = new StringBuilder("# Bridge benchmark\n\n");
        report.append(String.format(
                Locale.ROOT,
                "Machine: %d cores; Anvil (instant mining); %d withdrawals per mode, %d deposits, follow-interval %s.%n%n",
                Runtime.getRuntime().availableProcessors(),
                withdrawals,
                deposits,
                followInterval));
        report.append("| mode | withdrawals | chain transactions | seconds | withdrawals/s | gas per withdrawal |\n");
        report.append("|---|---:|---:|---:|---:|---:|\n");
        long gasBatched = 0;
        long gasSingle = 0;
        for (int batch : new int[] {100, 1}) {
            try (var anvil = AnvilNode.start("the bridge benchmark");
                    var app = start(anvil, batch, "1h")) {
                var r = withdrawals(app, anvil, withdrawals);
                report.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %d | %.2f | %.1f | %,d |%n",
                        batch == 1 ? "one per chain transaction" : "batches of " + batch,
                        withdrawals,
                        r.transactions,
                        r.seconds,
                        withdrawals / r.seconds,
                        r.gas / withdrawals));
                if (batch == 1) {
                    gasSingle = r.gas;
                } else {
                    gasBatched = r.gas;
                }
            }
        }
        report.append(String.format(
                Locale.ROOT, "%nGas, batched / single: **%.3f** (goal ≤ 0.4).%n%n", (double) gasBatched / gasSingle));

        try (var anvil = AnvilNode.start("the bridge benchmark");
                var app = start(anvil, 100, followInterval)) {
            var latencies = depositLatencies(app, anvil, deposits);
            latencies.sort(null);
            report.append("## Deposit credit latency after the confirmation depth\n\n");
            report.append("| deposits | p50 ms | p99 ms | max ms |\n|---:|---:|---:|---:|\n");
            report.append(String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %.1f | %.1f |%n",
                    latencies.size(),
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    latencies.get(latencies.size() - 1)));
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "bridge.md"), report.toString());
    }

    record WithdrawalRun(double seconds, long transactions, long gas) {}

    private static WithdrawalRun withdrawals(ConfigurableApplicationContext app, AnvilNode anvil, int n)
            throws Exception {
        var ledger = app.getBean(Ledger.class);
        var bridge = app.getBean(Bridge.class);
        var worker = app.getBean(BridgeWorker.class);
        var jdbc = app.getBean(JdbcClient.class);
        var admin = EntityId.of("bench");
        ledger.initializeTokens(admin);
        bridge.deploy(admin);
        var holder = EntityId.of("bench-holder");
        ledger.transfer(ledger.resolve("BTA-UTIL"), ledger.treasury(), holder, Amount.of(n), null, admin);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bridge.withdraw(holder, "BTA-UTIL", Amount.of(1), EvmAddress.of(randomAddress()), holder);
        }
        while (jdbc.sql("select count(*) from bridge_withdrawals where status = ?")
                        .param(WithdrawalStatus.REQUESTED.name())
                        .query(Long.class)
                        .single()
                > 0) {
            worker.send();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var hashes = new HashSet<>(jdbc.sql("select chain_tx_hash from bridge_withdrawals")
                .query(String.class)
                .list());
        long gas = 0;
        for (var hash : hashes) {
            gas += Long.decode(
                    anvil.rpc("eth_getTransactionReceipt", hash).get("gasUsed").asString());
        }
        return new WithdrawalRun(seconds, hashes.size(), gas);
    }

    private static List<Double> depositLatencies(ConfigurableApplicationContext app, AnvilNode anvil, int n)
            throws Exception {
        var ledger = app.getBean(Ledger.class);
        var bridge = app.getBean(Bridge.class);
        var worker = app.getBean(BridgeWorker.class);
        var jdbc = app.getBean(JdbcClient.class);
        var admin = EntityId.of("bench");
        ledger.initializeTokens(admin);
        var status = bridge.deploy(admin);
        var util = status.tokens().stream()
                .filter(t -> t.symbol().equals("BTA-UTIL"))
                .findFirst()
                .orElseThrow()
                .contractAddress();
        var latencies = new ArrayList<Double>();
        try (var account = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_1, Duration.ofSeconds(10))) {
            var funded = EntityId.of("bench-funder");
            ledger.transfer(ledger.resolve("BTA-UTIL"), ledger.treasury(), funded, Amount.of(n), null, admin);
            bridge.withdraw(funded, "BTA-UTIL", Amount.of(n), EvmAddress.of(account.address()), funded);
            worker.send();
            account.approve(util, status.bridgeAddress(), UNIT.multiply(BigInteger.valueOf(n)));
            for (int i = 0; i < n; i++) {
                var entity = "bench-depositor-" + i;
                account.deposit(status.bridgeAddress(), util, UNIT, entity);
                anvil.mine(CONFIRMATIONS - 2);
                var deepEnough = Instant.now();
                anvil.mine(1); // the deposit's block is now CONFIRMATIONS deep
                Timestamp credited;
                while ((credited = jdbc.sql(
                                        "select settled_at from bridge_deposits where entity_id = ? and status = 'CREDITED'")
                                .param(entity)
                                .query(Timestamp.class)
                                .optional()
                                .orElse(null))
                        == null) {
                    Thread.sleep(5); // polling the follower's own schedule, not waiting for business time
                }
                latencies.add(Duration.between(deepEnough, credited.toInstant()).toNanos() / 1e6);
            }
        }
        return latencies;
    }

    private static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static ConfigurableApplicationContext start(AnvilNode anvil, int batchSize, String followInterval) {
        return new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/bench-data/bridge-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=benchmark-secret-that-is-long-enough-0123456789",
                        "--logging.level.io.bta.tokenomics.requests=WARN",
                        "--tokenomics.chain.rpc-url=" + anvil.rpcUrl(),
                        "--tokenomics.chain.private-key=" + AnvilNode.KEY_0,
                        "--tokenomics.chain.anchoring-enabled=false",
                        "--tokenomics.bridge.enabled=true",
                        "--tokenomics.bridge.confirmations=" + CONFIRMATIONS,
                        "--tokenomics.bridge.batch-size=" + batchSize,
                        "--tokenomics.bridge.send-interval=1h",
                        "--tokenomics.bridge.follow-interval=" + followInterval,
                        "--tokenomics.bridge.withdrawal-max=1000000",
                        "--tokenomics.bridge.daily-outflow-max=100000000");
    }

    static String randomAddress() {
        var bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
