package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.LedgerOperation.Burn;
import io.bta.tokenomics.ledger.LedgerOperation.Lock;
import io.bta.tokenomics.ledger.LedgerOperation.Mint;
import io.bta.tokenomics.ledger.LedgerOperation.Transfer;
import io.bta.tokenomics.ledger.LedgerOperation.Unlock;
import io.bta.tokenomics.ledger.LedgerProblems.InsufficientBalance;
import io.bta.tokenomics.ledger.LedgerProblems.MaxSupplyExceeded;
import io.bta.tokenomics.ledger.LedgerProblems.NotIssuer;
import io.bta.tokenomics.ledger.MintPolicy;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.RuleViolation;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows one write has locked, in memory, and the rules of the operations applied to them one by
 * one. No database: {@link LedgerWriter} reads the rows, applies the operations here and writes
 * what changed.
 *
 * <p>An operation applies whole or is refused and leaves no trace, so the next operation of the
 * same write sees the true state. Each operation first computes every new value (a value past the
 * 10^20 bound of an amount is a refusal here), then asks the mint policies (a mint only: the last
 * thing that can refuse, and a policy may record what it admits), and only then changes the state,
 * by steps that cannot fail.
 */
final class LockedState {

    record Key(EntityId entity, TokenId token) {
        Key {
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(token, "token");
        }
    }

    /** A balance row. */
    record Holding(Amount available, Amount locked) {
        Holding {
            Objects.requireNonNull(available, "available");
            Objects.requireNonNull(locked, "locked");
        }

        Amount total() {
            return available.plus(locked);
        }
    }

    /**
     * A token row. The supply is an amount, bounded by 10^20 and by {@code max} (null: no cap); the
     * lifetime totals are not bounded at all (ADR 0021).
     */
    record Supply(Amount total, Amount max, BigDecimal minted, BigDecimal burned) {
        Supply {
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(minted, "minted");
            Objects.requireNonNull(burned, "burned");
        }
    }

    /** An entity's holding (available + locked) of a checkpointed token right after an operation. */
    record Checkpoint(EntityId entity, Amount balance) {}

    /**
     * What an applied operation did: its parties as the history records them, and for a
     * checkpointed token the holdings it changed and the supply, right after it.
     */
    record Effect(EntityId from, EntityId to, List<Checkpoint> checkpoints, Amount supplyAfter) {
        Effect {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /** One operation's new values, computed before anything changes. */
    private record Change(Map<Key, Holding> holdings, TokenId token, Supply supply, Effect effect) {}

    private final Map<Key, Holding> holdings;
    private final Map<TokenId, Supply> supplies;
    private final MintPolicy policy;
    private final Set<Key> changedHoldings = new LinkedHashSet<>();
    private final Set<TokenId> changedSupplies = new LinkedHashSet<>();

    /**
     * @param holdings every balance row the operations touch
     * @param supplies the token row of every token minted or burned
     * @param policy asked to admit each mint once nothing else refuses it
     */
    LockedState(Map<Key, Holding> holdings, Map<TokenId, Supply> supplies, MintPolicy policy) {
        this.holdings = new HashMap<>(holdings);
        this.supplies = new HashMap<>(supplies);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Applies one operation and says what it did, or throws the {@link
     * io.bta.tokenomics.shared.error.DomainProblem} that refuses it, with the state unchanged.
     */
    Effect apply(LedgerOperation op, TokenCatalog.Definition definition) {
        var change = change(op, definition);
        if (op instanceof Mint m) {
            policy.admit(m, definition.type());
        }
        holdings.putAll(change.holdings());
        changedHoldings.addAll(change.holdings().keySet());
        if (change.supply() != null) {
            supplies.put(change.token(), change.supply());
            changedSupplies.add(change.token());
        }
        return change.effect();
    }

    Holding holding(Key key) {
        var holding = holdings.get(key);
        if (holding == null) {
            throw new IllegalStateException("balance row " + key + " was not locked");
        }
        return holding;
    }

    Supply supply(TokenId token) {
        var supply = supplies.get(token);
        if (supply == null) {
            throw new IllegalStateException("token row " + token + " was not locked");
        }
        return supply;
    }

    /** The balance rows applied operations changed, by (entity, token): the order rows are locked in. */
    List<Map.Entry<Key, Holding>> changedHoldings() {
        return changedHoldings.stream()
                .sorted(Comparator.comparing((Key k) -> k.entity().value())
                        .thenComparing(k -> k.token().toString()))
                .map(k -> Map.entry(k, holdings.get(k)))
                .toList();
    }

    /** The token rows applied mints and burns changed. */
    List<Map.Entry<TokenId, Supply>> changedSupplies() {
        return changedSupplies.stream().map(t -> Map.entry(t, supplies.get(t))).toList();
    }

    private Change change(LedgerOperation op, TokenCatalog.Definition definition) {
        var symbol = definition.symbol();
        var amount = op.amount();
        var token = op.tokenId();
        if ((op instanceof Mint || op instanceof Burn)
                && definition.issuer() != null
                && !definition.issuer().equals(op.actor())) {
            throw NotIssuer.of(symbol, definition.issuer());
        }
        try {
            if (op instanceof Transfer t) {
                var from = holding(new Key(t.from(), token));
                var to = holding(new Key(t.to(), token));
                requireAvailable(t.from(), symbol, from, amount);
                var fromAfter = new Holding(from.available().minus(amount), from.locked());
                var toAfter = new Holding(to.available().plus(amount), to.locked());
                return new Change(
                        Map.of(new Key(t.from(), token), fromAfter, new Key(t.to(), token), toAfter),
                        null,
                        null,
                        new Effect(
                                t.from(),
                                t.to(),
                                checkpoints(
                                        definition,
                                        new Checkpoint(t.from(), fromAfter.total()),
                                        new Checkpoint(t.to(), toAfter.total())),
                                null));
            }
            if (op instanceof Mint m) {
                var supply = supply(token);
                var supplyAfter = supply.total().plus(amount);
                if (supply.max() != null && supplyAfter.isGreaterThan(supply.max())) {
                    throw MaxSupplyExceeded.of(symbol, supply.total(), supply.max(), amount);
                }
                var to = holding(new Key(m.to(), token));
                var toAfter = new Holding(to.available().plus(amount), to.locked());
                return new Change(
                        Map.of(new Key(m.to(), token), toAfter),
                        token,
                        new Supply(
                                supplyAfter, supply.max(), supply.minted().add(amount.toBigDecimal()), supply.burned()),
                        new Effect(
                                null,
                                m.to(),
                                checkpoints(definition, new Checkpoint(m.to(), toAfter.total())),
                                definition.checkpointed() ? supplyAfter : null));
            }
            if (op instanceof Burn b) {
                var from = holding(new Key(b.from(), token));
                requireAvailable(b.from(), symbol, from, amount);
                var supply = supply(token);
                var fromAfter = new Holding(from.available().minus(amount), from.locked());
                var supplyAfter = supply.total().minus(amount);
                return new Change(
                        Map.of(new Key(b.from(), token), fromAfter),
                        token,
                        new Supply(
                                supplyAfter,
                                supply.max(),
                                supply.minted(),
                                supply.burned().add(amount.toBigDecimal())),
                        new Effect(
                                b.from(),
                                null,
                                checkpoints(definition, new Checkpoint(b.from(), fromAfter.total())),
                                definition.checkpointed() ? supplyAfter : null));
            }
            if (op instanceof Lock l) {
                var key = new Key(l.entity(), token);
                var h = holding(key);
                requireAvailable(l.entity(), symbol, h, amount);
                return new Change(
                        Map.of(
                                key,
                                new Holding(
                                        h.available().minus(amount), h.locked().plus(amount))),
                        null,
                        null,
                        new Effect(l.entity(), l.entity(), List.of(), null));
            }
            var u = (Unlock) op;
            var key = new Key(u.entity(), token);
            var h = holding(key);
            if (h.locked().isLessThan(amount)) {
                throw InsufficientBalance.of(u.entity(), symbol, "locked", h.locked(), amount);
            }
            return new Change(
                    Map.of(
                            key,
                            new Holding(h.available().plus(amount), h.locked().minus(amount))),
                    null,
                    null,
                    new Effect(u.entity(), u.entity(), List.of(), null));
        } catch (IllegalArgumentException tooLarge) {
            // Only an amount's bound throws here, and nothing has changed yet.
            throw RuleViolation.of(
                    "AMOUNT_OUT_OF_RANGE", "the resulting balance or supply would exceed 10^20 " + symbol);
        }
    }

    /**
     * The holdings an operation changed, for a checkpointed token only. A lock or an unlock has
     * none: it changes no holding (available + locked).
     */
    private static List<Checkpoint> checkpoints(TokenCatalog.Definition definition, Checkpoint... checkpoints) {
        return definition.checkpointed() ? List.of(checkpoints) : List.of();
    }

    private static void requireAvailable(EntityId entity, String symbol, Holding held, Amount amount) {
        if (held.available().isLessThan(amount)) {
            throw InsufficientBalance.of(entity, symbol, "available", held.available(), amount);
        }
    }
}
