package io.bta.tokenomics.amm;

import io.bta.tokenomics.amm.AmmEvents.LiquidityAdded;
import io.bta.tokenomics.amm.AmmEvents.LiquidityRemoved;
import io.bta.tokenomics.amm.AmmEvents.SwapHop;
import io.bta.tokenomics.amm.AmmEvents.Swapped;
import io.bta.tokenomics.amm.AmmEvents.SwapsApplied;
import io.bta.tokenomics.amm.internal.AmmStore;
import io.bta.tokenomics.amm.internal.AmmStore.Observation;
import io.bta.tokenomics.amm.internal.AmmStore.PoolRow;
import io.bta.tokenomics.amm.internal.AmmStore.SwapHopRow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.LedgerProblems;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.batching.KeptAnswers;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AMM's facade: pools, liquidity, swaps (exact in or exact out, through one pool or two),
 * quotes and TWAPs.
 *
 * <p>Each write is one database transaction that locks its pools' rows in id order, reads the
 * reserves (the ledger balances of {@code amm:<poolId>}) under that lock, computes with {@link
 * AmmMath}, and moves every token through the ledger in one all-or-nothing call; a refusal changes
 * nothing. The pool rows are locked before the ledger's balance rows: no one who holds a balance
 * lock waits for a pool row, so the order cannot invert.
 */
@Service
public class Amm {

    /** The AMM as the ledger knows it: the issuer of every share token, and the actor of its mints and burns. */
    public static final EntityId ISSUER = EntityId.of("system:amm");

    private static final int PRICE_SCALE = 18;
    private static final BigInteger AMOUNT_LIMIT_UNITS = BigInteger.TEN.pow(38);

    private final AmmStore store;
    private final Ledger ledger;
    private final Trust trust;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final SwapCommitter groupCommit;

    Amm(
            AmmStore store,
            Ledger ledger,
            Trust trust,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            SwapCommitter groupCommit) {
        this.store = store;
        this.groupCommit = groupCommit;
        groupCommit.use(new SwapCommitter.Body() {
            @Override
            public SwapResult apply(EntityId trader, SwapOrder order, BigDecimal trustScore) {
                return swapInTransaction(
                        trader,
                        order,
                        trustScore != null ? trustScore : trust.scoreOf(trader).score());
            }

            @Override
            public List<Object> applyAll(List<SwapCommitter.Item> items) {
                return swapAll(items);
            }
        });
        this.ledger = ledger;
        this.trust = trust;
        this.clock = clock;
        this.events = events;
        this.writes = new TransactionTemplate(transactions.getTransactionManager());
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    /** The entity whose ledger balances are a pool's reserves. */
    public static EntityId poolEntity(PoolId id) {
        return EntityId.of("amm:" + id);
    }

    /** The entity holding a pool's {@link AmmMath#MINIMUM_LIQUIDITY} shares, locked forever (v2's address zero). */
    public static EntityId lockedSharesEntity(PoolId id) {
        return EntityId.of("amm:" + id + ":locked");
    }

    // --- pools ---

    /**
     * Creates the pool of two BTA tokens, named in either order, with its share token. Refused
     * with {@code POOL_EXISTS} when the pair has one; concurrent requests for one pair take turns
     * on an advisory lock of the pair, so the second finds the first's pool.
     */
    @Transactional
    public Pool createPool(TokenId x, TokenId y, PoolFees fees) {
        var pair = TokenPair.of(x, y);
        var a = ledger.token(pair.a().toString());
        var b = ledger.token(pair.b().toString());
        for (var t : List.of(a, b)) {
            if (!t.type().isBta()) {
                throw new IllegalArgumentException("a pool pairs BTA tokens; " + t.symbol() + " is a pool's share");
            }
        }
        store.lockPair(pair.a(), pair.b());
        store.poolOfPair(pair.a(), pair.b()).ifPresent(existing -> {
            throw AmmProblems.poolExists(a.symbol(), b.symbol(), existing.id());
        });
        var now = now();
        var id = new PoolId(Ids.newId(clock));
        var lp = ledger.createShareToken(
                "BTA-LP-" + shortSymbol(a.symbol()) + "-" + shortSymbol(b.symbol()),
                "BTA LP share " + a.symbol() + "/" + b.symbol(),
                ISSUER);
        store.insertPool(new PoolRow(
                id,
                pair.a(),
                pair.b(),
                lp.id(),
                fees,
                PoolStatus.ACTIVE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                now,
                BigInteger.ZERO,
                now));
        return pool(id);
    }

    @Transactional(readOnly = true)
    public List<Pool> pools() {
        return store.pools().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Pool pool(PoolId id) {
        return view(row(id));
    }

    /** Changes a pool's fees or status from now on; a null leaves it as it is. */
    @Transactional
    public Pool updatePool(PoolId id, PoolFees fees, PoolStatus status) {
        var row = store.lockPools(List.of(row(id).id())).get(0);
        store.updateTerms(id, fees == null ? row.fees() : fees, status == null ? row.status() : status);
        return pool(id);
    }

    /** Turns v2's protocol fee on or off: 1/6 of the fees, as shares minted to the treasury. */
    @Transactional
    public void setProtocolFee(boolean on) {
        store.setProtocolFee(on, now());
    }

    @Transactional(readOnly = true)
    public boolean protocolFeeOn() {
        return store.protocolFeeOn();
    }

    // --- swaps ---

    /** What {@link #swap} would answer now for {@code caller}, with nothing changed and no transactions. */
    public SwapResult quote(EntityId caller, SwapOrder order) {
        var score = trust.scoreOf(caller).score();
        return reads.execute(status -> {
            var route = route(order);
            var legs = legs(route, order.tokenIn(), score);
            var amounts = amounts(legs, order);
            return result(order, legs, amounts, score, List.of());
        });
    }

    /**
     * Swaps for {@code trader}: exact in or exact out, through the direct pool of the pair or,
     * when there is none, the best route through two pools. Refused, with nothing moved, past the
     * deadline, beyond the slippage limit, without the balance, or on a paused pool.
     */
    public SwapResult swap(EntityId trader, SwapOrder order) {
        requireBefore(order.deadline());
        if (groupCommit.enabled() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            return groupCommit.swap(trader, order, scoreBeforeBatch(trader));
        }
        // the score is read before the transaction: a remote trust engine must not hold a connection
        var score = trust.scoreOf(trader).score();
        return writes.execute(status -> swapInTransaction(trader, order, score));
    }

    /**
     * As {@link #swap(EntityId, SwapOrder)}, for a request whose answer is kept with its effects
     * under its {@code ticket} (an Idempotency-Key): through the swaps' group commit, the ticket is
     * claimed and the answer {@code render} makes of the outcome (a {@link SwapResult} or a
     * refusal) kept in the batch's transaction; a ticket answered before replays that answer.
     */
    public KeptAnswers.Answer swap(
            EntityId trader, SwapOrder order, KeptAnswers.Ticket ticket, Function<Object, KeptAnswers.Answer> render) {
        requireBefore(order.deadline());
        var score = scoreBeforeBatch(trader);
        ticket.markHandled();
        return groupCommit.submit(trader, order, score, ticket, render).response();
    }

    /**
     * The trader's score for a swap that goes through the group commit: read now from the trust
     * engine (a remote call must not hold the batch's connection), or null when scores are local,
     * for the batch to read all its traders' scores in one query.
     */
    private BigDecimal scoreBeforeBatch(EntityId trader) {
        return trust.readsLocally() ? null : trust.scoreOf(trader).score();
    }

    /** Whether swaps go through the swaps' group commit (and keep their Idempotency-Keys there). */
    public boolean groupCommitEnabled() {
        return groupCommit.enabled();
    }

    /**
     * One swap inside the current transaction: the pools locked, the deadline and the limit checked
     * on the reserves now, the tokens moved, the swap recorded. Throws its refusal, having moved
     * nothing.
     */
    private SwapResult swapInTransaction(EntityId trader, SwapOrder order, BigDecimal score) {
        requireBefore(order.deadline());
        var route = route(order);
        var rows = store.lockPools(route.stream().map(PoolRow::id).toList());
        var locked = rows.stream().collect(Collectors.toMap(PoolRow::id, Function.identity()));
        var legs = legs(route.stream().map(r -> locked.get(r.id())).toList(), order.tokenIn(), score);
        var amounts = amounts(legs, order);
        var now = now();
        var swapId = Ids.newId(clock);
        var memo = "amm swap " + swapId;
        var transactions = applyForCaller(transfers(trader, order, legs, amounts, memo));
        var hops = new ArrayList<SwapHop>();
        for (int i = 0; i < legs.size(); i++) {
            var leg = legs.get(i);
            var in = amounts.get(i);
            var out = amounts.get(i + 1);
            requireKeepsK(leg, in, out);
            var reserveInAfter = leg.reserveIn().add(in);
            var reserveOutAfter = leg.reserveOut().subtract(out);
            store.insertSwapHop(hopRow(swapId, i, leg, trader, in, out, score, now));
            var aIsIn = leg.pool().tokenA().equals(leg.in());
            observe(
                    leg.pool(),
                    aIsIn ? leg.reserveIn() : leg.reserveOut(),
                    aIsIn ? leg.reserveOut() : leg.reserveIn(),
                    aIsIn ? reserveInAfter : reserveOutAfter,
                    aIsIn ? reserveOutAfter : reserveInAfter,
                    now);
            hops.add(new SwapHop(leg.pool().id(), leg.in(), leg.out(), amount(in), amount(out), leg.feeBps()));
        }
        events.publishEvent(new Swapped(
                swapId,
                trader,
                order.tokenIn(),
                order.tokenOut(),
                amount(amounts.get(0)),
                amount(amounts.get(legs.size())),
                List.copyOf(hops),
                score,
                now));
        return result(order, legs, amounts, score, transactions);
    }

    /**
     * A batch of swaps in the current transaction, set-based: every swap's route is found first and
     * all their pools locked once (in the AMM's lock order); then each swap, in the order queued, is
     * computed in memory on the reserves and the trader's balance its predecessors in the batch
     * left, with its own deadline, slippage limit and balance check (a refused swap moves nothing
     * and changes nothing for the next); then the accepted swaps are written together: their
     * ledger transfers in one {@code applyEach}, their rows in one insert, each pool's cumulative
     * prices and observation once (a batch shares one instant, so the swaps inside it add no time
     * to the cumulative prices), and one {@link SwapsApplied} event. Returns, per item, its {@link
     * SwapResult} or its refusal. Throws, leaving the transaction to roll back, when the ledger
     * refuses a transfer the batch had checked (a balance moved meanwhile by another writer, a
     * paused token): the caller then applies the swaps one by one.
     */
    List<Object> swapAll(List<SwapCommitter.Item> items) {
        var now = now();
        var unscored = items.stream()
                .filter(i -> i.trustScore() == null)
                .map(SwapCommitter.Item::trader)
                .collect(Collectors.toSet());
        var scores = unscored.isEmpty() ? Map.<EntityId, BigDecimal>of() : trust.localScoresOf(unscored);
        var outcomes = new Object[items.size()];
        var routes = new ArrayList<List<PoolRow>>(items.size());
        var poolIds = new java.util.LinkedHashSet<PoolId>();
        var pairs = new java.util.HashMap<TokenPair, java.util.Optional<PoolRow>>();
        Function<TokenPair, java.util.Optional<PoolRow>> pairPool =
                pair -> pairs.computeIfAbsent(pair, p -> store.poolOfPair(p.a(), p.b()));
        for (int i = 0; i < items.size(); i++) {
            var order = items.get(i).order();
            List<PoolRow> route = null;
            try {
                if (order.deadline() != null && now.isAfter(order.deadline())) {
                    throw AmmProblems.deadlinePassed(order.deadline(), now);
                }
                route = route(order, pairPool);
                route.forEach(r -> poolIds.add(r.id()));
            } catch (DomainProblem refused) {
                outcomes[i] = refused;
            }
            routes.add(route);
        }
        var locked = store.lockPools(poolIds).stream().collect(Collectors.toMap(PoolRow::id, Function.identity()));
        var reserves = new java.util.HashMap<String, BigInteger>();
        java.util.function.BiFunction<PoolRow, TokenId, BigInteger> reserveNow =
                (pool, token) -> reserves.computeIfAbsent(pool.id() + "|" + token, k -> reserve(pool, token));
        var balances = new java.util.HashMap<String, BigInteger>();
        var before = new java.util.LinkedHashMap<PoolId, BigInteger[]>();
        var ops = new ArrayList<LedgerOperation>();
        var opStart = new int[items.size()];
        var hopRows = new ArrayList<SwapHopRow>();
        var swapped = new ArrayList<Swapped>();
        var accepted = new Accepted[items.size()];
        for (int i = 0; i < items.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            var item = items.get(i);
            var order = item.order();
            var trader = item.trader();
            var score = scoreOf(item, scores);
            try {
                var route = routes.get(i).stream().map(r -> locked.get(r.id())).toList();
                var legs = legs(route, order.tokenIn(), score, reserveNow);
                var amounts = amounts(legs, order);
                var in = amounts.get(0);
                var out = amounts.get(legs.size());
                var payerKey = trader + "|" + order.tokenIn();
                var available = balances.computeIfAbsent(
                        payerKey,
                        k -> ledger.balance(trader, order.tokenIn()).available().units());
                if (available.compareTo(in) < 0) {
                    throw AmmProblems.insufficientBalance(LedgerProblems.InsufficientBalance.of(
                            trader, ledger.symbolOf(order.tokenIn()), "available", amount(available), amount(in)));
                }
                for (int h = 0; h < legs.size(); h++) {
                    requireKeepsK(legs.get(h), amounts.get(h), amounts.get(h + 1));
                }
                // accepted: the reserves and the trader's balances move for the swaps after it
                balances.put(payerKey, available.subtract(in));
                var receiverKey = trader + "|" + order.tokenOut();
                balances.put(
                        receiverKey,
                        balances.computeIfAbsent(receiverKey, k -> ledger.balance(trader, order.tokenOut())
                                        .available()
                                        .units())
                                .add(out));
                var swapId = Ids.newId(clock);
                var memo = "amm swap " + swapId;
                opStart[i] = ops.size();
                ops.addAll(transfers(trader, order, legs, amounts, memo));
                var hops = new ArrayList<SwapHop>();
                for (int h = 0; h < legs.size(); h++) {
                    var leg = legs.get(h);
                    var hopIn = amounts.get(h);
                    var hopOut = amounts.get(h + 1);
                    var pool = leg.pool();
                    var aIsIn = pool.tokenA().equals(leg.in());
                    before.computeIfAbsent(pool.id(), id -> new BigInteger[] {
                        aIsIn ? leg.reserveIn() : leg.reserveOut(), aIsIn ? leg.reserveOut() : leg.reserveIn()
                    });
                    var reserveInAfter = leg.reserveIn().add(hopIn);
                    var reserveOutAfter = leg.reserveOut().subtract(hopOut);
                    reserves.put(pool.id() + "|" + leg.in(), reserveInAfter);
                    reserves.put(pool.id() + "|" + leg.out(), reserveOutAfter);
                    hopRows.add(hopRow(swapId, h, leg, trader, hopIn, hopOut, score, now));
                    hops.add(new SwapHop(pool.id(), leg.in(), leg.out(), amount(hopIn), amount(hopOut), leg.feeBps()));
                }
                swapped.add(new Swapped(
                        swapId,
                        trader,
                        order.tokenIn(),
                        order.tokenOut(),
                        amount(in),
                        amount(out),
                        List.copyOf(hops),
                        score,
                        now));
                accepted[i] = new Accepted(legs, amounts, opStart[i], ops.size() - opStart[i]);
            } catch (DomainProblem refused) {
                outcomes[i] = refused;
            }
        }
        if (ops.isEmpty()) {
            return List.of(outcomes);
        }
        var transactions = ledger.applyAllOrNothing(ops);
        store.insertSwapHops(hopRows);
        before.forEach((id, reservesBefore) -> {
            var pool = locked.get(id);
            observe(
                    pool,
                    reservesBefore[0],
                    reservesBefore[1],
                    reserveNow.apply(pool, pool.tokenA()),
                    reserveNow.apply(pool, pool.tokenB()),
                    now);
        });
        events.publishEvent(new SwapsApplied(swapped));
        for (int i = 0; i < items.size(); i++) {
            var a = accepted[i];
            if (a != null) {
                outcomes[i] = result(
                        items.get(i).order(),
                        a.legs(),
                        a.amounts(),
                        scoreOf(items.get(i), scores),
                        List.copyOf(transactions.subList(a.firstOperation(), a.firstOperation() + a.operations())));
            }
        }
        return List.of(outcomes);
    }

    /** The trust score a batch's swap is charged at: read before the batch, or by the batch. */
    private static BigDecimal scoreOf(SwapCommitter.Item item, Map<EntityId, BigDecimal> readByTheBatch) {
        return item.trustScore() != null ? item.trustScore() : readByTheBatch.get(item.trader());
    }

    /**
     * A swap's ledger transfers: the input from the trader into the first pool, each hop's output
     * into the next pool, the last output to the trader. Out of a pool, the AMM (its custodian)
     * moves the tokens.
     */
    private static List<LedgerOperation> transfers(
            EntityId trader, SwapOrder order, List<Leg> legs, List<BigInteger> amounts, String memo) {
        var ops = new ArrayList<LedgerOperation>(legs.size() + 1);
        ops.add(new LedgerOperation.Transfer(
                order.tokenIn(), trader, poolEntity(legs.get(0).pool().id()), amount(amounts.get(0)), memo, trader));
        for (int i = 0; i + 1 < legs.size(); i++) {
            ops.add(new LedgerOperation.Transfer(
                    legs.get(i).out(),
                    poolEntity(legs.get(i).pool().id()),
                    poolEntity(legs.get(i + 1).pool().id()),
                    amount(amounts.get(i + 1)),
                    memo,
                    ISSUER));
        }
        ops.add(new LedgerOperation.Transfer(
                order.tokenOut(),
                poolEntity(legs.get(legs.size() - 1).pool().id()),
                trader,
                amount(amounts.get(legs.size())),
                memo,
                ISSUER));
        return ops;
    }

    /** The invariant, checked in code: a hop never decreases its pool's k. */
    private static void requireKeepsK(Leg leg, BigInteger in, BigInteger out) {
        if (!AmmMath.keepsK(in, out, leg.reserveIn(), leg.reserveOut(), leg.feeBps())) {
            throw new IllegalStateException("a swap through pool " + leg.pool().id() + " would decrease k");
        }
    }

    /** A hop's row: what went in and out of its pool, the fee and score applied, k before and after. */
    private static SwapHopRow hopRow(
            UUID swapId,
            int hop,
            Leg leg,
            EntityId trader,
            BigInteger in,
            BigInteger out,
            BigDecimal score,
            Instant now) {
        return new SwapHopRow(
                swapId,
                hop,
                leg.pool().id(),
                trader,
                leg.in(),
                leg.out(),
                amount(in),
                amount(out),
                leg.feeBps(),
                score,
                leg.reserveIn().multiply(leg.reserveOut()),
                leg.reserveIn().add(in).multiply(leg.reserveOut().subtract(out)),
                now);
    }

    /** A swap a batch accepted: its legs and amounts, and where its ledger operations are in the batch's list. */
    private record Accepted(List<Leg> legs, List<BigInteger> amounts, int firstOperation, int operations) {}

    /** One pool of a route, as the swap sees it: its reserves of the hop's tokens and the fee for the caller. */
    private record Leg(
            PoolRow pool, TokenId in, TokenId out, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {}

    /**
     * The pools a swap goes through: the pair's own pool, or else the two-pool route through one
     * other token that gives the most out (exact in) or takes the least in (exact out).
     */
    private List<PoolRow> route(SwapOrder order) {
        return route(order, pair -> store.poolOfPair(pair.a(), pair.b()));
    }

    /** As {@link #route(SwapOrder)}, with the pair's pool looked up by {@code directPools}. */
    private List<PoolRow> route(SwapOrder order, Function<TokenPair, java.util.Optional<PoolRow>> directPools) {
        var direct = TokenPair.of(order.tokenIn(), order.tokenOut());
        var directPool = directPools.apply(direct);
        if (directPool.isPresent()) {
            return List.of(directPool.get());
        }
        var pools = store.pools();
        var candidates = new ArrayList<List<PoolRow>>();
        for (var first : pools) {
            var pair = new TokenPair(first.tokenA(), first.tokenB());
            if (!pair.contains(order.tokenIn()) || pair.contains(order.tokenOut())) {
                continue;
            }
            var middle = pair.other(order.tokenIn());
            var second = TokenPair.of(middle, order.tokenOut());
            pools.stream()
                    .filter(p -> p.tokenA().equals(second.a()) && p.tokenB().equals(second.b()))
                    .findFirst()
                    .ifPresent(p -> candidates.add(List.of(first, p)));
        }
        if (candidates.isEmpty()) {
            throw AmmProblems.noRoute(ledger.symbolOf(order.tokenIn()), ledger.symbolOf(order.tokenOut()));
        }
        DomainProblem firstRefusal = null;
        List<PoolRow> best = null;
        BigInteger bestAmount = null;
        for (var candidate : candidates) {
            try {
                var amounts = amounts(legs(candidate, order.tokenIn(), null), order);
                var measure = order.kind() == SwapOrder.Kind.EXACT_IN
                        ? amounts.get(2)
                        : amounts.get(0).negate();
                if (bestAmount == null || measure.compareTo(bestAmount) > 0) {
                    best = candidate;
                    bestAmount = measure;
                }
            } catch (DomainProblem refused) {
                firstRefusal = firstRefusal == null ? refused : firstRefusal;
            }
        }
        if (best == null) {
            throw firstRefusal;
        }
        return best;
    }

    private List<Leg> legs(List<PoolRow> route, TokenId tokenIn, BigDecimal trustScore) {
        return legs(route, tokenIn, trustScore, this::reserve);
    }

    private List<Leg> legs(
            List<PoolRow> route,
            TokenId tokenIn,
            BigDecimal trustScore,
            java.util.function.BiFunction<PoolRow, TokenId, BigInteger> reserves) {
        var legs = new ArrayList<Leg>();
        var in = tokenIn;
        for (var pool : route) {
            if (pool.status() != PoolStatus.ACTIVE) {
                throw AmmProblems.poolPaused(pool.id());
            }
            var out = new TokenPair(pool.tokenA(), pool.tokenB()).other(in);
            legs.add(new Leg(
                    pool,
                    in,
                    out,
                    reserves.apply(pool, in),
                    reserves.apply(pool, out),
                    pool.fees().feeFor(trustScore)));
            in = out;
        }
        return legs;
    }

    /** The amounts along the route: {@code [in, out of pool 1, (out of pool 2)]}, with the slippage limit checked. */
    private static List<BigInteger> amounts(List<Leg> legs, SwapOrder order) {
        var amounts = new BigInteger[legs.size() + 1];
        if (order.kind() == SwapOrder.Kind.EXACT_IN) {
            amounts[0] = order.amount().units();
            for (int i = 0; i < legs.size(); i++) {
                var leg = legs.get(i);
                amounts[i + 1] = AmmMath.amountOut(amounts[i], leg.reserveIn(), leg.reserveOut(), leg.feeBps());
            }
            var out = amount(amounts[legs.size()]);
            if (order.limit() != null && out.isLessThan(order.limit())) {
                throw AmmProblems.outputBelowMinimum(out, order.limit());
            }
        } else {
            amounts[legs.size()] = order.amount().units();
            for (int i = legs.size() - 1; i >= 0; i--) {
                var leg = legs.get(i);
                amounts[i] = AmmMath.amountIn(amounts[i + 1], leg.reserveIn(), leg.reserveOut(), leg.feeBps());
            }
            var in = amount(amounts[0]);
            if (order.limit() != null && in.isGreaterThan(order.limit())) {
                throw AmmProblems.inputAboveMaximum(in, order.limit());
            }
        }
        return List.of(amounts);
    }

    private SwapResult result(
            SwapOrder order,
            List<Leg> legs,
            List<BigInteger> amounts,
            BigDecimal score,
            List<LedgerTransaction> transactions) {
        var hops = new ArrayList<SwapResult.Hop>();
        // the mid price of the route, out per in, against what the swap gives
        var midNumerator = BigInteger.ONE;
        var midDenominator = BigInteger.ONE;
        for (int i = 0; i < legs.size(); i++) {
            var leg = legs.get(i);
            hops.add(new SwapResult.Hop(
                    leg.pool().id(),
                    leg.in(),
                    leg.out(),
                    amount(amounts.get(i)),
                    amount(amounts.get(i + 1)),
                    leg.feeBps(),
                    fee(amounts.get(i), leg.feeBps())));
            midNumerator = midNumerator.multiply(leg.reserveOut());
            midDenominator = midDenominator.multiply(leg.reserveIn());
        }
        var in = amounts.get(0);
        var out = amounts.get(legs.size());
        // impact = 1 − (out/in) / (midNumerator/midDenominator)
        var ratio = new BigDecimal(out.multiply(midDenominator))
                .divide(new BigDecimal(in.multiply(midNumerator)), 6, RoundingMode.DOWN);
        var impact = BigDecimal.ONE.subtract(ratio).max(BigDecimal.ZERO).stripTrailingZeros();
        return new SwapResult(
                order.tokenIn(),
                order.tokenOut(),
                amount(in),
                amount(out),
                legs.stream().map(l -> l.pool().id()).toList(),
                hops.get(0).feePaid(),
                impact.scale() < 0 ? impact.setScale(0) : impact,
                score,
                List.copyOf(hops),
                transactions);
    }

    /** The part of an input a pool keeps as its fee, rounded down: {@code in·feeBps/10000}. */
    private static Amount fee(BigInteger in, int feeBps) {
        return amount(in.multiply(BigInteger.valueOf(feeBps)).divide(BigInteger.valueOf(AmmMath.BPS)));
    }

    // --- liquidity ---

    /**
     * Deposits into a pool at its ratio (v2's router: all of one token's desired amount and as
     * much of the other as the ratio asks, within both desires) and mints shares to the provider.
     */
    @Transactional
    public LiquidityResult addLiquidity(
            EntityId provider,
            PoolId id,
            Amount desiredA,
            Amount desiredB,
            Amount minA,
            Amount minB,
            Instant deadline) {
        requireBefore(deadline);
        var pool = store.lockPools(List.of(row(id).id())).get(0);
        if (pool.status() != PoolStatus.ACTIVE) {
            throw AmmProblems.poolPaused(id);
        }
        var reserveA = reserve(pool, pool.tokenA());
        var reserveB = reserve(pool, pool.tokenB());
        var supply = ledger.token(pool.lpToken().toString()).totalSupply().units();
        var feeOn = store.protocolFeeOn();
        var ops = new ArrayList<LedgerOperation>();
        var memo = "amm liquidity " + id;
        var protocolShares = feeOn ? AmmMath.protocolFee(supply, reserveA, reserveB, pool.kLast()) : BigInteger.ZERO;
        if (protocolShares.signum() > 0) {
            ops.add(new LedgerOperation.Mint(
                    pool.lpToken(), ledger.treasury(), amount(protocolShares), "amm protocol fee " + id, ISSUER));
            supply = supply.add(protocolShares);
        }
        var deposit = supply.signum() == 0
                ? new AmmMath.Deposit(desiredA.units(), desiredB.units())
                : AmmMath.optimalDeposit(
                        desiredA.units(), desiredB.units(), orZero(minA), orZero(minB), reserveA, reserveB);
        if (supply.signum() == 0) {
            requireAtLeast("amountAMin", deposit.amountA(), minA);
            requireAtLeast("amountBMin", deposit.amountB(), minB);
        }
        var shares = AmmMath.liquidity(deposit.amountA(), deposit.amountB(), reserveA, reserveB, supply);
        var entity = poolEntity(id);
        ops.add(new LedgerOperation.Transfer(
                pool.tokenA(), provider, entity, amount(deposit.amountA()), memo, provider));
        ops.add(new LedgerOperation.Transfer(
                pool.tokenB(), provider, entity, amount(deposit.amountB()), memo, provider));
        if (supply.signum() == 0) {
            ops.add(new LedgerOperation.Mint(
                    pool.lpToken(), lockedSharesEntity(id), amount(AmmMath.MINIMUM_LIQUIDITY), memo, ISSUER));
        }
        ops.add(new LedgerOperation.Mint(pool.lpToken(), provider, amount(shares), memo, ISSUER));
        var transactions = applyForCaller(ops);
        var afterA = reserveA.add(deposit.amountA());
        var afterB = reserveB.add(deposit.amountB());
        store.updateKLast(id, feeOn ? afterA.multiply(afterB) : BigInteger.ZERO);
        var now = now();
        observe(pool, reserveA, reserveB, afterA, afterB, now);
        var changeId = Ids.newId(clock);
        store.insertLiquidityChange(
                changeId,
                id,
                provider,
                "ADD",
                amount(deposit.amountA()),
                amount(deposit.amountB()),
                amount(shares),
                now);
        events.publishEvent(new LiquidityAdded(
                changeId, id, provider, amount(deposit.amountA()), amount(deposit.amountB()), amount(shares), now));
        return new LiquidityResult(
                id, amount(deposit.amountA()), amount(deposit.amountB()), amount(shares), transactions);
    }

    /**
     * Burns the provider's shares and pays its part of each reserve, rounded down. A paused pool
     * still pays out: a provider can always leave.
     */
    @Transactional
    public LiquidityResult removeLiquidity(
            EntityId provider, PoolId id, Amount liquidity, Amount minA, Amount minB, Instant deadline) {
        requireBefore(deadline);
        var pool = store.lockPools(List.of(row(id).id())).get(0);
        var reserveA = reserve(pool, pool.tokenA());
        var reserveB = reserve(pool, pool.tokenB());
        var lp = ledger.token(pool.lpToken().toString());
        var held = ledger.balance(provider, pool.lpToken()).available();
        if (liquidity.isGreaterThan(held)) {
            throw AmmProblems.insufficientBalance(
                    LedgerProblems.InsufficientBalance.of(provider, lp.symbol(), "available", held, liquidity));
        }
        var supply = lp.totalSupply().units();
        var feeOn = store.protocolFeeOn();
        var ops = new ArrayList<LedgerOperation>();
        var memo = "amm liquidity " + id;
        var protocolShares = feeOn ? AmmMath.protocolFee(supply, reserveA, reserveB, pool.kLast()) : BigInteger.ZERO;
        if (protocolShares.signum() > 0) {
            ops.add(new LedgerOperation.Mint(
                    pool.lpToken(), ledger.treasury(), amount(protocolShares), "amm protocol fee " + id, ISSUER));
            supply = supply.add(protocolShares);
        }
        var outA = AmmMath.removal(liquidity.units(), reserveA, supply);
        var outB = AmmMath.removal(liquidity.units(), reserveB, supply);
        if (outA.signum() == 0 || outB.signum() == 0) {
            throw AmmProblems.insufficientLiquidity("burning " + liquidity + " shares would pay nothing of a token");
        }
        requireAtLeast("amountAMin", outA, minA);
        requireAtLeast("amountBMin", outB, minB);
        var entity = poolEntity(id);
        ops.add(new LedgerOperation.Burn(pool.lpToken(), provider, liquidity, memo, ISSUER));
        ops.add(new LedgerOperation.Transfer(pool.tokenA(), entity, provider, amount(outA), memo, ISSUER));
        ops.add(new LedgerOperation.Transfer(pool.tokenB(), entity, provider, amount(outB), memo, ISSUER));
        var transactions = applyForCaller(ops);
        var afterA = reserveA.subtract(outA);
        var afterB = reserveB.subtract(outB);
        store.updateKLast(id, feeOn ? afterA.multiply(afterB) : BigInteger.ZERO);
        var now = now();
        observe(pool, reserveA, reserveB, afterA, afterB, now);
        var changeId = Ids.newId(clock);
        store.insertLiquidityChange(changeId, id, provider, "REMOVE", amount(outA), amount(outB), liquidity, now);
        events.publishEvent(new LiquidityRemoved(changeId, id, provider, amount(outA), amount(outB), liquidity, now));
        return new LiquidityResult(id, amount(outA), amount(outB), liquidity, transactions);
    }

    // --- analytics ---

    /**
     * The pool's swaps, volume and fees over the window up to now (to the microsecond, end
     * excluded), and its value locked now.
     */
    @Transactional(readOnly = true)
    /**
     * The pool's series over {@code [from, to)}, both rounded outwards to whole buckets: per bucket
     * its swaps, volume and fees (summed) and its reserves and value locked at the bucket's end (the
     * last observation at or before it). Refused with more than {@link PoolSeries#MAX_BUCKETS}.
     */
    public PoolSeries series(PoolId id, PoolSeries.Interval interval, Instant from, Instant to) {
        return reads.execute(status -> {
            var pool = row(id);
            var start = interval.floor(from);
            var end = interval.floor(to).equals(to) ? to : interval.floor(to).plus(interval.width());
            long buckets = Duration.between(start, end).dividedBy(interval.width());
            if (!start.isBefore(end)) {
                throw io.bta.tokenomics.shared.error.InvalidInput.field("from", "must be before to");
            }
            if (buckets > PoolSeries.MAX_BUCKETS) {
                throw io.bta.tokenomics.shared.error.InvalidInput.field(
                        "from",
                        "the range holds " + buckets + " buckets of " + interval.key() + "; at most "
                                + PoolSeries.MAX_BUCKETS);
            }
            var activity = new java.util.HashMap<Instant, AmmStore.BucketActivity>();
            store.activityByBucket(id, pool.tokenA(), start, end, interval.width())
                    .forEach(a -> activity.put(a.start(), a));
            var observations = store.observations(id, start, end);
            var last = store.observationAtOrBefore(id, start.minusNanos(1000)).orElse(null);
            var reserveA = last == null ? Amount.ZERO : last.reserveA();
            var reserveB = last == null ? Amount.ZERO : last.reserveB();
            var points = new ArrayList<PoolSeries.Point>();
            int next = 0;
            for (var bucket = start; bucket.isBefore(end); bucket = bucket.plus(interval.width())) {
                var bucketEnd = bucket.plus(interval.width());
                while (next < observations.size()
                        && observations.get(next).observedAt().isBefore(bucketEnd)) {
                    reserveA = observations.get(next).reserveA();
                    reserveB = observations.get(next).reserveB();
                    next++;
                }
                var a = activity.get(bucket);
                points.add(new PoolSeries.Point(
                        bucket,
                        a == null ? 0 : a.swaps(),
                        a == null ? Amount.ZERO : Amount.of(a.volumeA()),
                        a == null ? Amount.ZERO : Amount.of(a.volumeB()),
                        a == null ? Amount.ZERO : Amount.of(a.feesA()),
                        a == null ? Amount.ZERO : Amount.of(a.feesB()),
                        reserveA,
                        reserveB,
                        reserveA.plus(reserveA),
                        reserveB.plus(reserveB)));
            }
            return new PoolSeries(id, interval, start, end, List.copyOf(points));
        });
    }

    public PoolStats stats(PoolId id, TwapWindow window) {
        var pool = row(id);
        var now = now();
        var from = now.minus(window.duration());
        var activity = store.activity(id, pool.tokenA(), from, now.plusNanos(1000));
        var reserveA = amount(reserve(pool, pool.tokenA()));
        var reserveB = amount(reserve(pool, pool.tokenB()));
        return new PoolStats(
                id,
                window.duration(),
                from,
                now,
                activity.swaps(),
                Amount.of(activity.volumeA()),
                Amount.of(activity.volumeB()),
                Amount.of(activity.feesA()),
                Amount.of(activity.feesB()),
                reserveA,
                reserveB,
                reserveA.plus(reserveA),
                reserveB.plus(reserveB));
    }

    // --- TWAP ---

    /**
     * The pool's time-weighted average prices over the window up to now (from its first liquidity,
     * if that is later), from the cumulative prices: each price held for a time weighs by that time.
     */
    @Transactional(readOnly = true)
    public Twap twap(PoolId id, TwapWindow window) {
        var pool = row(id);
        var now = now();
        var start = now.minus(window.duration());
        var first = store.firstLiquidityAt(id);
        if (first.isEmpty() || !first.get().isBefore(now)) {
            return new Twap(id, window.duration(), start, now, null, null);
        }
        var from = first.get().isAfter(start) ? first.get() : start;
        var seconds = seconds(Duration.between(from, now));
        var atNow = cumulativeAt(pool, now);
        var atFrom = cumulativeAt(pool, from);
        return new Twap(
                id,
                window.duration(),
                from,
                now,
                plain(atNow[0].subtract(atFrom[0]).divide(seconds, PRICE_SCALE, RoundingMode.DOWN)),
                plain(atNow[1].subtract(atFrom[1]).divide(seconds, PRICE_SCALE, RoundingMode.DOWN)));
    }

    private BigDecimal[] cumulativeAt(PoolRow pool, Instant at) {
        var observation = store.observationAtOrBefore(pool.id(), at)
                .orElse(new Observation(pool.createdAt(), BigDecimal.ZERO, BigDecimal.ZERO, Amount.ZERO, Amount.ZERO));
        var elapsed = seconds(Duration.between(observation.observedAt(), at));
        var a = observation.reserveA().units();
        var b = observation.reserveB().units();
        return new BigDecimal[] {
            observation.priceACumulative().add(price(b, a).multiply(elapsed)),
            observation.priceBCumulative().add(price(a, b).multiply(elapsed))
        };
    }

    /**
     * Brings the pool's cumulative prices up to {@code now} at the reserves they held since the
     * last change (v2's {@code _update}), and records them with the reserves from now on.
     */
    private void observe(
            PoolRow pool, BigInteger beforeA, BigInteger beforeB, BigInteger afterA, BigInteger afterB, Instant now) {
        var elapsed = seconds(
                Duration.between(pool.cumulativeAt(), now).isNegative()
                        ? Duration.ZERO
                        : Duration.between(pool.cumulativeAt(), now));
        var cumulativeA = pool.priceACumulative().add(price(beforeB, beforeA).multiply(elapsed));
        var cumulativeB = pool.priceBCumulative().add(price(beforeA, beforeB).multiply(elapsed));
        store.updateCumulative(pool.id(), cumulativeA, cumulativeB, now);
        store.insertObservation(
                pool.id(), new Observation(now, cumulativeA, cumulativeB, amount(afterA), amount(afterB)));
    }

    /** numerator/denominator to 18 decimals, rounded down; zero while either side is empty. */
    private static BigDecimal price(BigInteger numerator, BigInteger denominator) {
        if (numerator.signum() == 0 || denominator.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), PRICE_SCALE, RoundingMode.DOWN);
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos() / 1000, 6);
    }

    // --- helpers ---

    private PoolRow row(PoolId id) {
        return store.pool(id).orElseThrow(() -> AmmProblems.unknownPool(id.toString()));
    }

    private Pool view(PoolRow row) {
        var reserveA = reserve(row, row.tokenA());
        var reserveB = reserve(row, row.tokenB());
        var lp = ledger.token(row.lpToken().toString());
        var fees = row.fees();
        return new Pool(
                row.id(),
                row.tokenA(),
                ledger.symbolOf(row.tokenA()),
                row.tokenB(),
                ledger.symbolOf(row.tokenB()),
                amount(reserveA),
                amount(reserveB),
                lp.id(),
                lp.symbol(),
                lp.totalSupply(),
                fees.feeBps(),
                fees.trustFeeBps(),
                fees.trustMinScore(),
                reserveA.signum() == 0 ? null : plain(price(reserveB, reserveA)),
                reserveB.signum() == 0 ? null : plain(price(reserveA, reserveB)),
                row.status(),
                row.createdAt());
    }

    private BigInteger reserve(PoolRow pool, TokenId token) {
        return ledger.balance(poolEntity(pool.id()), token).available().units();
    }

    /**
     * Applies the operations of one request all or nothing; the caller's shortfall of a token is
     * answered as the AMM's {@code 422 INSUFFICIENT_BALANCE}.
     */
    private List<LedgerTransaction> applyForCaller(List<LedgerOperation> ops) {
        try {
            return ledger.applyAllOrNothing(ops);
        } catch (LedgerProblems.InsufficientBalance shortfall) {
            throw AmmProblems.insufficientBalance(shortfall);
        }
    }

    private void requireBefore(Instant deadline) {
        var now = now();
        if (deadline != null && now.isAfter(deadline)) {
            throw AmmProblems.deadlinePassed(deadline, now);
        }
    }

    private static void requireAtLeast(String field, BigInteger units, Amount minimum) {
        if (minimum != null && units.compareTo(minimum.units()) < 0) {
            throw AmmProblems.belowMinimum(field, amount(units), minimum);
        }
    }

    private static BigInteger orZero(Amount a) {
        return a == null ? BigInteger.ZERO : a.units();
    }

    /** Base units as an amount; one past what an amount holds is more than any pool can give. */
    private static Amount amount(BigInteger units) {
        if (units.abs().compareTo(AMOUNT_LIMIT_UNITS) >= 0) {
            throw AmmProblems.insufficientLiquidity("the swap would need more than any amount can hold");
        }
        return Amount.ofUnits(units);
    }

    private static BigDecimal plain(BigDecimal d) {
        var stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String shortSymbol(String symbol) {
        var upper = symbol.toUpperCase(Locale.ROOT);
        return upper.startsWith("BTA-") ? upper.substring(4) : upper;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
