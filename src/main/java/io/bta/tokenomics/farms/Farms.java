package io.bta.tokenomics.farms;

import io.bta.tokenomics.farms.FarmEvents.PositionChanged;
import io.bta.tokenomics.farms.FarmEvents.PositionChanged.Kind;
import io.bta.tokenomics.farms.internal.FarmStore;
import io.bta.tokenomics.farms.internal.FarmStore.FarmRow;
import io.bta.tokenomics.farms.internal.FarmStore.PositionRow;
import io.bta.tokenomics.farms.internal.FarmStore.ProgramRow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The farms' facade: the program's rate, farms and their weights, deposits, withdrawals, harvests,
 * emergency withdrawals and kicks.
 *
 * <p>Promises: every payout is a mint of BTA-REWARD inside the rewards' emission budget, and a
 * harvest the budget cannot cover is refused whole with the pending amount kept (never a short
 * payment); the positions of a farm are never paid more than it emitted, rounding down with the
 * remainders carried ({@link FarmAccrual}, {@link FarmPosition}); every farm is settled at the old
 * rate and weights before the rate or a weight changes (no retroactive rate); deposits lock the
 * tokens in their owner's ledger balance, withdrawals unlock them.
 *
 * <p>Lock order: the program row ({@code for update} to change the rate or a weight, which then
 * locks every farm in id order; {@code for key share} for a position's action), then the farm row,
 * then the position row, then the ledger's balances.
 */
@Service
public class Farms {

    /** The actor recorded on the ledger for payouts. */
    public static final EntityId ISSUER = EntityId.of("system:farms");

    static final BigInteger UNITS = BigInteger.TEN.pow(Amount.SCALE);
    static final BigDecimal SECONDS_PER_YEAR = BigDecimal.valueOf(31_536_000);

    private final FarmStore store;
    private final Ledger ledger;
    private final Trust trust;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate writes;
    private final FarmsProperties properties;
    private final BigInteger initialRate;

    Farms(
            FarmStore store,
            Ledger ledger,
            Trust trust,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            FarmsProperties properties) {
        this.store = store;
        this.ledger = ledger;
        this.trust = trust;
        this.clock = clock;
        this.events = events;
        this.writes = new TransactionTemplate(transactions.getTransactionManager());
        this.properties = properties;
        this.initialRate = Amount.parse(properties.rewardPerSecond()).units();
        properties.boost(); // refuses a bad boost at start
    }

    // ---- the program and its farms

    /** Creates the farm of {@code stakeToken} (one per token: 409 {@code FARM_EXISTS}), settling every farm first. */
    @Transactional
    public Farm createFarm(TokenId stakeToken, long allocPoint, Instant startsAt, Instant endsAt) {
        checkWeight(allocPoint);
        var now = clock.instant();
        var program = store.program(initialRate, now, " for update");
        store.farmOfToken(stakeToken).ifPresent(f -> {
            throw FarmsProblems.tokenHasFarm(ledger.symbolOf(stakeToken), f.id());
        });
        var starts = startsAt == null || startsAt.isBefore(now) ? now : startsAt;
        if (endsAt != null && !endsAt.isAfter(starts)) {
            throw io.bta.tokenomics.shared.error.InvalidInput.field("endsAt", "must be after startsAt and now");
        }
        settleAll(program, now);
        var row = new FarmRow(
                new FarmId(Ids.newId(clock)),
                stakeToken,
                allocPoint,
                starts,
                endsAt,
                BigInteger.ZERO,
                FarmAccrual.startingAt(starts.getEpochSecond()),
                now);
        store.insertFarm(row);
        store.updateProgram(program.rewardPerSecond(), program.totalAllocPoint() + allocPoint, now);
        return view(row, new ProgramRow(program.rewardPerSecond(), program.totalAllocPoint() + allocPoint), now);
    }

    /** Changes a farm's weight from now on, every farm settled at the old weights first. */
    @Transactional
    public Farm setWeight(FarmId id, long allocPoint) {
        checkWeight(allocPoint);
        var now = clock.instant();
        var program = store.program(initialRate, now, " for update");
        var farms = settleAll(program, now);
        var farm = farms.stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> FarmsProblems.unknownFarm(id.toString()));
        var changed = new FarmRow(
                farm.id(),
                farm.stakeToken(),
                allocPoint,
                farm.startsAt(),
                farm.endsAt(),
                farm.totalStaked(),
                farm.accrual(),
                farm.createdAt());
        store.updateFarm(changed);
        long total = program.totalAllocPoint() - farm.allocPoint() + allocPoint;
        store.updateProgram(program.rewardPerSecond(), total, now);
        return view(changed, new ProgramRow(program.rewardPerSecond(), total), now);
    }

    /** Changes the program's BTA-REWARD per second from now on, every farm settled at the old rate first. */
    @Transactional
    public Amount setRate(Amount rewardPerSecond) {
        if (rewardPerSecond.isNegative()) {
            throw new IllegalArgumentException("rewardPerSecond must not be negative");
        }
        var now = clock.instant();
        var program = store.program(initialRate, now, " for update");
        settleAll(program, now);
        store.updateProgram(rewardPerSecond.units(), program.totalAllocPoint(), now);
        return rewardPerSecond;
    }

    /** The program's BTA-REWARD per second for all farms together. */
    @Transactional
    public Amount rate() {
        return Amount.ofUnits(store.program(initialRate, clock.instant(), "").rewardPerSecond());
    }

    @Transactional
    public List<Farm> farms() {
        var now = clock.instant();
        var program = store.program(initialRate, now, "");
        return store.farms(false).stream().map(f -> view(f, program, now)).toList();
    }

    @Transactional
    public Farm farm(FarmId id) {
        var now = clock.instant();
        var program = store.program(initialRate, now, "");
        return view(store.farm(id, false).orElseThrow(() -> FarmsProblems.unknownFarm(id.toString())), program, now);
    }

    // ---- positions

    /** Locks {@code amount} of the farm's token in the owner's balance and adds it to the position. */
    public Position deposit(EntityId owner, FarmId id, Amount amount) {
        var score = trust.scoreOf(owner).score();
        return writes.execute(status -> act(owner, id, score, Kind.DEPOSIT, amount));
    }

    /** Takes {@code amount} out of the position and unlocks it; what is pending stays pending. */
    public Position withdraw(EntityId owner, FarmId id, Amount amount) {
        var score = trust.scoreOf(owner).score();
        return writes.execute(status -> act(owner, id, score, Kind.WITHDRAW, amount));
    }

    /** Pays what is pending as a mint of BTA-REWARD, inside the emission budget, or refuses it whole. */
    public Position harvest(EntityId owner, FarmId id) {
        var score = trust.scoreOf(owner).score();
        return writes.execute(status -> act(owner, id, score, Kind.HARVEST, null));
    }

    /** The principal back at once; what was pending is forfeited. */
    public Position emergencyWithdraw(EntityId owner, FarmId id) {
        var score = trust.scoreOf(owner).score();
        return writes.execute(status -> act(owner, id, score, Kind.EMERGENCY_WITHDRAW, null));
    }

    /** Recomputes a position's working amount from its owner's trust score now: anyone may. */
    public Position kick(EntityId owner, FarmId id) {
        var score = trust.scoreOf(owner).score();
        return writes.execute(status -> act(owner, id, score, Kind.KICK, null));
    }

    private Position act(EntityId owner, FarmId id, BigDecimal score, Kind kind, Amount amount) {
        var now = clock.instant();
        var program = store.program(initialRate, now, " for key share");
        var farm = store.farm(id, true).orElseThrow(() -> FarmsProblems.unknownFarm(id.toString()));
        if (kind == Kind.DEPOSIT && farm.endsAt() != null && !now.isBefore(farm.endsAt())) {
            throw FarmsProblems.farmEnded(farm.endsAt().toString());
        }
        var accrual = accrued(farm, program, now);
        var existing = store.position(id, owner, true);
        if (existing.isEmpty() && kind != Kind.DEPOSIT) {
            throw FarmsProblems.noPosition();
        }
        var before = existing.map(PositionRow::position).orElse(FarmPosition.EMPTY);
        var acc = accrual.accRewardPerShare();
        var boost = properties.boost();
        int trustScore = score.setScale(0, RoundingMode.DOWN).intValueExact();
        var token = farm.stakeToken();
        var memo = "farm " + id + " "
                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        FarmPosition after;
        BigInteger stakedDelta = BigInteger.ZERO;
        Amount moved = amount;
        switch (kind) {
            case DEPOSIT -> {
                var newAmount = before.amount().add(amount.units());
                after = before.withAmounts(acc, newAmount, boost.workingAmount(newAmount, trustScore));
                stakedDelta = amount.units();
                ledger.lock(token, owner, amount, memo, owner);
            }
            case WITHDRAW -> {
                if (before.amount().compareTo(amount.units()) < 0) {
                    throw FarmsProblems.notStaked(
                            Amount.ofUnits(before.amount()).toString(), amount.toString());
                }
                var newAmount = before.amount().subtract(amount.units());
                after = before.withAmounts(acc, newAmount, boost.workingAmount(newAmount, trustScore));
                stakedDelta = amount.units().negate();
                ledger.unlock(token, owner, amount, memo, owner);
            }
            case EMERGENCY_WITHDRAW -> {
                after = before.emergencyWithdrawn();
                stakedDelta = before.amount().negate();
                moved = Amount.ofUnits(before.amount());
                if (moved.isPositive()) {
                    ledger.unlock(token, owner, moved, memo, owner);
                }
            }
            case HARVEST -> {
                var rebased =
                        before.withAmounts(acc, before.amount(), boost.workingAmount(before.amount(), trustScore));
                if (rebased.pending().signum() == 0) {
                    throw FarmsProblems.nothingToHarvest();
                }
                after = rebased.harvest(acc);
                moved = Amount.ofUnits(rebased.pending());
                ledger.mint(ledger.resolve(TokenType.REWARD), owner, moved, memo, ISSUER);
            }
            case KICK -> {
                after = before.withAmounts(acc, before.amount(), boost.workingAmount(before.amount(), trustScore));
                moved = Amount.ZERO;
            }
            default -> throw new IllegalStateException(kind.name());
        }
        var updated = new FarmRow(
                farm.id(),
                farm.stakeToken(),
                farm.allocPoint(),
                farm.startsAt(),
                farm.endsAt(),
                farm.totalStaked().add(stakedDelta),
                accrual.withWorkingDelta(after.workingAmount().subtract(before.workingAmount())),
                farm.createdAt());
        store.updateFarm(updated);
        var scoreAt = score.setScale(6, RoundingMode.DOWN);
        store.savePosition(new PositionRow(id, owner, after, scoreAt), now);
        events.publishEvent(new PositionChanged(
                Ids.newId(clock),
                id,
                owner,
                kind,
                moved,
                Amount.ofUnits(after.amount()),
                Amount.ofUnits(after.workingAmount()),
                scoreAt,
                now));
        return positionView(id, owner, after, scoreAt, now);
    }

    /** The position now: what it is owed computed as of now, nothing written. */
    @Transactional
    public Position position(FarmId id, EntityId owner) {
        var now = clock.instant();
        var program = store.program(initialRate, now, "");
        var farm = store.farm(id, false).orElseThrow(() -> FarmsProblems.unknownFarm(id.toString()));
        var row = store.position(id, owner, false);
        if (row.isEmpty()) {
            return positionView(id, owner, FarmPosition.EMPTY, BigDecimal.ZERO, now);
        }
        var settled = row.get().position().settle(accrued(farm, program, now).accRewardPerShare());
        return positionView(id, owner, settled, row.get().trustScore(), now);
    }

    /** Every position of an entity, as of now. */
    @Transactional
    public List<Position> positionsOf(EntityId owner) {
        return store.positionsOf(owner).stream()
                .map(p -> position(p.farmId(), owner))
                .toList();
    }

    // ---- accrual

    /** Every farm, locked in id order, accrued to now at the program's current rate and weights, and written. */
    private List<FarmRow> settleAll(ProgramRow program, Instant now) {
        return store.farms(true).stream()
                .map(f -> {
                    var settled = new FarmRow(
                            f.id(),
                            f.stakeToken(),
                            f.allocPoint(),
                            f.startsAt(),
                            f.endsAt(),
                            f.totalStaked(),
                            accrued(f, program, now),
                            f.createdAt());
                    store.updateFarm(settled);
                    return settled;
                })
                .toList();
    }

    /** The farm's accrual brought to now (or to its end), at the program's rate and weights. */
    private static FarmAccrual accrued(FarmRow farm, ProgramRow program, Instant now) {
        var until = farm.endsAt() != null && farm.endsAt().isBefore(now) ? farm.endsAt() : now;
        return farm.accrual()
                .accrueTo(
                        until.getEpochSecond(),
                        program.rewardPerSecond(),
                        farm.allocPoint(),
                        Math.max(program.totalAllocPoint(), farm.allocPoint()));
    }

    private Farm view(FarmRow farm, ProgramRow program, Instant now) {
        var share = program.totalAllocPoint() == 0
                ? BigInteger.ZERO
                : program.rewardPerSecond()
                        .multiply(BigInteger.valueOf(farm.allocPoint()))
                        .divide(BigInteger.valueOf(program.totalAllocPoint()));
        Farm.Status status = now.isBefore(farm.startsAt())
                ? Farm.Status.SCHEDULED
                : farm.endsAt() != null && !now.isBefore(farm.endsAt()) ? Farm.Status.ENDED : Farm.Status.ACTIVE;
        BigDecimal apr = status != Farm.Status.ACTIVE || farm.totalStaked().signum() == 0
                ? null
                : new BigDecimal(share)
                        .multiply(SECONDS_PER_YEAR)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(new BigDecimal(farm.totalStaked()), 6, RoundingMode.DOWN);
        return new Farm(
                farm.id(),
                farm.stakeToken(),
                ledger.symbolOf(farm.stakeToken()),
                farm.allocPoint(),
                Amount.ofUnits(farm.totalStaked()),
                Amount.ofUnits(share),
                apr,
                farm.startsAt(),
                farm.endsAt(),
                status,
                Amount.ofUnits(farm.accrual().emitted()));
    }

    private Position positionView(FarmId id, EntityId owner, FarmPosition p, BigDecimal score, Instant now) {
        int boostBps = p.amount().signum() == 0
                ? TrustBoost.ONE_X_BPS
                : new BigDecimal(p.workingAmount())
                        .multiply(BigDecimal.valueOf(TrustBoost.ONE_X_BPS))
                        .divide(new BigDecimal(p.amount()), 0, RoundingMode.DOWN)
                        .intValueExact();
        return new Position(
                id,
                owner,
                Amount.ofUnits(p.amount()),
                Amount.ofUnits(p.workingAmount()),
                Amount.ofUnits(p.pending()),
                Amount.ofUnits(p.harvested()),
                score,
                boostBps,
                now);
    }

    private static void checkWeight(long allocPoint) {
        if (allocPoint < 0 || allocPoint > 1_000_000) {
            throw io.bta.tokenomics.shared.error.InvalidInput.field("allocPoint", "must be from 0 to 1000000");
        }
    }
}
