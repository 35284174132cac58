package io.bta.tokenomics.ledger;

import io.bta.tokenomics.ledger.internal.GroupCommitter;
import io.bta.tokenomics.ledger.internal.LedgerMetrics;
import io.bta.tokenomics.ledger.internal.LedgerQueries;
import io.bta.tokenomics.ledger.internal.LedgerWriter;
import io.bta.tokenomics.ledger.internal.TokenCatalog;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.web.Cursors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's facade: the four BTA tokens, balances with available and locked parts, and the
 * operations that move them (transfer, mint, burn, lock, unlock), each recorded as an immutable
 * transaction with a gap-free sequence.
 *
 * <p>Promises, true after every commit: no balance part is negative; per token, the balances add
 * up to the total supply, which never exceeds the max supply and equals minted minus burned.
 */
@Service
public class Ledger {

    /** The tokens the platform starts with, exactly as the tokenomics define them. */
    private record Definition(
            String symbol,
            String name,
            TokenType type,
            String initialSupply,
            String maxSupply,
            String inflationRate,
            boolean checkpointed) {}

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition(
                    "BTA-GOV", "BTA Governance Token", TokenType.GOVERNANCE, "1000000000", "1000000000", "0", true),
            new Definition("BTA-REWARD", "BTA Rewards Token", TokenType.REWARD, "0", null, "0.05", false),
            new Definition("BTA-UTIL", "BTA Utility Token", TokenType.UTILITY, "500000000", "2000000000", "0", false),
            new Definition("BTA-GUAR", "BTA Guarantee Token", TokenType.GUARANTEE, "0", null, "0", false));

    private final TokenCatalog catalog;
    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EntityId treasury;
    private final MeterRegistry meters;
    private final Timer writeTimer;
    private final GroupCommitter groupCommit;
    private final LedgerMetrics metrics;
    private final org.springframework.context.ApplicationEventPublisher events;

    Ledger(
            TokenCatalog catalog,
            LedgerWriter writer,
            LedgerQueries queries,
            JdbcClient jdbc,
            Clock clock,
            LedgerProperties properties,
            MeterRegistry meters,
            GroupCommitter groupCommit,
            LedgerMetrics metrics,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.groupCommit = groupCommit;
        this.metrics = metrics;
        this.catalog = catalog;
        this.writer = writer;
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
        this.treasury = EntityId.of(properties.treasuryEntityId());
        this.meters = meters;
        this.writeTimer = Timer.builder("ledger.write")
                .description("time to apply a list of ledger operations in the database")
                .publishPercentileHistogram()
                .register(meters);
    }

    public EntityId treasury() {
        return treasury;
    }

    /**
     * Creates the four tokens and mints each initial supply to the treasury. Idempotent: when the
     * tokens exist, nothing changes and {@code created} is false. Two concurrent calls create once.
     */
    @Transactional
    public InitializationResult initializeTokens(EntityId actor) {
        var now = Timestamp.from(clock.instant());
        var created = new ArrayList<TokenId>();
        for (var d : DEFINITIONS) {
            jdbc.sql(
                            """
                            insert into ledger_tokens (id, symbol, name, type, decimals, max_supply, initial_supply,
                                                       inflation_rate, checkpointed, created_at)
                            values (?, ?, ?, ?, 18, ?, ?, ?, ?, ?)
                            on conflict do nothing
                            returning id
                            """)
                    .param(Ids.newId(clock))
                    .param(d.symbol())
                    .param(d.name())
                    .param(d.type().name())
                    .param(new SqlParameterValue(
                            Types.NUMERIC, d.maxSupply() == null ? null : new BigDecimal(d.maxSupply())))
                    .param(new BigDecimal(d.initialSupply()))
                    .param(new BigDecimal(d.inflationRate()))
                    .param(d.checkpointed())
                    .param(now)
                    .query(UUID.class)
                    .optional()
                    .ifPresent(id -> created.add(new TokenId(id)));
        }
        catalog.reloadNowAndAfterCompletion();
        var mints = new ArrayList<LedgerOperation>();
        for (var id : created) {
            var token = catalog.token(id);
            if (token.initialSupply().isPositive()) {
                mints.add(new LedgerOperation.Mint(id, treasury, token.initialSupply(), "initial supply", actor));
            }
        }
        applyAllOrNothing(mints);
        return new InitializationResult(!created.isEmpty(), tokens());
    }

    /**
     * Creates a share token (an AMM pool's LP token): 18 decimals, no cap, no initial supply, minted
     * and burned by {@code issuer} only (ADR 0031). Joins the caller's transaction, so a pool and
     * its token are created together or not at all. {@code symbol} must start with
     * {@value TokenCatalog#SHARE_SYMBOL_PREFIX} and be new.
     */
    @Transactional
    public Token createShareToken(String symbol, String name, EntityId issuer) {
        if (!symbol.startsWith(TokenCatalog.SHARE_SYMBOL_PREFIX) || symbol.length() > 64) {
            throw new IllegalArgumentException("a share token's symbol starts with " + TokenCatalog.SHARE_SYMBOL_PREFIX
                    + " and has at most 64 characters");
        }
        var id = Ids.newId(clock);
        jdbc.sql(
                        """
                        insert into ledger_tokens (id, symbol, name, type, decimals, max_supply, initial_supply,
                                                   inflation_rate, checkpointed, created_at, issuer)
                        values (?, ?, ?, 'LP_SHARE', 18, null, 0, 0, false, ?, ?)
                        """)
                .param(id)
                .param(symbol)
                .param(name)
                .param(Timestamp.from(clock.instant()))
                .param(issuer.value())
                .update();
        catalog.reloadNowAndAfterCompletion();
        return catalog.token(new TokenId(id));
    }

    /**
     * Pauses the token: from the next batch on, every movement of it (transfer, mint, burn, lock,
     * unlock, whichever module asks) is refused with {@code 409 TOKEN_PAUSED}; reads go on. Kept in
     * {@code ledger_token_pauses} with the actor and reason, and published as {@link TokenPauseChanged}.
     */
    @Transactional
    public Token pause(TokenId token, String reason, EntityId actor) {
        return setPaused(token, true, reason, actor);
    }

    /** Ends the token's pause; see {@link #pause}. */
    @Transactional
    public Token unpause(TokenId token, EntityId actor) {
        return setPaused(token, false, null, actor);
    }

    private Token setPaused(TokenId token, boolean paused, String reason, EntityId actor) {
        var symbol = catalog.definition(token).symbol();
        var now = clock.instant();
        int changed = jdbc.sql(
                        """
                        update ledger_tokens set paused = ?, paused_at = ?, pause_reason = ?
                        where id = ? and paused <> ?
                        """)
                .param(paused)
                .param(paused ? Timestamp.from(now) : null)
                .param(reason)
                .param(token.value())
                .param(paused)
                .update();
        if (changed == 0) {
            throw LedgerProblems.PauseUnchanged.of(symbol, paused);
        }
        jdbc.sql("insert into ledger_token_pauses (token_id, paused, reason, actor, at) values (?, ?, ?, ?, ?)")
                .param(token.value())
                .param(paused)
                .param(reason)
                .param(actor.value())
                .param(Timestamp.from(now))
                .update();
        events.publishEvent(
                paused
                        ? new TokenPauseChanged.Paused(token, symbol, reason, actor, now)
                        : new TokenPauseChanged.Unpaused(token, symbol, actor, now));
        return catalog.token(token);
    }

    @Transactional(readOnly = true)
    public List<Token> tokens() {
        return catalog.all();
    }

    /** A token by id, symbol or type; {@link LedgerProblems.UnknownToken} if there is none. */
    @Transactional(readOnly = true)
    public Token token(String identifier) {
        return catalog.token(resolve(identifier));
    }

    /** The one token of that type. */
    @Transactional(readOnly = true)
    public Token token(TokenType type) {
        return catalog.token(resolve(type));
    }

    /** The id of a token named by id, symbol or type. */
    public TokenId resolve(String identifier) {
        return catalog.resolve(identifier).id();
    }

    /** The id of the one token of that type, a BTA type. */
    public TokenId resolve(TokenType type) {
        if (!type.isBta()) {
            throw new IllegalArgumentException(type + " names no one token");
        }
        return catalog.resolve(type.name()).id();
    }

    public String symbolOf(TokenId token) {
        return catalog.definition(token).symbol();
    }

    /** The token's type, from the catalog's definitions (no database read). */
    public TokenType typeOf(TokenId token) {
        return catalog.definition(token).type();
    }

    /** An entity's balance of a token; zero if it never held it. */
    @Transactional(readOnly = true)
    public Balance balance(EntityId entity, TokenId token) {
        var definition = catalog.definition(token);
        var holding = queries.holding(entity, token).orElse(new LedgerQueries.Holding(Amount.ZERO, Amount.ZERO));
        return new Balance(entity, token, definition.symbol(), holding.available(), holding.locked());
    }

    /** An entity's balance of every token, zero where it holds none. */
    @Transactional(readOnly = true)
    public List<Balance> balances(EntityId entity) {
        var holdings = queries.holdings(entity);
        return catalog.all().stream()
                .map(t -> {
                    var h = holdings.getOrDefault(t.id(), new LedgerQueries.Holding(Amount.ZERO, Amount.ZERO));
                    return new Balance(entity, t.id(), t.symbol(), h.available(), h.locked());
                })
                .toList();
    }

    /**
     * The balances of every token of several entities, in the order given, and the last sequence,
     * all from one snapshot of the database (see {@link BalanceSnapshot}).
     */
    @Transactional(readOnly = true)
    public BalanceSnapshot snapshot(List<EntityId> entities) {
        var cut = queries.cut(entities);
        var zero = new LedgerQueries.Holding(Amount.ZERO, Amount.ZERO);
        var balances = new ArrayList<Balance>();
        for (var entity : entities.stream().distinct().toList()) {
            var holdings = cut.holdings().getOrDefault(entity, java.util.Map.of());
            for (var t : catalog.all()) {
                var h = holdings.getOrDefault(t.id(), zero);
                balances.add(new Balance(entity, t.id(), t.symbol(), h.available(), h.locked()));
            }
        }
        return new BalanceSnapshot(cut.sequence(), balances);
    }

    public LedgerTransaction transfer(
            TokenId token, EntityId from, EntityId to, Amount amount, String memo, EntityId actor) {
        return apply(new LedgerOperation.Transfer(token, from, to, amount, memo, actor));
    }

    public LedgerTransaction mint(TokenId token, EntityId to, Amount amount, String memo, EntityId actor) {
        return apply(new LedgerOperation.Mint(token, to, amount, memo, actor));
    }

    public LedgerTransaction burn(TokenId token, EntityId from, Amount amount, String memo, EntityId actor) {
        return apply(new LedgerOperation.Burn(token, from, amount, memo, actor));
    }

    public LedgerTransaction lock(TokenId token, EntityId entity, Amount amount, String memo, EntityId actor) {
        return apply(new LedgerOperation.Lock(token, entity, amount, memo, actor));
    }

    public LedgerTransaction unlock(TokenId token, EntityId entity, Amount amount, String memo, EntityId actor) {
        return apply(new LedgerOperation.Unlock(token, entity, amount, memo, actor));
    }

    /**
     * Applies one operation, or throws the reason it was refused (and nothing changes). Inside the
     * caller's transaction it joins it (and commits or rolls back with it); outside any transaction
     * it goes through group commit, and returns once the operation is committed.
     */
    public LedgerTransaction apply(LedgerOperation operation) {
        OperationOutcome outcome;
        if (TransactionSynchronizationManager.isActualTransactionActive() || !groupCommit.enabled()) {
            outcome = applyEach(List.of(operation)).get(0);
        } else {
            outcome =
                    groupCommit.await(groupCommit.submit(operation, null, null)).outcome();
        }
        if (outcome instanceof OperationOutcome.Refused refused) {
            throw refused.reason();
        }
        return ((OperationOutcome.Applied) outcome).transaction();
    }

    /**
     * Queues an operation for the next group commit, without waiting: the future completes once
     * its batch has committed. Operations submitted by one thread apply in the order submitted.
     */
    public CompletableFuture<OperationOutcome> submit(LedgerOperation operation) {
        return groupCommit.submit(operation, null, null).thenApply(GroupCommitter.Result::outcome);
    }

    /**
     * Applies operations in order, in one database transaction; each one is applied or refused on
     * its own (a refusal changes nothing and does not affect the others).
     */
    @Transactional
    public List<OperationOutcome> applyEach(List<LedgerOperation> operations) {
        var sample = Timer.start(meters);
        var outcomes = writer.apply(operations);
        sample.stop(writeTimer);
        metrics.record(operations, outcomes);
        return outcomes;
    }

    /**
     * A client's list of transfers, sent by {@code caller} ({@code admin}: on anyone's behalf). In
     * {@code ATOMIC} mode a transfer the caller may not send, or the first refusal, is thrown with
     * its {@code index} in the list and nothing applies. In {@code INDEPENDENT} mode each transfer
     * the caller may not send is refused alone ({@code 403 NOT_OWNER}) and the others are applied
     * each on its own, in one database transaction.
     */
    @Transactional
    public TransferBatch.Outcome transferBatch(TransferBatch batch, EntityId caller, boolean admin) {
        var transfers = batch.transfers();
        if (batch.mode() == TransferBatch.Mode.ATOMIC) {
            for (int i = 0; i < transfers.size(); i++) {
                var refusal = TransferBatch.refusal(transfers.get(i), caller, admin);
                if (refusal != null) {
                    throw refusal.with("index", i);
                }
            }
            var applied = applyListAllOrNothing(List.copyOf(transfers)).stream()
                    .<OperationOutcome>map(OperationOutcome.Applied::new)
                    .toList();
            return new TransferBatch.Outcome(batch.mode(), applied);
        }
        var outcomes = new OperationOutcome[transfers.size()];
        var allowed = new ArrayList<LedgerOperation>(transfers.size());
        var positions = new ArrayList<Integer>(transfers.size());
        for (int i = 0; i < transfers.size(); i++) {
            var refusal = TransferBatch.refusal(transfers.get(i), caller, admin);
            if (refusal != null) {
                outcomes[i] = new OperationOutcome.Refused(refusal);
            } else {
                allowed.add(transfers.get(i));
                positions.add(i);
            }
        }
        var applied = allowed.isEmpty() ? List.<OperationOutcome>of() : applyEach(allowed);
        for (int k = 0; k < applied.size(); k++) {
            outcomes[positions.get(k)] = applied.get(k);
        }
        return new TransferBatch.Outcome(batch.mode(), List.of(outcomes));
    }

    /**
     * Applies operations in one database transaction, all or none: the first refusal is thrown as
     * it is. The operations are a module's own steps of one request (an allocation's mint and
     * locks, a settlement's unlocks), so the refusal carries no position in a list the client never
     * sent; a client's own list goes through {@link #applyListAllOrNothing}.
     */
    @Transactional
    public List<LedgerTransaction> applyAllOrNothing(List<LedgerOperation> operations) {
        return allOrNothing(operations, false);
    }

    /**
     * As {@link #applyAllOrNothing}, for a list the client sent (a batch of transfers): the first
     * refusal names its {@code index} in that list, even in a list of one.
     */
    @Transactional
    public List<LedgerTransaction> applyListAllOrNothing(List<LedgerOperation> items) {
        return allOrNothing(items, true);
    }

    private List<LedgerTransaction> allOrNothing(List<LedgerOperation> operations, boolean indexed) {
        var transactions = new ArrayList<LedgerTransaction>();
        var outcomes = applyEach(operations);
        for (int i = 0; i < outcomes.size(); i++) {
            var outcome = outcomes.get(i);
            if (outcome instanceof OperationOutcome.Refused refused) {
                throw indexed ? refused.reason().with("index", i) : refused.reason();
            }
            transactions.add(((OperationOutcome.Applied) outcome).transaction());
        }
        return transactions;
    }

    /** An entity's transactions, newest first, after the given cursor; filters are optional. */
    @Transactional(readOnly = true)
    public Page<LedgerTransaction> history(EntityId entity, HistoryFilter filter, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : Cursors.decodeLong(cursor);
        var rows = queries.history(entity, filter, before, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        var page = rows.subList(0, limit);
        return new Page<>(page, Cursors.encode(Long.toString(page.get(limit - 1).sequence())));
    }

    /** One transaction by id. */
    @Transactional(readOnly = true)
    public java.util.Optional<LedgerTransaction> transaction(UUID id) {
        return queries.transaction(id);
    }

    /**
     * Committed transactions after a sequence, in sequence order, at most {@code limit}: the
     * ledger's own log, for readers that follow it (audit chain, webhooks, analytics). Sequences
     * follow commit order, so a reader that resumes after the last sequence it saw misses nothing.
     */
    @Transactional(readOnly = true)
    public List<LedgerTransaction> transactionsAfter(long afterSequence, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000");
        }
        return queries.transactionsAfter(afterSequence, limit);
    }

    /**
     * Every token's supply and holdings now, and its activity in the transactions after
     * {@code afterSequence}: one statement, so all the figures describe the same committed state.
     */
    @Transactional(readOnly = true)
    public LedgerFigures figures(long afterSequence) {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative");
        }
        return queries.figures(afterSequence, treasury);
    }

    /** The largest holdings (available + locked) of a token, largest first, ties by entity id. */
    @Transactional(readOnly = true)
    public List<Balance> topHolders(TokenId token, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be 1 to 1000");
        }
        return queries.topHolders(token, limit);
    }

    /** An entity's holding (available + locked) of a checkpointed token as of a past sequence. */
    @Transactional(readOnly = true)
    public Amount balanceAt(EntityId entity, TokenId token, long sequence) {
        requireCheckpointed(token);
        return queries.balanceAt(entity, token, sequence);
    }

    /** A checkpointed token's total supply as of a past sequence. */
    @Transactional(readOnly = true)
    public Amount totalSupplyAt(TokenId token, long sequence) {
        requireCheckpointed(token);
        return queries.totalSupplyAt(token, sequence);
    }

    /** The sum of several entities' holdings (available + locked) of a checkpointed token as of a past sequence. */
    @Transactional(readOnly = true)
    public Amount sumOfBalancesAt(Collection<EntityId> entities, TokenId token, long sequence) {
        requireCheckpointed(token);
        return queries.sumOfBalancesAt(entities, token, sequence);
    }

    /** The sequence of the last committed transaction: a snapshot point for governance. */
    @Transactional(readOnly = true)
    public long lastSequence() {
        return queries.lastSequence();
    }

    private void requireCheckpointed(TokenId token) {
        if (!catalog.definition(token).checkpointed()) {
            throw LedgerProblems.NotCheckpointed.of(symbolOf(token));
        }
    }
}
