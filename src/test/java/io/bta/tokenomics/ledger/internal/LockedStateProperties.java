package io.bta.tokenomics.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.RuleViolation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any batch of operations applied to the locked state leaves exactly the state of a simple model
 * that applies only the operations it accepts: a refused operation leaves no trace, whatever
 * refused it (an overdraft, the max supply, the 10^20 bound of an amount, a mint policy), the
 * lifetime totals refuse nothing, and a mint policy is asked only about a mint nothing else refuses.
 * The model counts in integers of the smallest unit.
 */
class LockedStateProperties {

    /** 10^20 tokens, in units of 10^-18: what no balance or supply may reach. */
    static final BigInteger BOUND = BigInteger.TEN.pow(38);

    static final BigInteger THOUSAND_TOKENS = BigInteger.TEN.pow(21);
    static final int ACCOUNTS = 3;
    static final EntityId ADMIN = EntityId.of("admin");
    static final String POLICY_REFUSED = "POLICY_REFUSED";

    /**
     * Unlimited and not checkpointed, as BTA-GUAR; capped and checkpointed, as BTA-GOV. The cap the
     * rules read is the locked token row's ({@link LockedState.Supply#max}), as in the writer.
     */
    static final List<TokenCatalog.Definition> TOKENS = List.of(
            new TokenCatalog.Definition(new TokenId(UUID.randomUUID()), "BTA-GUAR", TokenType.GUARANTEE, null, false),
            new TokenCatalog.Definition(new TokenId(UUID.randomUUID()), "BTA-GOV", TokenType.GOVERNANCE, null, true));

    static final List<EntityId> ENTITIES =
            List.of(EntityId.of("account-0"), EntityId.of("account-1"), EntityId.of("account-2"));

    enum Kind {
        TRANSFER,
        MINT,
        BURN,
        LOCK,
        UNLOCK
    }

    /** A token's rows before the batch: the supply is the sum of the holdings, max null for no cap. */
    record TokenStart(
            List<BigInteger> available, List<BigInteger> locked, BigInteger max, BigInteger minted, BigInteger burned) {

        BigInteger supply() {
            return available.stream()
                    .reduce(BigInteger.ZERO, BigInteger::add)
                    .add(locked.stream().reduce(BigInteger.ZERO, BigInteger::add));
        }
    }

    record Step(Kind kind, int token, int a, int b, BigInteger units, boolean policyRefuses) {}

    @Provide
    Arbitrary<List<TokenStart>> starts() {
        return Combinators.combine(tokenStart(false), tokenStart(true)).as(List::of);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        var step = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, TOKENS.size() - 1),
                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.integers().between(1, ACCOUNTS - 1),
                        amounts(),
                        Arbitraries.integers().between(0, 9).map(i -> i == 0))
                .as((kind, token, a, offset, units, refuses) ->
                        new Step(kind, token, a, (a + offset) % ACCOUNTS, units, refuses));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    /** Small amounts, amounts near the bound, and anything below it. */
    static Arbitrary<BigInteger> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ONE, THOUSAND_TOKENS),
                Arbitraries.bigIntegers().between(BOUND.subtract(THOUSAND_TOKENS), BOUND.subtract(BigInteger.ONE)),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BOUND.subtract(BigInteger.ONE)));
    }

    static Arbitrary<TokenStart> tokenStart(boolean capped) {
        var supplies = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, THOUSAND_TOKENS),
                Arbitraries.bigIntegers().between(BOUND.subtract(THOUSAND_TOKENS), BOUND.subtract(BigInteger.ONE)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BOUND.subtract(BigInteger.ONE)));
        // Lifetime totals of a token that turned over little, nearly 10^20, or far more.
        var burned = Arbitraries.oneOf(
                Arbitraries.just(BigInteger.ZERO),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, THOUSAND_TOKENS),
                Arbitraries.bigIntegers().between(BOUND.subtract(THOUSAND_TOKENS), BOUND),
                Arbitraries.bigIntegers().between(BOUND, BigInteger.TEN.pow(60)));
        return supplies.flatMap(supply -> Combinators.combine(
                        Arbitraries.bigIntegers()
                                .between(BigInteger.ZERO, supply)
                                .list()
                                .ofSize(2 * ACCOUNTS - 1),
                        burned,
                        Arbitraries.bigIntegers()
                                .between(
                                        BigInteger.ZERO,
                                        BOUND.subtract(BigInteger.ONE).subtract(supply)))
                .as((cuts, lifetimeBurned, headroom) -> {
                    // 2 * ACCOUNTS parts of the supply: the gaps between the sorted cuts
                    var points = new ArrayList<>(cuts);
                    points.add(BigInteger.ZERO);
                    points.add(supply);
                    Collections.sort(points);
                    var parts = new ArrayList<BigInteger>();
                    for (int i = 1; i < points.size(); i++) {
                        parts.add(points.get(i).subtract(points.get(i - 1)));
                    }
                    return new TokenStart(
                            parts.subList(0, ACCOUNTS),
                            parts.subList(ACCOUNTS, 2 * ACCOUNTS),
                            capped ? supply.add(headroom) : null,
                            supply.add(lifetimeBurned),
                            lifetimeBurned);
                }));
    }

    /** The model: balances, supplies and lifetime totals as integers of the smallest unit. */
    static final class Model {
        final Map<LockedState.Key, BigInteger> available = new HashMap<>();
        final Map<LockedState.Key, BigInteger> locked = new HashMap<>();
        final Map<TokenId, BigInteger> supply = new HashMap<>();
        final Map<TokenId, BigInteger> max = new HashMap<>();
        final Map<TokenId, BigInteger> minted = new HashMap<>();
        final Map<TokenId, BigInteger> burned = new HashMap<>();
        final Set<LockedState.Key> changedHoldings = new LinkedHashSet<>();
        final Set<TokenId> changedSupplies = new LinkedHashSet<>();

        Model(List<TokenStart> starts) {
            for (int t = 0; t < TOKENS.size(); t++) {
                var token = TOKENS.get(t).id();
                var start = starts.get(t);
                for (int e = 0; e < ACCOUNTS; e++) {
                    var key = new LockedState.Key(ENTITIES.get(e), token);
                    available.put(key, start.available().get(e));
                    locked.put(key, start.locked().get(e));
                }
                supply.put(token, start.supply());
                max.put(token, start.max());
                minted.put(token, start.minted());
                burned.put(token, start.burned());
            }
        }

        BigInteger total(LockedState.Key key) {
            return available.get(key).add(locked.get(key));
        }

        /**
         * Applies one step if the rules allow it and answers null, or answers the refusal's code and
         * changes nothing. {@code policy} says whether the mint policy admits the mint; it is asked
         * only about a mint that nothing else refuses.
         */
        String apply(Step s, BooleanSupplier policy) {
            var token = TOKENS.get(s.token()).id();
            var a = new LockedState.Key(ENTITIES.get(s.a()), token);
            var b = new LockedState.Key(ENTITIES.get(s.b()), token);
            var x = s.units();
            switch (s.kind()) {
                case TRANSFER -> {
                    if (available.get(a).compareTo(x) < 0) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    if (available.get(b).add(x).compareTo(BOUND) >= 0) {
                        return "AMOUNT_OUT_OF_RANGE";
                    }
                    available.merge(a, x.negate(), BigInteger::add);
                    available.merge(b, x, BigInteger::add);
                    changedHoldings.add(a);
                    changedHoldings.add(b);
                }
                case MINT -> {
                    var after = supply.get(token).add(x);
                    if (after.compareTo(BOUND) >= 0) {
                        return "AMOUNT_OUT_OF_RANGE";
                    }
                    if (max.get(token) != null && after.compareTo(max.get(token)) > 0) {
                        return "MAX_SUPPLY_EXCEEDED";
                    }
                    if (available.get(a).add(x).compareTo(BOUND) >= 0) {
                        return "AMOUNT_OUT_OF_RANGE";
                    }
                    if (!policy.getAsBoolean()) {
                        return POLICY_REFUSED;
                    }
                    available.merge(a, x, BigInteger::add);
                    supply.put(token, after);
                    minted.merge(token, x, BigInteger::add);
                    changedHoldings.add(a);
                    changedSupplies.add(token);
                }
                case BURN -> {
                    if (available.get(a).compareTo(x) < 0) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    available.merge(a, x.negate(), BigInteger::add);
                    supply.merge(token, x.negate(), BigInteger::add);
                    burned.merge(token, x, BigInteger::add);
                    changedHoldings.add(a);
                    changedSupplies.add(token);
                }
                case LOCK -> {
                    if (available.get(a).compareTo(x) < 0) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    available.merge(a, x.negate(), BigInteger::add);
                    locked.merge(a, x, BigInteger::add);
                    changedHoldings.add(a);
                }
                case UNLOCK -> {
                    if (locked.get(a).compareTo(x) < 0) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    locked.merge(a, x.negate(), BigInteger::add);
                    available.merge(a, x, BigInteger::add);
                    changedHoldings.add(a);
                }
            }
            return null;
        }
    }

    static LedgerOperation operation(Step s) {
        var token = TOKENS.get(s.token()).id();
        var a = ENTITIES.get(s.a());
        var amount = Amount.ofUnits(s.units());
        return switch (s.kind()) {
            case TRANSFER -> new LedgerOperation.Transfer(token, a, ENTITIES.get(s.b()), amount, null, ADMIN);
            case MINT -> new LedgerOperation.Mint(token, a, amount, null, ADMIN);
            case BURN -> new LedgerOperation.Burn(token, a, amount, null, ADMIN);
            case LOCK -> new LedgerOperation.Lock(token, a, amount, null, ADMIN);
            case UNLOCK -> new LedgerOperation.Unlock(token, a, amount, null, ADMIN);
        };
    }

    static Amount amount(BigInteger units) {
        return Amount.ofUnits(units);
    }

    static BigDecimal decimal(BigInteger units) {
        return new BigDecimal(units, Amount.SCALE);
    }

    @Property
    void aBatchLeavesTheStateOfTheModelThatAppliesOnlyTheAcceptedOperations(
            @ForAll("starts") List<TokenStart> starts, @ForAll("steps") List<Step> steps) {
        var model = new Model(starts);
        var holdings = new HashMap<LockedState.Key, LockedState.Holding>();
        var supplies = new HashMap<TokenId, LockedState.Supply>();
        for (int t = 0; t < TOKENS.size(); t++) {
            var token = TOKENS.get(t).id();
            for (var entity : ENTITIES) {
                var key = new LockedState.Key(entity, token);
                holdings.put(
                        key, new LockedState.Holding(amount(model.available.get(key)), amount(model.locked.get(key))));
            }
            var max = model.max.get(token);
            supplies.put(
                    token,
                    new LockedState.Supply(
                            amount(model.supply.get(token)),
                            max == null ? null : amount(max),
                            decimal(model.minted.get(token)),
                            decimal(model.burned.get(token))));
        }
        var refusedByPolicy = Collections.newSetFromMap(new IdentityHashMap<LedgerOperation.Mint, Boolean>());
        var asked = new ArrayList<LedgerOperation.Mint>();
        var state = new LockedState(holdings, supplies, (mint, type) -> {
            asked.add(mint);
            if (refusedByPolicy.contains(mint)) {
                throw RuleViolation.of(POLICY_REFUSED, "refused by the test's mint policy");
            }
        });

        var expectedAsked = new ArrayList<LedgerOperation.Mint>();
        for (var s : steps) {
            var op = operation(s);
            if (op instanceof LedgerOperation.Mint m && s.policyRefuses()) {
                refusedByPolicy.add(m);
            }
            var definition = TOKENS.get(s.token());
            String actual;
            LockedState.Effect effect = null;
            try {
                effect = state.apply(op, definition);
                actual = null;
            } catch (DomainProblem refused) {
                actual = refused.code();
            }
            var expected = model.apply(s, () -> {
                expectedAsked.add((LedgerOperation.Mint) op);
                return !s.policyRefuses();
            });
            assertThat(actual).as("refusal of %s", s).isEqualTo(expected);
            if (effect != null) {
                assertEffect(s, effect, definition, model);
            }
        }

        assertThat(asked).as("mints the policy was asked about").isEqualTo(expectedAsked);
        for (var key : model.available.keySet()) {
            var holding = state.holding(key);
            assertThat(holding.available().units()).as("available of %s", key).isEqualTo(model.available.get(key));
            assertThat(holding.locked().units()).as("locked of %s", key).isEqualTo(model.locked.get(key));
        }
        for (var definition : TOKENS) {
            var token = definition.id();
            var supply = state.supply(token);
            assertThat(supply.total().units())
                    .as("supply of %s", definition.symbol())
                    .isEqualTo(model.supply.get(token));
            assertThat(supply.minted()).as("minted").isEqualByComparingTo(decimal(model.minted.get(token)));
            assertThat(supply.burned()).as("burned").isEqualByComparingTo(decimal(model.burned.get(token)));
        }
        assertThat(state.changedHoldings())
                .extracting(Map.Entry::getKey)
                .as("balance rows to write, in lock order")
                .containsExactlyElementsOf(model.changedHoldings.stream()
                        .sorted(Comparator.comparing(
                                        (LockedState.Key k) -> k.entity().value())
                                .thenComparing(k -> k.token().toString()))
                        .toList());
        assertThat(state.changedSupplies())
                .extracting(Map.Entry::getKey)
                .as("token rows to write")
                .containsExactlyInAnyOrderElementsOf(model.changedSupplies);
    }

    /** What an applied operation reports: its parties, and the checkpoints right after it. */
    static void assertEffect(Step s, LockedState.Effect effect, TokenCatalog.Definition definition, Model model) {
        var token = definition.id();
        var a = ENTITIES.get(s.a());
        var b = ENTITIES.get(s.b());
        switch (s.kind()) {
            case TRANSFER -> {
                assertThat(effect.from()).isEqualTo(a);
                assertThat(effect.to()).isEqualTo(b);
            }
            case MINT -> {
                assertThat(effect.from()).isNull();
                assertThat(effect.to()).isEqualTo(a);
            }
            case BURN -> {
                assertThat(effect.from()).isEqualTo(a);
                assertThat(effect.to()).isNull();
            }
            case LOCK, UNLOCK -> {
                assertThat(effect.from()).isEqualTo(a);
                assertThat(effect.to()).isEqualTo(a);
            }
        }
        var checkpointed = definition.checkpointed() && s.kind() != Kind.LOCK && s.kind() != Kind.UNLOCK;
        if (!checkpointed) {
            assertThat(effect.checkpoints()).isEmpty();
            assertThat(effect.supplyAfter()).isNull();
            return;
        }
        var expected = new ArrayList<LockedState.Checkpoint>();
        for (var entity : s.kind() == Kind.TRANSFER ? List.of(a, b) : List.of(a)) {
            expected.add(new LockedState.Checkpoint(entity, amount(model.total(new LockedState.Key(entity, token)))));
        }
        assertThat(effect.checkpoints()).as("checkpoints of %s", s).isEqualTo(expected);
        if (s.kind() == Kind.TRANSFER) {
            assertThat(effect.supplyAfter()).isNull();
        } else {
            assertThat(effect.supplyAfter()).isEqualTo(amount(model.supply.get(token)));
        }
    }
}
