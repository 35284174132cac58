package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.MintPolicy;
import io.bta.tokenomics.ledger.MintReservation;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.rewards.EmissionRule;
import io.bta.tokenomics.rewards.EmissionState;
import io.bta.tokenomics.rewards.RewardStatus;
import io.bta.tokenomics.rewards.RewardsProperties;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The emission budget of BTA-REWARD, per epoch (ADR 0009), kept in {@code rewards_epochs}: the
 * arithmetic is {@link EmissionRule}'s and {@link EmissionState}'s, this class reads and writes the
 * rows. An epoch's row is created by the first reservation or mint in it. Rewards reserve against it
 * when distributed; every mint of BTA-REWARD passes {@link #admit}, which turns a claimed reward's
 * reservation (named by the mint) into a mint of the epoch it was reserved in, and charges any other
 * mint to the current epoch, refused beyond its budget.
 *
 * <p>Lock order: an epoch row is locked ({@code for no key update}, so that the foreign key checks
 * of new rewards do not conflict with it) after the ledger's locks and after any reward row.
 */
@Component
public class EmissionBudget implements MintPolicy {

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

    /**
     * The current epoch, as stored; one not opened yet reads as it would open now (the supply and
     * settings of now, nothing minted or reserved), and its row is not created.
     */
    public EmissionState current() {
        var token = ledger.token(TokenType.REWARD);
        var rule = rule(token.createdAt());
        int epoch = rule.epochAt(clock.instant());
        return find(epoch, false).orElseGet(() -> opening(rule, epoch, token.totalSupply()));
    }

    /** The number of the epoch an instant falls in (its row is not created). */
    public int epochAt(Instant instant) {
        return rule(ledger.token(TokenType.REWARD).createdAt()).epochAt(instant);
    }

    /** The current epoch's number; its row is created if it does not exist yet. */
    public int openEpoch() {
        var token = ledger.token(TokenType.REWARD);
        var rule = rule(token.createdAt());
        int epoch = rule.epochAt(clock.instant());
        if (find(epoch, false).isEmpty()) {
            var opened = opening(rule, epoch, token.totalSupply());
            jdbc.sql(
                            """
                            insert into rewards_epochs (epoch, starts_at, ends_at, supply_at_start, inflation_rate, budget)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict do nothing
                            """)
                    .param(opened.epoch())
                    .param(Timestamp.from(opened.startsAt()))
                    .param(Timestamp.from(opened.endsAt()))
                    .param(opened.supplyAtStart().toBigDecimal())
                    .param(opened.inflationRate())
                    .param(opened.budget().toBigDecimal())
                    .update();
        }
        return epoch;
    }

    /** Reserves an amount in an epoch, or refuses it beyond the epoch's remaining budget. */
    public void reserve(int number, Amount amount) {
        var epoch = lock(number).reserving(amount); // refuses beyond the budget
        jdbc.sql("update rewards_epochs set reserved = reserved + ? where epoch = ?")
                .param(amount.toBigDecimal())
                .param(epoch.epoch())
                .update();
        pendingIn(number).ifPresent(p -> p.state = p.state.reserving(amount));
    }

    /** Gives back the reservations of expired rewards, one epoch at a time in epoch order. */
    public void release(int epoch, Amount amount) {
        jdbc.sql("update rewards_epochs set reserved = reserved - ? where epoch = ?")
                .param(amount.toBigDecimal())
                .param(epoch)
                .update();
        pendingIn(epoch).ifPresent(p -> p.state = p.state.releasing(amount));
    }

    /**
     * The mint that pays a claimed reward: it names the reward's reservation, so that {@link #admit}
     * pays it from there, in whatever transaction and on whatever thread the ledger applies it.
     */
    public static LedgerOperation.Mint claimMint(
            UUID rewardId, TokenId token, EntityId to, Amount amount, int epoch, EntityId actor) {
        return new LedgerOperation.Mint(
                token, to, amount, "reward " + rewardId, actor, new MintReservation(rewardId, epoch));
    }

    @Override
    public void admit(LedgerOperation.Mint mint, TokenType tokenType) {
        if (tokenType != TokenType.REWARD) {
            return;
        }
        var mints = mintsInTransaction();
        var reservation = mint.reservation();
        if (reservation != null && mints.reservationsUsed.add(reservation.id())) {
            if (holdsReservation(reservation, mint)) {
                lock(reservation.epoch()).claiming(mint.amount());
                jdbc.sql("update rewards_epochs set reserved = reserved - ?, minted = minted + ? where epoch = ?")
                        .param(mint.amount().toBigDecimal())
                        .param(mint.amount().toBigDecimal())
                        .param(reservation.epoch())
                        .update();
                pendingIn(reservation.epoch()).ifPresent(p -> p.state = p.state.claiming(mint.amount()));
                return;
            }
            mints.reservationsUsed.remove(reservation.id());
        }
        // Any other mint, and one naming a reservation it does not match, is charged to the current
        // epoch. Within one transaction the epoch row stays locked from the first such mint on, so
        // the running state kept here is exact; it is written once, before the commit (a staking
        // distribution mints thousands at a time).
        var pending = mints.pending();
        pending.state = pending.state.minting(mint.amount()); // refuses beyond the budget
        pending.unwritten = pending.unwritten.plus(mint.amount());
    }

    /**
     * Whether a PENDING reward holds that reservation for exactly this mint: the same recipient,
     * amount and epoch. A plain read, so a claim's mint applied by another transaction (the ledger's
     * group-commit writer) does not wait on the reward row the claim has locked.
     */
    private boolean holdsReservation(MintReservation reservation, LedgerOperation.Mint mint) {
        return jdbc.sql(
                                """
                        select count(*) from rewards
                        where id = ? and recipient_id = ? and amount = ? and epoch = ? and status = ?
                        """)
                        .param(reservation.id())
                        .param(mint.to().value())
                        .param(mint.amount().toBigDecimal())
                        .param(reservation.epoch())
                        .param(RewardStatus.PENDING.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * What this transaction's mints did so far: the reservations they consumed (one reservation pays
     * for one mint) and, from the first mint no reservation pays for, the current epoch as it stands
     * with them. Bound to the transaction, not to a thread's call: it lives exactly as long as the
     * transaction whose epoch row lock makes it exact.
     */
    private final class MintsInTransaction {
        final Set<UUID> reservationsUsed = new HashSet<>();
        PendingMints pending;

        PendingMints pending() {
            if (pending == null) {
                pending = new PendingMints(lock(openEpoch()));
            }
            return pending;
        }
    }

    /** The current epoch with the mints admitted in this transaction, and those not yet written. */
    private static final class PendingMints {
        EmissionState state;
        Amount unwritten = Amount.ZERO;

        PendingMints(EmissionState state) {
            this.state = state;
        }
    }

    private MintsInTransaction mintsInTransaction() {
        var mints = (MintsInTransaction) TransactionSynchronizationManager.getResource(this);
        if (mints != null) {
            return mints;
        }
        var fresh = new MintsInTransaction();
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

    /** This transaction's running state of an epoch, if its mints keep one. */
    private Optional<PendingMints> pendingIn(int epoch) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof MintsInTransaction mints
                && mints.pending != null
                && mints.pending.state.epoch() == epoch) {
            return Optional.of(mints.pending);
        }
        return Optional.empty();
    }

    /** Writes the mints admitted so far in this transaction, so that a read of the epoch row sees them. */
    private void flushPendingMints() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (!(TransactionSynchronizationManager.getResource(this) instanceof MintsInTransaction mints)
                || mints.pending == null
                || mints.pending.unwritten.isZero()) {
            return;
        }
        var pending = mints.pending;
        jdbc.sql("update rewards_epochs set minted = minted + ? where epoch = ?")
                .param(pending.unwritten.toBigDecimal())
                .param(pending.state.epoch())
                .update();
        pending.unwritten = Amount.ZERO;
    }

    private EmissionRule rule(Instant origin) {
        return new EmissionRule(origin, epochLength);
    }

    private EmissionState opening(EmissionRule rule, int epoch, Amount supply) {
        var snapshot = settings.current();
        return rule.opening(epoch, supply, snapshot.inflationRate().stripTrailingZeros(), snapshot.bootstrapEmission());
    }

    /** An epoch's row, locked; it exists (opened by a reservation, or by {@link #openEpoch}). */
    private EmissionState lock(int epoch) {
        return find(epoch, true).orElseThrow(() -> new IllegalStateException("epoch " + epoch + " is not open"));
    }

    private Optional<EmissionState> find(int epoch, boolean lock) {
        flushPendingMints();
        return jdbc.sql("select * from rewards_epochs where epoch = ?" + (lock ? " for no key update" : ""))
                .param(epoch)
                .query(EmissionBudget::epoch)
                .optional();
    }

    private static EmissionState epoch(ResultSet rs, int row) throws SQLException {
        return EmissionState.of(
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
