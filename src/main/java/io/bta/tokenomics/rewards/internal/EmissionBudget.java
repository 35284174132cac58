package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.MintPolicy;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.rewards.EmissionState;
import io.bta.tokenomics.rewards.RewardProblems.EmissionBudgetExceeded;
import io.bta.tokenomics.rewards.RewardsProperties;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The emission budget of BTA-REWARD, per epoch (ADR 0009). Epoch {@code n} starts at the token's
 * creation plus {@code n × epochLength}; its row is created by the first reservation, mint or read
 * in it, with {@code budget = max(rate × supply then, bootstrap)}. Rewards reserve against it when
 * distributed; every mint of BTA-REWARD passes {@link #admit}, which refuses one beyond the budget
 * or turns a claimed reward's reservation into a mint of the epoch it was reserved in.
 *
 * <p>Lock order: an epoch row is locked ({@code for no key update}, so that the foreign key checks
 * of new rewards do not conflict with it) after the ledger's locks and after any reward row.
 */
@Component
public class EmissionBudget implements MintPolicy {

    static final String TOKEN = "BTA-REWARD";

    record Epoch(
            int epoch,
            Instant startsAt,
            Instant endsAt,
            Amount supplyAtStart,
            BigDecimal inflationRate,
            Amount budget,
            Amount minted,
            Amount reserved) {
        Amount remaining() {
            return budget.minus(minted).minus(reserved);
        }

        EmissionState state() {
            return new EmissionState(
                    epoch, startsAt, endsAt, supplyAtStart, inflationRate, budget, minted, reserved, remaining());
        }
    }

    /** A claim's mint under way on this thread: the ledger's call to {@link #admit} consumes it. */
    private record Claim(EntityId to, Amount amount, int epoch) {}

    private final ThreadLocal<Claim> claimInProgress = new ThreadLocal<>();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ledger ledger;
    private final RewardSettings settings;
    private final Duration epochLength;

    EmissionBudget(JdbcClient jdbc, Clock clock, Ledger ledger, RewardSettings settings, RewardsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ledger = ledger;
        this.settings = settings;
        this.epochLength = properties.epochLength();
    }

    /** The current epoch, opened if it was not yet. */
    public EmissionState current() {
        int epoch = open();
        return find(epoch, false).state();
    }

    /** The number of the epoch an instant falls in (its row is not created). */
    public int epochAt(Instant instant) {
        var origin = ledger.token(TOKEN).createdAt();
        return Duration.between(origin, instant).isNegative()
                ? 0
                : Math.toIntExact(Duration.between(origin, instant).dividedBy(epochLength));
    }

    /** The current epoch's number; its row is created if it does not exist yet. */
    public int openEpoch() {
        return open();
    }

    /** Reserves an amount in an epoch, or refuses it beyond the epoch's remaining budget. */
    public void reserve(int number, Amount amount) {
        var epoch = find(number, true);
        if (amount.isGreaterThan(epoch.remaining())) {
            throw EmissionBudgetExceeded.of(epoch.epoch(), epoch.budget(), epoch.remaining(), amount);
        }
        jdbc.sql("update rewards_epochs set reserved = reserved + ? where epoch = ?")
                .param(amount.toBigDecimal())
                .param(epoch.epoch())
                .update();
        adjustPending(epoch.epoch(), amount.negate());
    }

    /** Gives back the reservations of expired rewards, one epoch at a time in epoch order. */
    public void release(int epoch, Amount amount) {
        jdbc.sql("update rewards_epochs set reserved = reserved - ? where epoch = ?")
                .param(amount.toBigDecimal())
                .param(epoch)
                .update();
        adjustPending(epoch, amount);
    }

    /**
     * Runs a claim's mint: the reservation the reward holds in {@code epoch} pays for it, instead of
     * the current epoch's remaining budget. The caller holds the reward's row lock, not an epoch's.
     */
    public <T> T claiming(EntityId to, Amount amount, int epoch, Supplier<T> mint) {
        claimInProgress.set(new Claim(to, amount, epoch));
        try {
            return mint.get();
        } finally {
            claimInProgress.remove();
        }
    }

    @Override
    public void admit(LedgerOperation.Mint mint, TokenType tokenType) {
        if (tokenType != TokenType.REWARD) {
            return;
        }
        var claim = claimInProgress.get();
        if (claim != null && claim.to().equals(mint.to()) && claim.amount().equals(mint.amount())) {
            claimInProgress.remove(); // one reservation pays for one mint
            find(claim.epoch(), true);
            jdbc.sql("update rewards_epochs set reserved = reserved - ?, minted = minted + ? where epoch = ?")
                    .param(mint.amount().toBigDecimal())
                    .param(mint.amount().toBigDecimal())
                    .param(claim.epoch())
                    .update();
            return;
        }
        // Within one transaction the epoch row stays locked from the first mint on, so the running
        // remainder kept here is exact; it is written once, before the commit (a distribution
        // mints thousands at a time).
        var pending = pendingMints();
        if (mint.amount().isGreaterThan(pending.remaining)) {
            throw EmissionBudgetExceeded.of(pending.epoch, pending.budget, pending.remaining, mint.amount());
        }
        pending.remaining = pending.remaining.minus(mint.amount());
        pending.unwritten = pending.unwritten.plus(mint.amount());
    }

    /** Mints admitted in the current transaction and not yet written to their epoch row. */
    private static final class PendingMints {
        final int epoch;
        final Amount budget;
        Amount remaining;
        Amount unwritten = Amount.ZERO;

        PendingMints(int epoch, Amount budget, Amount remaining) {
            this.epoch = epoch;
            this.budget = budget;
            this.remaining = remaining;
        }
    }

    private PendingMints pendingMints() {
        var pending = (PendingMints) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            return pending;
        }
        var epoch = find(open(), true);
        var fresh = new PendingMints(epoch.epoch(), epoch.budget(), epoch.remaining());
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                flushPendingMints();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EmissionBudget.this);
            }
        });
        return fresh;
    }

    /** Keeps this transaction's running remainder true when a reservation changes in the same epoch. */
    private void adjustPending(int epoch, Amount change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof PendingMints pending
                && pending.epoch == epoch) {
            pending.remaining = pending.remaining.plus(change);
        }
    }

    /** Writes the mints admitted so far in this transaction, so that a read of the epoch row sees them. */
    private void flushPendingMints() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        var pending = (PendingMints) TransactionSynchronizationManager.getResource(this);
        if (pending == null || pending.unwritten.isZero()) {
            return;
        }
        jdbc.sql("update rewards_epochs set minted = minted + ? where epoch = ?")
                .param(pending.unwritten.toBigDecimal())
                .param(pending.epoch)
                .update();
        pending.unwritten = Amount.ZERO;
    }

    /** Creates the current epoch's row if it does not exist yet, and returns its number. */
    private int open() {
        var token = ledger.token(TOKEN);
        var now = clock.instant();
        long elapsed = Duration.between(token.createdAt(), now).isNegative()
                ? 0
                : Duration.between(token.createdAt(), now).dividedBy(epochLength);
        int epoch = Math.toIntExact(elapsed);
        var exists = jdbc.sql("select count(*) from rewards_epochs where epoch = ?")
                        .param(epoch)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            var snapshot = settings.current();
            var supply = token.totalSupply();
            var byRate = supply.timesRoundedDown(snapshot.inflationRate());
            var budget = byRate.isGreaterThan(snapshot.bootstrapEmission()) ? byRate : snapshot.bootstrapEmission();
            var startsAt = token.createdAt().plus(epochLength.multipliedBy(epoch));
            jdbc.sql(
                            """
                            insert into rewards_epochs (epoch, starts_at, ends_at, supply_at_start, inflation_rate, budget)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict do nothing
                            """)
                    .param(epoch)
                    .param(Timestamp.from(startsAt))
                    .param(Timestamp.from(startsAt.plus(epochLength)))
                    .param(supply.toBigDecimal())
                    .param(snapshot.inflationRate())
                    .param(budget.toBigDecimal())
                    .update();
        }
        return epoch;
    }

    private Epoch find(int epoch, boolean lock) {
        flushPendingMints();
        return jdbc.sql("select * from rewards_epochs where epoch = ?" + (lock ? " for no key update" : ""))
                .param(epoch)
                .query(EmissionBudget::epoch)
                .single();
    }

    private static Epoch epoch(ResultSet rs, int row) throws SQLException {
        return new Epoch(
                rs.getInt("epoch"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                Amount.of(rs.getBigDecimal("supply_at_start")),
                rs.getBigDecimal("inflation_rate").stripTrailingZeros(),
                Amount.of(rs.getBigDecimal("budget")),
                Amount.of(rs.getBigDecimal("minted")),
                Amount.of(rs.getBigDecimal("reserved")));
    }
}
