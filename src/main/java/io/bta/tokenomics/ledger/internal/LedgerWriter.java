package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.Custody;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.LedgerOperation.Burn;
import io.bta.tokenomics.ledger.LedgerOperation.Lock;
import io.bta.tokenomics.ledger.LedgerOperation.Mint;
import io.bta.tokenomics.ledger.LedgerOperation.Transfer;
import io.bta.tokenomics.ledger.LedgerOperation.Unlock;
import io.bta.tokenomics.ledger.LedgerProblems;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.MintPolicy;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.db.LedgerSequences;
import io.bta.tokenomics.shared.error.DomainProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's only write path. It applies a list of operations in the caller's database
 * transaction, in four steps:
 *
 * <ol>
 *   <li>lock the token rows whose supply changes (mint, burn), ordered by id. {@code FOR NO KEY
 *       UPDATE}, not {@code FOR UPDATE}: the foreign keys of every row inserted below take a key
 *       share lock on their token, which {@code FOR UPDATE} would block (a deadlock with the head);
 *   <li>lock and read every balance row involved, ordered by (entity, token), in one statement
 *       (creating the missing ones first, in the same order, when a row has not been seen before),
 *       so that every writer takes its locks in the same global order and none can deadlock another;
 *   <li>apply the operations one by one to the locked state in memory ({@link LockedState}): an
 *       operation that breaks a rule (overdraft, max supply, the 10^20 bound of an amount, a mint
 *       policy) is refused alone and leaves no trace, so the next one sees the true state;
 *   <li>write everything in one statement: the ledger head (advanced by the number of applied
 *       operations, which locks it until commit, so the sequences handed out are gap-free and follow
 *       commit order), the changed balances and supplies, the transactions with their sequences and
 *       the governance checkpoints.
 * </ol>
 *
 * Two round trips (three with a mint or burn, one more the first time a balance row is met)
 * whatever the number of operations: one call serves one operation inside a module's transaction,
 * and a whole group-commit batch. The head is locked only from the write to the commit.
 */
@Component
public class LedgerWriter implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final TokenCatalog catalog;
    private final Clock clock;
    private final ObjectProvider<MintPolicy> mintPolicies;
    private final LedgerSequences sequences;
    private final ObjectProvider<Custody> custodies;

    /**
     * The mint policies and custodies, in order, once every singleton exists (looking them up in the
     * context is too slow for each operation of a batch); until then they are looked up per call.
     */
    private volatile List<MintPolicy> mintPolicyList;

    private volatile List<Custody> custodyList;

    /** Balance rows known to exist (they are never deleted); cleared when it grows past the limit. */
    private final Set<LockedState.Key> existing = ConcurrentHashMap.newKeySet();

    private static final int KNOWN_ROWS_LIMIT = 500_000;

    LedgerWriter(
            JdbcClient jdbc,
            TokenCatalog catalog,
            Clock clock,
            ObjectProvider<MintPolicy> mintPolicies,
            ObjectProvider<Custody> custodies,
            LedgerSequences sequences) {
        this.custodies = custodies;
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.catalog = catalog;
        this.clock = clock;
        this.mintPolicies = mintPolicies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mintPolicyList = mintPolicies.orderedStream().toList();
        custodyList = custodies.orderedStream().toList();
    }

    private List<MintPolicy> mintPolicies() {
        var list = mintPolicyList;
        return list != null ? list : mintPolicies.orderedStream().toList();
    }

    private List<Custody> custodies() {
        var list = custodyList;
        return list != null ? list : custodies.orderedStream().toList();
    }

    /** One applied operation before it has a sequence. */
    private record Pending(int index, LedgerOperation op, LockedState.Effect effect) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public List<OperationOutcome> apply(List<LedgerOperation> operations) {
        if (operations.isEmpty()) {
            return List.of();
        }
        var paused = pausedAmong(operations);
        var supplies = lockSupplies(operations);
        var holdings = lockBalances(operations);
        MintPolicy policies = (mint, type) -> mintPolicies().forEach(p -> p.admit(mint, type));
        var state = new LockedState(holdings, supplies, policies);

        var outcomes = new OperationOutcome[operations.size()];
        var pending = new ArrayList<Pending>();
        for (int i = 0; i < operations.size(); i++) {
            var op = operations.get(i);
            try {
                if (paused.contains(op.tokenId())) {
                    throw LedgerProblems.TokenPaused.of(
                            catalog.definition(op.tokenId()).symbol());
                }
                checkCustody(op);
                pending.add(new Pending(i, op, state.apply(op, catalog.definition(op.tokenId()))));
            } catch (DomainProblem refused) {
                outcomes[i] = new OperationOutcome.Refused(refused);
            }
        }
        if (pending.isEmpty()) {
            return List.of(outcomes);
        }

        var now = clock.instant();
        var ids = new ArrayList<UUID>(pending.size());
        for (int k = 0; k < pending.size(); k++) {
            ids.add(Ids.newId(clock));
        }
        long first = write(state, ids, pending, now);
        for (int k = 0; k < pending.size(); k++) {
            var p = pending.get(k);
            outcomes[p.index()] = new OperationOutcome.Applied(new LedgerTransaction(
                    ids.get(k),
                    first + k,
                    p.op().type(),
                    p.op().tokenId(),
                    catalog.definition(p.op().tokenId()).symbol(),
                    p.effect().from(),
                    p.effect().to(),
                    p.op().amount(),
                    p.op().memo(),
                    p.op().actor(),
                    now));
        }
        return List.of(outcomes);
    }

    /**
     * The tokens of these operations that are paused, read once per batch (a partial index holds
     * only paused tokens). A pause that commits while a batch is being applied takes effect from the
     * next batch.
     */
    private Set<TokenId> pausedAmong(List<LedgerOperation> operations) {
        var tokens = operations.stream()
                .map(op -> op.tokenId().toString())
                .distinct()
                .toArray(String[]::new);
        return new java.util.HashSet<>(jdbc.sql("select id from ledger_tokens where paused and id = any(?::uuid[])")
                .param(tokens)
                .query((rs, n) -> new TokenId(rs.getObject(1, UUID.class)))
                .list());
    }

    /** A movement out of an entity in a module's custody is that module's alone. */
    private void checkCustody(LedgerOperation op) {
        EntityId source = op instanceof Transfer t
                ? t.from()
                : op instanceof Burn b
                        ? b.from()
                        : op instanceof Lock l ? l.entity() : op instanceof Unlock u ? u.entity() : null;
        if (source == null) {
            return;
        }
        for (var custody : custodies()) {
            if (custody.holds(source) && !custody.custodian().equals(op.actor())) {
                throw LedgerProblems.InCustody.of(source, custody);
            }
        }
    }

    private Map<TokenId, LockedState.Supply> lockSupplies(List<LedgerOperation> operations) {
        var tokens = new TreeSet<String>();
        for (var op : operations) {
            if (op instanceof Mint || op instanceof Burn) {
                tokens.add(op.tokenId().toString());
            }
        }
        var supplies = new HashMap<TokenId, LockedState.Supply>();
        if (tokens.isEmpty()) {
            return supplies;
        }
        jdbc.sql(
                        """
                        select id, total_supply, max_supply, total_minted, total_burned from ledger_tokens
                        where id = any(?::uuid[]) order by id for no key update
                        """)
                .param(tokens.toArray(String[]::new))
                .query(rs -> {
                    var max = rs.getBigDecimal("max_supply");
                    supplies.put(
                            new TokenId(rs.getObject("id", UUID.class)),
                            new LockedState.Supply(
                                    Amount.of(rs.getBigDecimal("total_supply")),
                                    max == null ? null : Amount.of(max),
                                    rs.getBigDecimal("total_minted"),
                                    rs.getBigDecimal("total_burned")));
                });
        return supplies;
    }

    /**
     * Locks (and reads) every balance row the operations touch, in one statement, in {@code (entity,
     * token)} order. A row that this writer has not seen yet may not exist: then the missing rows are
     * created first, by an upsert that also takes its locks in that order. Balance rows are never
     * deleted, so a row seen in a committed transaction exists for good, and the common case is one
     * plain locking read. The one exception: a row created inside a savepoint that rolled back, in a
     * transaction that committed (group commits of swaps and claims apply each item in a savepoint),
     * is learned and is not there; the read then finds fewer rows, and the missing ones are created.
     */
    private Map<LockedState.Key, LockedState.Holding> lockBalances(List<LedgerOperation> operations) {
        var keys = new LinkedHashSet<LockedState.Key>();
        for (var op : operations) {
            if (op instanceof Transfer t) {
                keys.add(new LockedState.Key(t.from(), t.tokenId()));
                keys.add(new LockedState.Key(t.to(), t.tokenId()));
            } else if (op instanceof Mint m) {
                keys.add(new LockedState.Key(m.to(), m.tokenId()));
            } else if (op instanceof Burn b) {
                keys.add(new LockedState.Key(b.from(), b.tokenId()));
            } else if (op instanceof Lock l) {
                keys.add(new LockedState.Key(l.entity(), l.tokenId()));
            } else if (op instanceof Unlock u) {
                keys.add(new LockedState.Key(u.entity(), u.tokenId()));
            }
        }
        var entities = keys.stream().map(k -> k.entity().value()).toArray(String[]::new);
        var tokens = keys.stream().map(k -> k.token().toString()).toArray(String[]::new);
        boolean allExist = existing.containsAll(keys);
        if (!allExist) {
            createMissing(entities, tokens);
        }
        var held = lockRows(entities, tokens);
        if (held.size() != keys.size() && allExist) {
            // A row known to exist is not there: it was created in a savepoint that rolled back
            // while its transaction committed (a refused swap or claim in a group commit). Forget
            // what is known of these keys and create the missing rows now; the rows already locked
            // stay locked, and the new ones are this transaction's own until it commits.
            existing.removeAll(keys);
            allExist = false;
            createMissing(entities, tokens);
            held = lockRows(entities, tokens);
        }
        if (held.size() != keys.size()) {
            existing.clear();
            throw new IllegalStateException("locked " + held.size() + " balance rows, expected " + keys.size());
        }
        if (!allExist) {
            // Learned once they are committed: a row this transaction created is gone if it rolls back.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (existing.size() > KNOWN_ROWS_LIMIT) {
                        existing.clear();
                    }
                    existing.addAll(keys);
                }
            });
        }
        return held;
    }

    private void createMissing(String[] entities, String[] tokens) {
        // The WHERE false never updates: it makes ON CONFLICT lock the existing row without
        // writing a new version of it, while missing rows are created, all in sorted order.
        jdbc.sql(
                        """
                        insert into ledger_balances (entity_id, token_id)
                        select e, t::uuid from unnest(?::text[], ?::text[]) as k(e, t) order by e, t::uuid
                        on conflict (entity_id, token_id) do update set available = ledger_balances.available
                        where false
                        """)
                .param(entities)
                .param(tokens)
                .update();
    }

    private Map<LockedState.Key, LockedState.Holding> lockRows(String[] entities, String[] tokens) {
        var held = new HashMap<LockedState.Key, LockedState.Holding>();
        // LockRows runs above the sort: the rows are locked in (entity, token) order, the global
        // order every writer follows. Under Read Committed a row that was waited for is read again
        // as its previous holder committed it.
        jdbc.sql(
                        """
                        select b.entity_id, b.token_id, b.available, b.locked
                        from ledger_balances b join unnest(?::text[], ?::text[]) as k(e, t)
                          on b.entity_id = k.e and b.token_id = k.t::uuid
                        order by b.entity_id, b.token_id
                        for no key update of b
                        """)
                .param(entities)
                .param(tokens)
                .query(rs -> {
                    held.put(
                            new LockedState.Key(EntityId.of(rs.getString(1)), new TokenId(rs.getObject(2, UUID.class))),
                            new LockedState.Holding(Amount.of(rs.getBigDecimal(3)), Amount.of(rs.getBigDecimal(4))));
                });
        return held;
    }

    /**
     * Everything the transaction changes, in ONE statement (one round trip): the changed balances,
     * the changed supplies, the head, the transactions and the governance checkpoints. Parts with
     * nothing to write get empty arrays and touch no row.
     */
    private long write(LockedState state, List<UUID> ids, List<Pending> pending, Instant now) {
        var changed = state.changedHoldings();
        var supplyRows = state.changedSupplies();
        var cpEntities = new ArrayList<String>();
        var cpTokens = new ArrayList<String>();
        var cpSequences = new ArrayList<String>();
        var cpBalances = new ArrayList<String>();
        var spTokens = new ArrayList<String>();
        var spSequences = new ArrayList<String>();
        var spTotals = new ArrayList<String>();
        for (int k = 0; k < pending.size(); k++) {
            var p = pending.get(k);
            var sequence = Long.toString(k + 1); // an offset from the head, added in SQL
            for (var c : p.effect().checkpoints()) {
                cpEntities.add(c.entity().value());
                cpTokens.add(p.op().tokenId().toString());
                cpSequences.add(sequence);
                cpBalances.add(c.balance().toString());
            }
            if (p.effect().supplyAfter() != null) {
                spTokens.add(p.op().tokenId().toString());
                spSequences.add(sequence);
                spTotals.add(p.effect().supplyAfter().toString());
            }
        }
        long first = jdbc.sql(
                        """
                        with head as (
                          update ledger_head set last_sequence = last_sequence + ?
                          returning last_sequence - ? as base
                        ), balances as (
                          update ledger_balances b set available = v.a::numeric, locked = v.l::numeric
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as v(e, t, a, l)
                          where b.entity_id = v.e and b.token_id = v.t::uuid
                        ), supplies as (
                          update ledger_tokens k
                          set total_supply = v.s::numeric, total_minted = v.m::numeric, total_burned = v.b::numeric
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as v(t, s, m, b)
                          where k.id = v.t::uuid
                        ), transactions as (
                          insert into ledger_transactions
                              (id, sequence, type, token_id, from_entity_id, to_entity_id, amount, memo, actor,
                               created_at)
                          select id::uuid, (select base from head) + n, type, token::uuid, f, t, amount::numeric, memo,
                                 actor, ?
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::text[]) with ordinality as v(id, type, token, f, t, amount, memo, actor, n)
                        ), balance_checkpoints as (
                          insert into ledger_balance_checkpoints (entity_id, token_id, sequence, balance)
                          select e, t::uuid, (select base from head) + s::bigint, b::numeric
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as v(e, t, s, b)
                        ), supply_checkpoints as (
                          insert into ledger_supply_checkpoints (token_id, sequence, total_supply)
                          select t::uuid, (select base from head) + s::bigint, v::numeric
                          from unnest(?::text[], ?::text[], ?::text[]) as x(t, s, v)
                        )
                        select base + 1 from head
                        """)
                .param(pending.size())
                .param(pending.size())
                .param(changed.stream().map(e -> e.getKey().entity().value()).toArray(String[]::new))
                .param(changed.stream().map(e -> e.getKey().token().toString()).toArray(String[]::new))
                .param(changed.stream()
                        .map(e -> e.getValue().available().toString())
                        .toArray(String[]::new))
                .param(changed.stream()
                        .map(e -> e.getValue().locked().toString())
                        .toArray(String[]::new))
                .param(supplyRows.stream().map(e -> e.getKey().toString()).toArray(String[]::new))
                .param(supplyRows.stream()
                        .map(e -> e.getValue().total().toString())
                        .toArray(String[]::new))
                .param(supplyRows.stream()
                        .map(e -> e.getValue().minted().toPlainString())
                        .toArray(String[]::new))
                .param(supplyRows.stream()
                        .map(e -> e.getValue().burned().toPlainString())
                        .toArray(String[]::new))
                .param(Timestamp.from(now))
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .param(column(pending, p -> p.op().type().name()))
                .param(column(pending, p -> p.op().tokenId().toString()))
                .param(column(
                        pending,
                        p -> p.effect().from() == null
                                ? null
                                : p.effect().from().value()))
                .param(column(
                        pending,
                        p -> p.effect().to() == null ? null : p.effect().to().value()))
                .param(column(pending, p -> p.op().amount().toString()))
                .param(column(pending, p -> p.op().memo()))
                .param(column(pending, p -> p.op().actor().value()))
                .param(cpEntities.toArray(String[]::new))
                .param(cpTokens.toArray(String[]::new))
                .param(cpSequences.toArray(String[]::new))
                .param(cpBalances.toArray(String[]::new))
                .param(spTokens.toArray(String[]::new))
                .param(spSequences.toArray(String[]::new))
                .param(spTotals.toArray(String[]::new))
                .query(Long.class)
                .single();
        sequences.written(first + pending.size() - 1);
        return first;
    }

    private static String[] column(List<Pending> rows, java.util.function.Function<Pending, String> f) {
        return rows.stream().map(f).toArray(String[]::new);
    }
}
