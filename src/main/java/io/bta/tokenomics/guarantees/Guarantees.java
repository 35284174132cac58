package io.bta.tokenomics.guarantees;

import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeAllocated;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeClaimed;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeReleased;
import io.bta.tokenomics.guarantees.internal.AllocationStore;
import io.bta.tokenomics.guarantees.internal.AllocationStore.AllocationRow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.error.DomainProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guarantees facade: BTA-GUAR allocations and their release, claim and expiry.
 *
 * <p>Every change locks the allocation's row first and then writes its ledger operations in one
 * all-or-nothing call, in the same transaction as the new status: two concurrent closings of one
 * allocation serialize on the row, and the second finds it no longer ACTIVE.
 */
@Service
public class Guarantees {

    /**
     * What the marketplace asks for; the collateral's token and amount are both null or both set.
     * The rules of a request live here, each with the message a client sees.
     */
    public record NewAllocation(
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            TokenId collateralTokenId,
            Amount collateralAmount,
            Instant expiresAt) {

        public static final int MAX_GUARANTEE_ID_LENGTH = 128;
        public static final String GUARANTEE_ID_REQUIRED = "is required";
        public static final String GUARANTEE_ID_TOO_LONG = "must be at most 128 characters";
        public static final String GUARANTEE_ID_SYNTAX = "must be 1 to 128 characters of letters, digits and ._:-@";
        public static final String SAME_PARTIES = "must differ from guarantorId";

        /** The marketplace's guarantee ids: the same alphabet as entity ids. */
        private static final Pattern GUARANTEE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

        public NewAllocation {
            guaranteeId(guaranteeId);
            Objects.requireNonNull(guarantorId, "guarantorId");
            Objects.requireNonNull(beneficiaryId, "beneficiaryId");
            Objects.requireNonNull(amount, "amount");
            if (guarantorId.equals(beneficiaryId)) {
                throw new IllegalArgumentException("beneficiaryId " + SAME_PARTIES);
            }
            if ((collateralTokenId == null) != (collateralAmount == null)) {
                throw new IllegalArgumentException("collateral needs both a token and an amount");
            }
        }

        /** A guarantee id as the marketplace names it, or an {@link IllegalArgumentException} saying why not. */
        public static String guaranteeId(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(GUARANTEE_ID_REQUIRED);
            }
            if (value.length() > MAX_GUARANTEE_ID_LENGTH) {
                throw new IllegalArgumentException(GUARANTEE_ID_TOO_LONG);
            }
            if (!GUARANTEE_ID.matcher(value).matches()) {
                throw new IllegalArgumentException(GUARANTEE_ID_SYNTAX);
            }
            return value;
        }

        /** The beneficiary, refused when it is the guarantor. */
        public static EntityId beneficiary(EntityId guarantor, EntityId beneficiary) {
            if (beneficiary != null && beneficiary.equals(guarantor)) {
                throw new IllegalArgumentException(SAME_PARTIES);
            }
            return beneficiary;
        }
    }

    /** The actor recorded on the ledger for allocations released by the expiry job. */
    public static final EntityId EXPIRY = EntityId.of("system:guarantees");

    public static final TokenType GUARANTEE_TOKEN = TokenType.GUARANTEE;

    private static final Logger log = LoggerFactory.getLogger(Guarantees.class);

    private final AllocationStore store;
    private final Ledger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final GuaranteesProperties properties;

    Guarantees(
            AllocationStore store,
            Ledger ledger,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            GuaranteesProperties properties) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Mints {@code amount} BTA-GUAR to the guarantor and locks it, and locks the extra collateral
     * from the guarantor's available balance, all or nothing. A guarantee with an ACTIVE allocation
     * is refused ({@code 409 GUARANTEE_ALREADY_ALLOCATED}), even with the same terms: the marketplace
     * learns that its retry found the first allocation instead of silently getting it back.
     */
    @Transactional
    public GuaranteeAllocation allocate(NewAllocation n, EntityId actor) {
        var now = now();
        if (n.expiresAt() != null && !n.expiresAt().isAfter(now)) {
            throw GuaranteeProblems.expiryNotInFuture(n.expiresAt().toString());
        }
        var guar = ledger.resolve(GUARANTEE_TOKEN);
        var row = new AllocationRow(
                Ids.newId(clock),
                n.guaranteeId(),
                n.guarantorId(),
                n.beneficiaryId(),
                n.amount(),
                AllocationStatus.ACTIVE,
                n.collateralTokenId(),
                n.collateralAmount(),
                now,
                n.expiresAt() == null ? null : n.expiresAt().truncatedTo(ChronoUnit.MICROS),
                null);
        // The row (and its unique index entry) first, then the ledger: the same order as every other flow.
        if (!store.insertIfNoneActive(row)) {
            throw GuaranteeProblems.alreadyActive(n.guaranteeId());
        }
        var memo = memo(row, "allocate");
        var operations = new ArrayList<LedgerOperation>();
        operations.add(new LedgerOperation.Mint(guar, n.guarantorId(), n.amount(), memo, actor));
        operations.add(new LedgerOperation.Lock(guar, n.guarantorId(), n.amount(), memo, actor));
        if (n.collateralTokenId() != null) {
            operations.add(new LedgerOperation.Lock(
                    n.collateralTokenId(), n.guarantorId(), n.collateralAmount(), memo(row, "lock collateral"), actor));
        }
        ledger.applyAllOrNothing(operations);
        events.publishEvent(new GuaranteeAllocated(
                new AllocationId(row.id()),
                row.guaranteeId(),
                row.guarantorId(),
                row.beneficiaryId(),
                row.amount(),
                row.collateralTokenId(),
                row.collateralAmount(),
                row.expiresAt(),
                now));
        return view(row);
    }

    /** The guarantee ended well: the BTA-GUAR is unlocked and burned, the collateral unlocked. */
    @Transactional
    public GuaranteeAllocation release(AllocationId id, EntityId actor) {
        var row = lockedActive(id);
        close(row, AllocationStatus.RELEASED, actor);
        return allocation(id);
    }

    /**
     * The guarantee was called: the BTA-GUAR and the collateral are unlocked and transferred to the
     * beneficiary. An allocation past its {@code expiresAt} can no longer be claimed, even before
     * the expiry job has released it.
     */
    @Transactional
    public GuaranteeAllocation claim(AllocationId id, EntityId actor) {
        var row = lockedActive(id);
        if (row.expiresAt() != null && !row.expiresAt().isAfter(now())) {
            throw GuaranteeProblems.expired(row.expiresAt().toString());
        }
        close(row, AllocationStatus.CLAIMED, actor);
        return allocation(id);
    }

    /**
     * Releases every ACTIVE allocation past its {@code expiresAt}, as EXPIRED. Due allocations are
     * read in chunks and each is released in a transaction of its own, so one that the ledger
     * refuses (logged) does not hold back the others. Safe to run on two instances at once: each
     * allocation is closed once, under its row lock. Returns how many this call expired.
     */
    public int expireDue() {
        var now = now();
        int chunk = properties.expiryChunkSize();
        int expired = 0;
        var after = new UUID(0, 0);
        while (true) {
            var cursor = after;
            var due = transactions.execute(tx -> store.dueIds(now, cursor, chunk));
            for (var id : due) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(tx -> expireOne(id, now)))) {
                        expired++;
                    }
                } catch (DomainProblem e) {
                    log.warn("guarantee allocation {} could not be expired: {}", id, e.getMessage());
                }
            }
            if (due.size() < chunk) {
                return expired;
            }
            after = due.get(due.size() - 1);
        }
    }

    @Transactional(readOnly = true)
    public GuaranteeAllocation allocation(AllocationId id) {
        return view(
                store.find(id.value(), false).orElseThrow(() -> GuaranteeProblems.unknownAllocation(id.toString())));
    }

    /**
     * Allocations, newest first, at most {@code limit}, filtered by whichever of guarantor,
     * beneficiary and status is given; with {@code party}, only those where it is a party.
     */
    @Transactional(readOnly = true)
    public List<GuaranteeAllocation> allocations(
            EntityId guarantor, EntityId beneficiary, AllocationStatus status, EntityId party, int limit) {
        return store.list(guarantor, beneficiary, status, party, limit).stream()
                .map(this::view)
                .toList();
    }

    private boolean expireOne(UUID id, Instant now) {
        var row = store.find(id, true).orElseThrow();
        if (row.status() != AllocationStatus.ACTIVE
                || row.expiresAt() == null
                || row.expiresAt().isAfter(now)) {
            return false; // closed or changed meanwhile
        }
        close(row, AllocationStatus.EXPIRED, EXPIRY);
        return true;
    }

    private AllocationRow lockedActive(AllocationId id) {
        var row = store.find(id.value(), true).orElseThrow(() -> GuaranteeProblems.unknownAllocation(id.toString()));
        if (row.status() != AllocationStatus.ACTIVE) {
            throw GuaranteeProblems.notActive(row.status().name());
        }
        return row;
    }

    /** Moves the allocation's tokens for its closing status and records it; the caller holds the row lock. */
    private void close(AllocationRow row, AllocationStatus status, EntityId actor) {
        var now = now();
        var guar = ledger.resolve(GUARANTEE_TOKEN);
        var guarantor = row.guarantorId();
        var claimed = status == AllocationStatus.CLAIMED;
        var memo = memo(row, claimed ? "claim" : status == AllocationStatus.EXPIRED ? "expire" : "release");
        var operations = new ArrayList<LedgerOperation>();
        operations.add(new LedgerOperation.Unlock(guar, guarantor, row.amount(), memo, actor));
        if (claimed) {
            operations.add(
                    new LedgerOperation.Transfer(guar, guarantor, row.beneficiaryId(), row.amount(), memo, actor));
        } else {
            operations.add(new LedgerOperation.Burn(guar, guarantor, row.amount(), memo, actor));
        }
        if (row.collateralTokenId() != null) {
            var collateralMemo = memo + " collateral";
            operations.add(new LedgerOperation.Unlock(
                    row.collateralTokenId(), guarantor, row.collateralAmount(), collateralMemo, actor));
            if (claimed) {
                operations.add(new LedgerOperation.Transfer(
                        row.collateralTokenId(),
                        guarantor,
                        row.beneficiaryId(),
                        row.collateralAmount(),
                        collateralMemo,
                        actor));
            }
        }
        ledger.applyAllOrNothing(operations);
        if (!store.close(row.id(), status, now, actor)) {
            throw new IllegalStateException("allocation " + row.id() + " changed under its row lock");
        }
        if (claimed) {
            events.publishEvent(new GuaranteeClaimed(
                    new AllocationId(row.id()),
                    row.guaranteeId(),
                    guarantor,
                    row.beneficiaryId(),
                    row.amount(),
                    row.collateralTokenId(),
                    row.collateralAmount(),
                    now));
        } else {
            events.publishEvent(new GuaranteeReleased(
                    new AllocationId(row.id()),
                    row.guaranteeId(),
                    guarantor,
                    row.beneficiaryId(),
                    row.amount(),
                    status == AllocationStatus.EXPIRED,
                    now));
        }
    }

    private static String memo(AllocationRow row, String what) {
        return "guarantee " + row.guaranteeId() + " allocation " + row.id() + " " + what;
    }

    private GuaranteeAllocation view(AllocationRow r) {
        var collateral = r.collateralTokenId() == null
                ? null
                : new GuaranteeAllocation.Collateral(
                        r.collateralTokenId(), ledger.symbolOf(r.collateralTokenId()), r.collateralAmount());
        return new GuaranteeAllocation(
                new AllocationId(r.id()),
                r.guaranteeId(),
                r.guarantorId(),
                r.beneficiaryId(),
                r.amount(),
                r.status(),
                collateral,
                r.createdAt(),
                r.expiresAt(),
                r.closedAt());
    }

    private Instant now() {
        return clock.instant();
    }
}
