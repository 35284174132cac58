package io.bta.tokenomics.auctions;

import io.bta.tokenomics.auctions.AuctionEvents.AuctionJoined;
import io.bta.tokenomics.auctions.AuctionEvents.AuctionSettled;
import io.bta.tokenomics.auctions.AuctionEvents.Outcome;
import io.bta.tokenomics.auctions.internal.AuctionStore;
import io.bta.tokenomics.auctions.internal.AuctionStore.AuctionRow;
import io.bta.tokenomics.auctions.internal.AuctionStore.ParticipantRow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auctions facade: terms, bond quotes, joining (the bond is locked) and settlement.
 *
 * <p>Joining and settling lock the auction's row first and then write the ledger in one
 * all-or-nothing call: a settlement sees every bidder that joined before it and no bidder joins
 * after it; an auction is settled once.
 */
@Service
public class Auctions {

    /** Bonds are held in the utility token. */
    public static final TokenType BOND_TOKEN = TokenType.UTILITY;

    private final AuctionStore store;
    private final Ledger ledger;
    private final Trust trust;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuctionsProperties properties;

    Auctions(
            AuctionStore store,
            Ledger ledger,
            Trust trust,
            Clock clock,
            ApplicationEventPublisher events,
            AuctionsProperties properties) {
        this.store = store;
        this.ledger = ledger;
        this.trust = trust;
        this.clock = clock;
        this.events = events;
        this.properties = properties;
    }

    /** The bond for a trust score, by the configured {@link BondCurve}. */
    public Amount bondFor(Amount baseBond, BigDecimal trustScore) {
        return properties.bondCurve().bondFor(baseBond, trustScore);
    }

    /**
     * Registers an auction's terms, or changes them while it is open; bonds already locked stay as
     * they are. A closing time must be in the future: one in the past would register an auction
     * that no bidder can join.
     */
    @Transactional
    public Auction register(AuctionId auctionId, Amount baseBond, Amount participationFee, Instant closesAt) {
        if (closesAt != null && !closesAt.isAfter(now())) {
            throw InvalidInput.field("closesAt", "must be in the future");
        }
        if (participationFee != null && participationFee.isGreaterThan(baseBond)) {
            throw AuctionProblems.feeAboveBaseBond(participationFee.toString(), baseBond.toString());
        }
        var closes = closesAt == null ? null : closesAt.truncatedTo(ChronoUnit.MICROS);
        if (!store.upsertTerms(auctionId, baseBond, participationFee, closes, now())) {
            throw AuctionProblems.alreadySettled(auctionId.value());
        }
        return auction(auctionId);
    }

    /** An auction's terms and state; one never registered nor joined has the default terms. */
    @Transactional(readOnly = true)
    public Auction auction(AuctionId auctionId) {
        return store.auction(auctionId, false)
                .map(r -> view(r, store.participantCount(auctionId)))
                .orElseGet(() -> new Auction(
                        auctionId, defaultBaseBond(), null, null, false, AuctionStatus.OPEN, null, 0, null, null));
    }

    /** The bond {@code entity} would lock to join now, from its current trust score. */
    @Transactional(readOnly = true)
    public BondQuote quote(AuctionId auctionId, EntityId entity) {
        var base = store.auction(auctionId, false).map(AuctionRow::baseBond).orElseGet(this::defaultBaseBond);
        var score = trust.scoreOf(entity).score();
        return new BondQuote(auctionId, entity, score, bondFor(base, score));
    }

    /**
     * Joins the bidder: locks its bond from its available BTA-UTIL ({@code 409 INSUFFICIENT_BALANCE}
     * if short). Once per bidder and auction; refused once the auction is settled or closed.
     */
    @Transactional
    public Participation join(AuctionId auctionId, EntityId bidder, EntityId actor) {
        if (bidder.equals(ledger.treasury())) {
            throw AuctionProblems.treasuryMayNotBid();
        }
        var now = now();
        store.insertDefault(auctionId, defaultBaseBond(), now);
        var auction = store.auction(auctionId, true).orElseThrow();
        if (auction.status() == AuctionStatus.SETTLED) {
            throw AuctionProblems.alreadySettled(auctionId.value());
        }
        if (auction.closesAt() != null && !now.isBefore(auction.closesAt())) {
            throw AuctionProblems.closed(auction.closesAt().toString());
        }
        if (store.participant(auctionId, bidder).isPresent()) {
            throw AuctionProblems.alreadyJoined(bidder.value());
        }
        var score = trust.scoreOf(bidder).score();
        var bond = bondFor(auction.baseBond(), score);
        ledger.applyAllOrNothing(List.of(new LedgerOperation.Lock(
                ledger.resolve(BOND_TOKEN), bidder, bond, memo(auctionId, bidder, "bond"), actor)));
        var row =
                new ParticipantRow(auctionId, bidder, bond, score, ParticipationStatus.JOINED, Amount.ZERO, now, null);
        store.insertParticipant(row);
        events.publishEvent(new AuctionJoined(auctionId, bidder, bond, score, now));
        return view(row);
    }

    @Transactional(readOnly = true)
    public List<Participation> participants(AuctionId auctionId) {
        return store.participants(auctionId).stream().map(Auctions::view).toList();
    }

    @Transactional(readOnly = true)
    public Participation participation(AuctionId auctionId, EntityId bidder) {
        return store.participant(auctionId, bidder)
                .map(Auctions::view)
                .orElseThrow(() -> AuctionProblems.unknownParticipant(auctionId.value(), bidder.value()));
    }

    /**
     * Settles the auction once: every bidder's bond is unlocked, except that the winner pays the
     * participation fee to the treasury (at most its bond, which a trusted bidder's may be below the
     * fee) and a defaulted bidder forfeits its whole bond to the treasury. All in one transaction.
     */
    @Transactional
    public Auction settle(AuctionId auctionId, EntityId winner, Set<EntityId> defaulted, EntityId actor) {
        var auction =
                store.auction(auctionId, true).orElseThrow(() -> AuctionProblems.unknownAuction(auctionId.value()));
        if (auction.status() == AuctionStatus.SETTLED) {
            throw AuctionProblems.alreadySettled(auctionId.value());
        }
        var participants = store.participants(auctionId);
        var joined = new HashSet<EntityId>();
        participants.forEach(p -> joined.add(p.bidderId()));
        if (winner != null && !joined.contains(winner)) {
            throw AuctionProblems.notAParticipant("winnerId", winner.value());
        }
        for (var d : defaulted) {
            if (!joined.contains(d)) {
                throw AuctionProblems.notAParticipant("defaulted", d.value());
            }
        }
        var now = now();
        var token = ledger.resolve(BOND_TOKEN);
        var treasury = ledger.treasury();
        var operations = new ArrayList<LedgerOperation>();
        var bidders = new ArrayList<EntityId>();
        var statuses = new ArrayList<ParticipationStatus>();
        var charges = new ArrayList<Amount>();
        var outcomes = new ArrayList<Outcome>();
        var toTreasury = Amount.ZERO;
        for (var p : participants) {
            var bidder = p.bidderId();
            ParticipationStatus status;
            Amount charged;
            if (defaulted.contains(bidder)) {
                status = ParticipationStatus.FORFEITED;
                charged = p.bond();
            } else if (bidder.equals(winner)) {
                status = ParticipationStatus.WON;
                charged = auction.participationFee() == null
                        ? Amount.ZERO
                        : auction.participationFee().min(p.bond());
            } else {
                status = ParticipationStatus.LOST;
                charged = Amount.ZERO;
            }
            var memo = memo(auctionId, bidder, "settle " + status.name().toLowerCase(java.util.Locale.ROOT));
            operations.add(new LedgerOperation.Unlock(token, bidder, p.bond(), memo, actor));
            if (charged.isPositive()) {
                operations.add(new LedgerOperation.Transfer(token, bidder, treasury, charged, memo, actor));
            }
            bidders.add(bidder);
            statuses.add(status);
            charges.add(charged);
            outcomes.add(new Outcome(bidder, status, p.bond(), charged));
            toTreasury = toTreasury.plus(charged);
        }
        ledger.applyAllOrNothing(operations);
        store.settleParticipants(auctionId, bidders, statuses, charges, now);
        store.settle(auctionId, winner, now);
        events.publishEvent(new AuctionSettled(auctionId, winner, List.copyOf(outcomes), toTreasury, now));
        return auction(auctionId);
    }

    private Amount defaultBaseBond() {
        return Amount.of(properties.defaultBaseBond());
    }

    private static String memo(AuctionId auctionId, EntityId bidder, String what) {
        return "auction " + auctionId + " " + what + " " + bidder.value();
    }

    private static Auction view(AuctionRow r, int participants) {
        return new Auction(
                r.id(),
                r.baseBond(),
                r.participationFee(),
                r.closesAt(),
                r.registered(),
                r.status(),
                r.winnerId(),
                participants,
                r.createdAt(),
                r.settledAt());
    }

    private static Participation view(ParticipantRow r) {
        return new Participation(
                r.auctionId(),
                r.bidderId(),
                r.bond(),
                r.trustScore(),
                r.status(),
                r.charged(),
                r.joinedAt(),
                r.settledAt());
    }

    private Instant now() {
        return clock.instant();
    }
}
