package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sequences of operations, applied in random batches to the real ledger, behave exactly as
 * a simple model says (same refusals, same balances), and the invariants hold after every batch.
 */
class LedgerOperationProperties {

    static final EntityId ADMIN = EntityId.of("admin");
    static final int ACCOUNTS = 3;

    static ConfigurableApplicationContext context;
    static Ledger ledger;
    static JdbcClient jdbc;

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/test-data/properties-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=" + Api.SECRET);
        ledger = context.getBean(Ledger.class);
        jdbc = context.getBean(JdbcClient.class);
        ledger.initializeTokens(ADMIN);
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    enum Kind {
        TRANSFER,
        MINT,
        BURN,
        LOCK,
        UNLOCK
    }

    /** An operation on accounts named by index, on GUAR (unlimited) or GOV (already at its cap). */
    record Step(Kind kind, boolean capped, int a, int b, BigInteger units) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        var amounts = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(21)),
                Arbitraries.of(BigInteger.ONE, BigInteger.TEN.pow(18), BigInteger.TEN.pow(20)));
        var step = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 9).map(i -> i == 0),
                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                        amounts)
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 80)
    void randomOperationSequencesMatchTheModelAndKeepTheInvariants(
            @ForAll("steps") List<Step> steps,
            @ForAll("batchSizes") List<Integer> batchSizes,
            @ForAll boolean throughGroupCommit) {
        var guar = ledger.resolve("BTA-GUAR");
        var gov = ledger.resolve("BTA-GOV");
        var prefix = "prop-" + UUID.randomUUID() + "-";
        var accounts = new ArrayList<EntityId>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(EntityId.of(prefix + i));
        }
        var available = new HashMap<String, BigInteger>();
        var locked = new HashMap<String, BigInteger>();

        int next = 0;
        int batchIndex = 0;
        while (next < steps.size()) {
            int size = Math.min(batchSizes.get(batchIndex++ % batchSizes.size()), steps.size() - next);
            var batch = steps.subList(next, next + size);
            next += size;

            var operations = new ArrayList<LedgerOperation>();
            var expectedApplied = new ArrayList<Boolean>();
            for (var s : batch) {
                var token = s.capped() ? gov : guar;
                var a = accounts.get(s.a());
                var b = accounts.get(s.b());
                var amount = Amount.ofUnits(s.units());
                var keyA = key(a, token);
                var keyB = key(b, token);
                var availA = available.getOrDefault(keyA, BigInteger.ZERO);
                var lockedA = locked.getOrDefault(keyA, BigInteger.ZERO);
                boolean ok;
                switch (s.kind()) {
                    case TRANSFER -> {
                        if (a.equals(b)) {
                            continue;
                        }
                        operations.add(new LedgerOperation.Transfer(token, a, b, amount, null, ADMIN));
                        ok = availA.compareTo(s.units()) >= 0;
                        if (ok) {
                            available.put(keyA, availA.subtract(s.units()));
                            available.merge(keyB, s.units(), BigInteger::add);
                        }
                    }
                    case MINT -> {
                        operations.add(new LedgerOperation.Mint(token, a, amount, null, ADMIN));
                        ok = !s.capped(); // BTA-GOV's whole supply was minted at initialization
                        if (ok) {
                            available.merge(keyA, s.units(), BigInteger::add);
                        }
                    }
                    case BURN -> {
                        operations.add(new LedgerOperation.Burn(token, a, amount, null, ADMIN));
                        ok = availA.compareTo(s.units()) >= 0;
                        if (ok) {
                            available.put(keyA, availA.subtract(s.units()));
                        }
                    }
                    case LOCK -> {
                        operations.add(new LedgerOperation.Lock(token, a, amount, null, ADMIN));
                        ok = availA.compareTo(s.units()) >= 0;
                        if (ok) {
                            available.put(keyA, availA.subtract(s.units()));
                            locked.merge(keyA, s.units(), BigInteger::add);
                        }
                    }
                    default -> {
                        operations.add(new LedgerOperation.Unlock(token, a, amount, null, ADMIN));
                        ok = lockedA.compareTo(s.units()) >= 0;
                        if (ok) {
                            locked.put(keyA, lockedA.subtract(s.units()));
                            available.merge(keyA, s.units(), BigInteger::add);
                        }
                    }
                }
                expectedApplied.add(ok);
            }
            if (operations.isEmpty()) {
                continue;
            }
            // Either one direct transaction per batch, or each operation queued on its own for group
            // commit (which groups them as it likes) and applied in the order submitted.
            List<OperationOutcome> outcomes = throughGroupCommit
                    ? operations.stream().map(ledger::submit).toList().stream()
                            .map(java.util.concurrent.CompletableFuture::join)
                            .toList()
                    : ledger.applyEach(operations);
            var actualApplied = outcomes.stream()
                    .map(o -> o instanceof OperationOutcome.Applied)
                    .toList();
            assertThat(actualApplied).as("which operations applied").isEqualTo(expectedApplied);
            var sequences = outcomes.stream()
                    .filter(o -> o instanceof OperationOutcome.Applied)
                    .map(o -> ((OperationOutcome.Applied) o).transaction().sequence())
                    .toList();
            for (int i = 1; i < sequences.size(); i++) {
                if (throughGroupCommit) {
                    assertThat(sequences.get(i))
                            .as("sequences follow submission order")
                            .isGreaterThan(sequences.get(i - 1));
                } else {
                    assertThat(sequences.get(i))
                            .as("sequences within a batch are consecutive")
                            .isEqualTo(sequences.get(i - 1) + 1);
                }
            }
            Invariants.assertHold(jdbc);
        }

        for (var account : accounts) {
            for (var token : List.of(guar, gov)) {
                var balance = ledger.balance(account, token);
                var k = key(account, token);
                assertThat(balance.available().units())
                        .as("available of " + k)
                        .isEqualTo(available.getOrDefault(k, BigInteger.ZERO));
                assertThat(balance.locked().units())
                        .as("locked of " + k)
                        .isEqualTo(locked.getOrDefault(k, BigInteger.ZERO));
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> batchSizes() {
        return Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(5);
    }

    private static String key(EntityId entity, TokenId token) {
        return entity + "/" + token;
    }
}
