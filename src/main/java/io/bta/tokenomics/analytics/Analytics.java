package io.bta.tokenomics.analytics;

import io.bta.tokenomics.analytics.internal.FigureGauges;
import io.bta.tokenomics.analytics.internal.SnapshotStore;
import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerFigures;
import io.bta.tokenomics.ledger.Token;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.TimeRange;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.staking.Staking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The analytics facade: snapshots of every token's figures (scheduled and on demand), the series
 * they make, and an overview of the figures now.
 *
 * <p>Promises: snapshot takers, on any instance, queue on one row lock, so each snapshot's flows
 * start where the previous one's ended and no ledger transaction is counted twice or missed; a
 * scheduled snapshot is stored once per due time (also guarded by a unique index).
 */
@Service
public class Analytics {

    /** The actor recorded for scheduled snapshots. */
    public static final EntityId SCHEDULER = EntityId.of("system:analytics");

    /** Timestamps the database can bin: from the epoch to the end of year 9999. */
    private static final Instant EARLIEST = Instant.EPOCH;

    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final SnapshotStore store;
    private final FigureGauges gauges;
    private final Ledger ledger;
    private final Staking staking;
    private final Rewards rewards;
    private final Governance governance;
    private final Clock clock;
    private final AnalyticsProperties properties;

    Analytics(
            SnapshotStore store,
            FigureGauges gauges,
            Ledger ledger,
            Staking staking,
            Rewards rewards,
            Governance governance,
            Clock clock,
            AnalyticsProperties properties) {
        this.store = store;
        this.gauges = gauges;
        this.ledger = ledger;
        this.staking = staking;
        this.rewards = rewards;
        this.governance = governance;
        this.clock = clock;
        this.properties = properties;
    }

    /** Takes a snapshot now, whatever the schedule: one row per token, kind ON_DEMAND. */
    @Transactional
    public List<TokenSnapshot> snapshotNow(EntityId actor) {
        return take(SnapshotKind.ON_DEMAND, null, actor);
    }

    /**
     * Takes the scheduled snapshot of the current due time (the clock truncated to the snapshot
     * interval), unless it has been taken already, here or by another instance: then nothing
     * changes and the answer is empty.
     */
    @Transactional
    public List<TokenSnapshot> snapshotDue() {
        return take(SnapshotKind.SCHEDULED, dueTime(now()), SCHEDULER);
    }

    /** The due time a scheduled snapshot taken at {@code instant} belongs to. */
    public Instant dueTime(Instant instant) {
        long width = properties.snapshotInterval().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), width) * width);
    }

    private List<TokenSnapshot> take(SnapshotKind kind, Instant dueAt, EntityId actor) {
        var head = store.lockHead();
        if (kind == SnapshotKind.SCHEDULED && store.scheduledTaken(dueAt)) {
            return List.of();
        }
        var now = now();
        var figures = ledger.figures(head.lastSequence());
        if (figures.tokens().isEmpty()) {
            return List.of();
        }
        var staked = staking.stakedByToken();
        var claimed = rewards.claimedTotals();
        var previouslyClaimed = store.rewardTotals();
        var rows = new ArrayList<TokenSnapshot>();
        var totals = new HashMap<TokenId, BigDecimal>();
        for (var t : figures.tokens()) {
            var claimedNow = claimed.getOrDefault(t.tokenId(), Amount.ZERO).toBigDecimal();
            var rewardsMinted = claimedNow.subtract(previouslyClaimed.getOrDefault(t.tokenId(), BigDecimal.ZERO));
            totals.put(t.tokenId(), claimedNow);
            rows.add(new TokenSnapshot(
                    Ids.newId(clock),
                    t.tokenId(),
                    t.symbol(),
                    kind,
                    dueAt,
                    now,
                    actor,
                    figures.afterSequence(),
                    figures.lastSequence(),
                    t.totalSupply(),
                    t.totalSupply().minus(t.treasuryHolding()),
                    t.locked(),
                    staked.getOrDefault(t.tokenId(), Amount.ZERO),
                    t.holders(),
                    t.transactions(),
                    t.transferVolume(),
                    t.minted(),
                    t.burned(),
                    rewardsMinted.max(BigDecimal.ZERO)));
        }
        if (store.insert(rows) != rows.size()) {
            // only possible if a writer bypassed the head's lock; the unique index kept the first
            throw new IllegalStateException("the scheduled snapshot due at " + dueAt + " exists already");
        }
        store.advanceHead(figures.lastSequence(), now);
        store.saveRewardTotals(totals);
        afterCommit(() -> gauges.show(rows));
        return List.copyOf(rows);
    }

    /** The rows of the most recent snapshot, one per token (empty before the first). */
    @Transactional(readOnly = true)
    public List<TokenSnapshot> latest() {
        return store.latest(symbols());
    }

    /** A token's snapshots taken in {@code [from, to)}, oldest first. */
    @Transactional(readOnly = true)
    public List<TokenSnapshot> snapshots(String token, Instant from, Instant to) {
        var id = ledger.resolve(token);
        return store.between(id, from, to, symbols());
    }

    /**
     * A metric of a token in buckets over a closed range (its {@code from} before its {@code to},
     * as {@link TimeRange} ensures): {@code from} is rounded down and {@code to} up to bucket
     * boundaries; every bucket in between is answered, the empty ones with a null value.
     */
    @Transactional(readOnly = true)
    public Series series(String token, Metric metric, BucketSize size, TimeRange range) {
        var from = Objects.requireNonNull(range.from(), "a series needs a range with a start");
        var to = Objects.requireNonNull(range.to(), "a series needs a range with an end");
        var problems = new ArrayList<InvalidInput.FieldError>();
        if (from.isBefore(EARLIEST) || from.isAfter(LATEST)) {
            problems.add(new InvalidInput.FieldError("from", "must be between " + EARLIEST + " and " + LATEST));
        }
        if (to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            problems.add(new InvalidInput.FieldError("to", "must be between " + EARLIEST + " and " + LATEST));
        }
        long width = size.width().toMillis();
        long first = problems.isEmpty() ? Math.floorDiv(from.toEpochMilli(), width) : 0;
        long end = problems.isEmpty() ? Math.floorDiv(to.toEpochMilli() + width - 1, width) : 0;
        if (problems.isEmpty() && end - first > properties.maxBuckets()) {
            problems.add(new InvalidInput.FieldError(
                    "interval",
                    "the range holds " + (end - first) + " buckets of " + size.key() + "; at most "
                            + properties.maxBuckets() + " are answered (narrow the range or widen the interval)"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInput.of(problems);
        }
        var id = ledger.resolve(token);
        var start = Instant.ofEpochMilli(first * width);
        var stop = Instant.ofEpochMilli(end * width);
        var found = store.buckets(id, metric, size, start, stop).stream()
                .collect(Collectors.toMap(Series.Point::start, Function.identity()));
        var points = new ArrayList<Series.Point>();
        for (long b = first; b < end; b++) {
            var at = Instant.ofEpochMilli(b * width);
            points.add(found.getOrDefault(at, new Series.Point(at, null, 0)));
        }
        return new Series(id, ledger.symbolOf(id), metric, size, start, stop, points);
    }

    /** The figures now (read live), with each token's {@code topHolders} largest holdings. */
    @Transactional(readOnly = true)
    public Overview overview(int topHolders) {
        if (topHolders < 1 || topHolders > properties.maxTopHolders()) {
            throw InvalidInput.field("limit", "must be between 1 and " + properties.maxTopHolders());
        }
        var now = now();
        LedgerFigures figures = ledger.figures(Long.MAX_VALUE);
        var staked = staking.stakedByToken();
        var tokens = new ArrayList<Overview.TokenFigures>();
        var governanceToken = ledger.tokens().stream()
                .filter(t -> t.type() == TokenType.GOVERNANCE)
                .map(Token::id)
                .findFirst()
                .orElse(null);
        long governanceHolders = 0;
        for (var t : figures.tokens()) {
            if (t.tokenId().equals(governanceToken)) {
                governanceHolders = t.holders();
            }
            tokens.add(new Overview.TokenFigures(
                    t.tokenId(),
                    t.symbol(),
                    t.totalSupply(),
                    t.totalSupply().minus(t.treasuryHolding()),
                    t.locked(),
                    staked.getOrDefault(t.tokenId(), Amount.ZERO),
                    t.holders(),
                    t.totalMinted(),
                    t.totalBurned(),
                    ledger.topHolders(t.tokenId(), topHolders).stream()
                            .map(Overview.Holder::of)
                            .toList()));
        }
        var participation = governance.participation();
        var rate = governanceHolders == 0
                ? null
                : BigDecimal.valueOf(participation.voters())
                        .divide(BigDecimal.valueOf(governanceHolders), 6, RoundingMode.HALF_EVEN);
        var governanceFigures = new Overview.GovernanceFigures(
                participation.proposals(),
                participation.proposalsByStatus(),
                participation.votesCast(),
                participation.voters(),
                governanceHolders,
                rate);
        return new Overview(
                now,
                figures.lastSequence(),
                tokens,
                governanceFigures,
                store.head().lastTakenAt());
    }

    private Function<TokenId, String> symbols() {
        return ledger::symbolOf;
    }

    private Instant now() {
        return clock.instant();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
