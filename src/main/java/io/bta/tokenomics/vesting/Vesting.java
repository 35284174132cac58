package io.bta.tokenomics.vesting;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.vesting.VestingEvents.Created;
import io.bta.tokenomics.vesting.VestingEvents.Released;
import io.bta.tokenomics.vesting.VestingEvents.Revoked;
import io.bta.tokenomics.vesting.internal.VestingStore;
import io.bta.tokenomics.vesting.internal.VestingStore.GrantRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vesting facade: grants, releases, revocations.
 *
 * <p>Promises: a grant's total leaves the treasury for its escrow, locked there, in the
 * transaction that creates it; a release pays exactly {@code vested − released} at that moment and
 * nothing is released twice, whatever the concurrency (the grant row is locked first); a revocation
 * happens once, returns exactly what had not vested, and leaves what had vested releasable; a
 * refusal moves nothing.
 *
 * <p>Lock order: the grant row, then the ledger's balances.
 */
@Service
public class Vesting {

    /** The prefix of a grant's escrow entity ({@code vesting:<id>}), whose tokens only vesting moves. */
    public static final String ESCROW_PREFIX = "vesting:";

    /** The actor recorded on the ledger for the escrow's movements: its custodian. */
    public static final EntityId ISSUER = EntityId.of("system:vesting");

    /** The most grants one list answers. */
    public static final int MAX_LIST = 200;

    private final VestingStore store;
    private final Ledger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Vesting(VestingStore store, Ledger ledger, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    /** Creates a grant: the total moves from the treasury to its escrow and is locked there, atomically. */
    @Transactional
    public Grant create(
            EntityId beneficiary, TokenId token, VestingSchedule schedule, boolean revocable, EntityId actor) {
        var now = clock.instant();
        var id = new VestingId(Ids.newId(clock));
        var row = new GrantRow(id, beneficiary, token, schedule, revocable, Amount.ZERO, null, null, actor, now);
        store.insert(row);
        var memo = "vesting " + id;
        ledger.applyAllOrNothing(List.of(
                new LedgerOperation.Transfer(token, ledger.treasury(), id.escrow(), schedule.total(), memo, actor),
                new LedgerOperation.Lock(token, id.escrow(), schedule.total(), memo, ISSUER)));
        events.publishEvent(new Created(
                id,
                beneficiary,
                token,
                schedule.total(),
                schedule.start(),
                schedule.cliff().toSeconds(),
                schedule.duration().toSeconds(),
                revocable,
                now));
        return view(row, now);
    }

    @Transactional(readOnly = true)
    public Grant grant(VestingId id) {
        return view(
                store.grant(id, false).orElseThrow(() -> VestingProblems.unknownGrant(id.toString())), clock.instant());
    }

    /** A beneficiary's grants, newest first (at most {@value #MAX_LIST}). */
    @Transactional(readOnly = true)
    public List<Grant> grantsOf(EntityId beneficiary) {
        var now = clock.instant();
        return store.grantsOf(beneficiary, MAX_LIST).stream()
                .map(r -> view(r, now))
                .toList();
    }

    /**
     * Pays the beneficiary what is releasable now: {@code 409 NOTHING_TO_RELEASE} when that is
     * zero. The escrow's tokens are unlocked and transferred in one all-or-nothing ledger call.
     */
    @Transactional
    public Release release(VestingId id, EntityId actor) {
        var row = store.grant(id, true).orElseThrow(() -> VestingProblems.unknownGrant(id.toString()));
        var now = clock.instant();
        var releasable = vested(row, now).minus(row.released());
        if (!releasable.isPositive()) {
            throw VestingProblems.nothingToRelease(nextVestingAt(row, now));
        }
        var memo = "vesting " + id + " release" + (actor.equals(row.beneficiaryId()) ? "" : " by " + actor);
        var moved = ledger.applyAllOrNothing(List.of(
                new LedgerOperation.Unlock(row.tokenId(), id.escrow(), releasable, memo, ISSUER),
                new LedgerOperation.Transfer(
                        row.tokenId(), id.escrow(), row.beneficiaryId(), releasable, memo, ISSUER)));
        store.addReleased(id, releasable);
        var transfer = moved.get(1);
        events.publishEvent(new Released(id, row.beneficiaryId(), row.tokenId(), releasable, transfer.id(), now));
        return new Release(releasable, transfer, grant(id));
    }

    /**
     * Revokes a revocable grant, once: what has vested now stays releasable (and is all that will
     * ever vest), the rest is unlocked and returned to the treasury.
     */
    @Transactional
    public Revocation revoke(VestingId id, EntityId actor) {
        var row = store.grant(id, true).orElseThrow(() -> VestingProblems.unknownGrant(id.toString()));
        if (!row.revocable()) {
            throw VestingProblems.notRevocable();
        }
        if (row.revokedAt() != null) {
            throw VestingProblems.alreadyRevoked(row.revokedAt());
        }
        var now = clock.instant();
        var vested = row.schedule().vestedAt(now);
        var unvested = row.schedule().total().minus(vested);
        var memo = "vesting " + id + " revoked by " + actor;
        var transaction = unvested.isZero()
                ? null
                : ledger.applyAllOrNothing(List.of(
                                new LedgerOperation.Unlock(row.tokenId(), id.escrow(), unvested, memo, ISSUER),
                                new LedgerOperation.Transfer(
                                        row.tokenId(), id.escrow(), ledger.treasury(), unvested, memo, ISSUER)))
                        .get(1);
        store.markRevoked(id, now, vested);
        events.publishEvent(new Revoked(id, row.beneficiaryId(), row.tokenId(), vested, unvested, now));
        return new Revocation(unvested, transaction, grant(id));
    }

    /** What has vested at {@code t}: the schedule's, frozen at the revocation if there was one. */
    private static Amount vested(GrantRow row, Instant t) {
        var vested = row.schedule().vestedAt(t);
        return row.vestedAtRevoke() == null ? vested : vested.min(row.vestedAtRevoke());
    }

    /** When more will vest after {@code now}, or null if nothing more ever will. */
    private static Instant nextVestingAt(GrantRow row, Instant now) {
        if (row.revokedAt() != null || !now.isBefore(row.schedule().endsAt())) {
            return null;
        }
        return now.isBefore(row.schedule().cliffEndsAt()) ? row.schedule().cliffEndsAt() : now;
    }

    private Grant view(GrantRow row, Instant now) {
        var schedule = row.schedule();
        var vested = vested(row, now);
        var ceiling = row.vestedAtRevoke() == null ? schedule.total() : row.vestedAtRevoke();
        Grant.Status status;
        if (row.released().compareTo(ceiling) >= 0) {
            status = Grant.Status.COMPLETED;
        } else if (row.revokedAt() != null) {
            status = Grant.Status.REVOKED;
        } else if (now.isBefore(schedule.cliffEndsAt())) {
            status = Grant.Status.BEFORE_CLIFF;
        } else if (now.isBefore(schedule.endsAt())) {
            status = Grant.Status.VESTING;
        } else {
            status = Grant.Status.VESTED;
        }
        return new Grant(
                row.id(),
                row.beneficiaryId(),
                row.tokenId(),
                ledger.symbolOf(row.tokenId()),
                schedule.total(),
                schedule.start(),
                schedule.cliff().toSeconds(),
                schedule.duration().toSeconds(),
                schedule.cliffEndsAt(),
                schedule.endsAt(),
                row.revocable(),
                vested,
                row.released(),
                vested.minus(row.released()),
                status,
                row.revokedAt(),
                row.vestedAtRevoke() == null ? null : schedule.total().minus(row.vestedAtRevoke()),
                row.id().escrow(),
                row.createdBy(),
                row.createdAt(),
                now);
    }
}
