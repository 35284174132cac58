package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.TestClockConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over random interleavings of delegations, BTA-GOV transfers and proposal creations, each
 * entity's voting power at each proposal's snapshot is what a replay of the acknowledged history
 * gives: the operations applied in the order they were answered, up to the proposal. A proposal
 * created concurrently with one other operation may hold that operation or not, but then wholly
 * and alike for every entity, for its threshold, for the votes and for the quorum.
 */
class DelegationSnapshotProperties {

    static final EntityId ADMIN = EntityId.of("admin");
    /** Holders 0..3 delegate and transfer among themselves; holder 4 only proposes. */
    static final int TRADERS = 4;

    static final int HOLDERS = TRADERS + 1;
    static final long STEADY_HOLDING = 5000;
    static final long THRESHOLD = 1000;
    static final BigDecimal QUORUM_FRACTION = new BigDecimal("0.0001");

    static ConfigurableApplicationContext context;
    static Governance governance;
    static Ledger ledger;
    static JdbcClient jdbc;
    static MutableClock clock;
    static ExecutorService pool;

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(TokenomicsApplication.class, TestClockConfig.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/test-data/delegation-properties-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.governance.proposal-threshold=" + THRESHOLD,
                        "--tokenomics.governance.quorum-fraction=" + QUORUM_FRACTION,
                        "--tokenomics.idempotency.cleanup-interval-ms=3600000",
                        "--tokenomics.rewards.expiry-interval-ms=3600000",
                        "--tokenomics.guarantees.expiry-interval-ms=3600000",
                        "--tokenomics.audit.seal-interval=1h",
                        "--tokenomics.webhooks.follow-interval-ms=3600000",
                        "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                        "--tokenomics.webhooks.purge-interval-ms=3600000",
                        "--tokenomics.analytics.snapshot-interval=1h");
        governance = context.getBean(Governance.class);
        ledger = context.getBean(Ledger.class);
        jdbc = context.getBean(JdbcClient.class);
        clock = context.getBean(MutableClock.class);
        ledger.initializeTokens(ADMIN);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterContainer
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (context != null) {
            context.close();
        }
    }

    sealed interface Op permits Delegate, Transfer, Propose {}

    /** {@code from} delegates to {@code to}; to itself means it takes its delegation back. */
    record Delegate(int from, int to) implements Op {}

    /** {@code from} sends {@code percent} of its BTA-GOV (rounded down to whole tokens) to {@code to}. */
    record Transfer(int from, int to, int percent) implements Op {}

    /** {@code by} proposes, alone or while {@code alongside} (if not null) runs concurrently. */
    record Propose(int by, Op alongside) implements Op {}

    /** The acknowledged history so far: whole BTA-GOV held, and who delegates to whom. */
    record Model(Map<Integer, Long> holdings, Map<Integer, Integer> delegatees) {

        long holding(int e) {
            return holdings.getOrDefault(e, 0L);
        }

        long amountOf(Transfer t) {
            return t.from() == t.to() ? 0 : holding(t.from()) * t.percent() / 100;
        }

        Model apply(Op op) {
            var h = new HashMap<>(holdings);
            var d = new HashMap<>(delegatees);
            if (op instanceof Delegate g) {
                if (g.from() == g.to()) {
                    d.remove(g.from());
                } else {
                    d.put(g.from(), g.to());
                }
            } else if (op instanceof Transfer t) {
                long amount = amountOf(t);
                h.put(t.from(), holding(t.from()) - amount);
                h.put(t.to(), holding(t.to()) + amount);
            }
            return new Model(Map.copyOf(h), Map.copyOf(d));
        }

        boolean delegatedAway(int e) {
            return delegatees.containsKey(e);
        }

        long delegatedTo(int e) {
            return delegatees.entrySet().stream()
                    .filter(x -> x.getValue() == e)
                    .mapToLong(x -> holding(x.getKey()))
                    .sum();
        }

        long power(int e) {
            return (delegatedAway(e) ? 0 : holding(e)) + delegatedTo(e);
        }

        boolean matches(List<VotingPower> powers) {
            for (int e = 0; e < powers.size(); e++) {
                var p = powers.get(e);
                if (!p.votingPower().equals(Amount.of(power(e)))
                        || !p.ownHoldings().equals(Amount.of(holding(e)))
                        || !p.delegatedToIt().equals(Amount.of(delegatedTo(e)))
                        || p.delegatedAway() != delegatedAway(e)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A proposal created, by whom, and the histories its snapshot may hold (one unless raced). */
    record Created(Proposal proposal, int by, List<Model> candidates) {}

    @Provide
    Arbitrary<List<Integer>> funding() {
        return Arbitraries.integers().between(0, 3000).list().ofSize(TRADERS);
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        var trader = Arbitraries.integers().between(0, TRADERS - 1);
        Arbitrary<Op> delegate =
                Combinators.combine(trader, trader).as(Delegate::new).map(o -> (Op) o);
        Arbitrary<Op> transfer = Combinators.combine(
                        trader, trader, Arbitraries.integers().between(1, 100))
                .as(Transfer::new)
                .map(o -> (Op) o);
        Arbitrary<Op> propose = Combinators.combine(
                        Arbitraries.integers().between(0, HOLDERS - 1),
                        Arbitraries.oneOf(delegate, transfer).injectNull(0.6))
                .as(Propose::new)
                .map(o -> (Op) o);
        return Arbitraries.frequencyOf(Tuple.of(3, delegate), Tuple.of(2, transfer), Tuple.of(3, propose))
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    @Property(tries = 25)
    void votingPowerAtEachSnapshotIsTheReplayOfTheAcknowledgedHistory(
            @ForAll("funding") List<Integer> funding, @ForAll("histories") List<Op> history) throws Exception {
        var gov = ledger.resolve("BTA-GOV");
        var prefix = "dsp-" + UUID.randomUUID() + "-";
        var entities = new ArrayList<EntityId>();
        var holdings = new HashMap<Integer, Long>();
        for (int i = 0; i < HOLDERS; i++) {
            entities.add(EntityId.of(prefix + i));
            long amount = i < TRADERS ? funding.get(i) : STEADY_HOLDING;
            holdings.put(i, amount);
            if (amount > 0) {
                ledger.transfer(gov, ledger.treasury(), entities.get(i), Amount.of(amount), null, ADMIN);
            }
        }
        var model = new Model(Map.copyOf(holdings), Map.of());

        var created = new ArrayList<Created>();
        for (var op : history) {
            if (op instanceof Propose p) {
                var candidates = p.alongside() == null ? List.of(model) : List.of(model, model.apply(p.alongside()));
                var before = model;
                Callable<Optional<Proposal>> propose = () -> tryPropose(entities.get(p.by()));
                var outcome = p.alongside() == null
                        ? propose.call()
                        : concurrently(propose, () -> run(p.alongside(), before, entities));
                if (outcome.isPresent()) {
                    created.add(new Created(outcome.get(), p.by(), candidates));
                } else {
                    assertThat(candidates)
                            .as("a proposal by %d was refused though it has the threshold in every order", p.by())
                            .anyMatch(m -> m.power(p.by()) < THRESHOLD);
                }
                if (p.alongside() != null) {
                    model = model.apply(p.alongside());
                }
            } else {
                run(op, model, entities);
                model = model.apply(op);
            }
        }

        var held = new ArrayList<Model>();
        for (var c : created) {
            var id = c.proposal().id();
            var powers =
                    entities.stream().map(e -> governance.votingPower(id, e)).toList();
            var replay = c.candidates().stream().filter(m -> m.matches(powers)).findFirst();
            assertThat(replay)
                    .as("powers %s at proposal %s (candidates %s), after %s", powers, id, c.candidates(), history)
                    .isPresent();
            assertThat(replay.get().power(c.by()))
                    .as("the proposer's power at the snapshot it passed the threshold with")
                    .isGreaterThanOrEqualTo(THRESHOLD);
            assertThat(c.proposal().quorum())
                    .isEqualByComparingTo(ledger.totalSupplyAt(gov, c.proposal().snapshotSequence())
                            .toBigDecimal()
                            .multiply(QUORUM_FRACTION));
            held.add(replay.get());
        }

        if (!created.isEmpty()) {
            var start = created.stream()
                    .map(c -> c.proposal().votingStartsAt())
                    .max(Instant::compareTo)
                    .orElseThrow();
            if (start.isAfter(clock.instant())) {
                clock.set(start);
            }
        }
        for (int k = 0; k < created.size(); k++) {
            var id = created.get(k).proposal().id();
            var replay = held.get(k);
            int voters = 0;
            for (int e = 0; e < HOLDERS; e++) {
                long expected = replay.power(e);
                try {
                    var vote = governance.castVote(id, entities.get(e), Support.FOR, null);
                    assertThat(vote.votingPower()).as("vote of %d on %s", e, id).isEqualTo(Amount.of(expected));
                    voters++;
                } catch (DomainProblem refused) {
                    assertThat(refused.code()).isEqualTo("NO_VOTING_POWER");
                    assertThat(expected).as("power of %d refused on %s", e, id).isZero();
                }
            }
            assertThat(governance.proposal(id).voterCount()).isEqualTo(voters);
        }
        Invariants.assertHold(jdbc);
    }

    private static Optional<Proposal> tryPropose(EntityId by) {
        try {
            return Optional.of(governance.propose(by, "By " + by, "", List.of()));
        } catch (DomainProblem refused) {
            assertThat(refused.code()).isEqualTo("BELOW_PROPOSAL_THRESHOLD");
            return Optional.empty();
        }
    }

    private static void run(Op op, Model model, List<EntityId> entities) {
        if (op instanceof Delegate d) {
            governance.delegate(entities.get(d.from()), entities.get(d.to()));
        } else if (op instanceof Transfer t) {
            long amount = model.amountOf(t);
            if (amount > 0) {
                ledger.transfer(
                        ledger.resolve("BTA-GOV"),
                        entities.get(t.from()),
                        entities.get(t.to()),
                        Amount.of(amount),
                        null,
                        ADMIN);
            }
        } else {
            throw new IllegalArgumentException("a proposal does not run alongside another");
        }
    }

    /** Starts both at once; answers the first one's result once both are done. */
    private static <T> T concurrently(Callable<T> first, Runnable second) throws Exception {
        var go = new CountDownLatch(1);
        var a = pool.submit(() -> {
            go.await();
            return first.call();
        });
        var b = pool.submit(() -> {
            go.await();
            second.run();
            return null;
        });
        go.countDown();
        b.get(30, TimeUnit.SECONDS);
        return a.get(30, TimeUnit.SECONDS);
    }
}
