package io.bta.tokenomics.auctions.internal;

import io.bta.tokenomics.auctions.Auction;
import io.bta.tokenomics.auctions.AuctionId;
import io.bta.tokenomics.auctions.Auctions;
import io.bta.tokenomics.auctions.BondQuote;
import io.bta.tokenomics.auctions.Participation;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auctions JSON API under {@code /api/auctions}. It answers the facade's records as they are
 * ({@link Auction}, {@link Participation}, {@link BondQuote}); auction ids are written by {@link
 * AuctionsJson}.
 */
@RestController
@RequestMapping("/api/auctions/{auctionId}")
@Tag(name = "Auctions", description = "reverse-auction participation bonds in BTA-UTIL")
class AuctionsController {

    static final String SCOPE = "auctions:write";

    private static final int MAX_DEFAULTED = 1000;

    record TermsRequest(String baseBond, String participationFee, String closesAt) {}

    record JoinRequest(String bidderId) {}

    record SettleRequest(String winnerId, List<String> defaulted) {}

    private final Auctions auctions;

    AuctionsController(Auctions auctions) {
        this.auctions = auctions;
    }

    @PutMapping
    @Operation(summary = "Register an auction's terms, or change them while it is open (scope auctions:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 409, codes = "AUCTION_SETTLED")
    @Refuses(status = 422, codes = "FEE_ABOVE_BASE_BOND")
    Auction register(@PathVariable String auctionId, @RequestBody TermsRequest r) {
        Caller.current().requireScope(SCOPE);
        var id = auctionId(auctionId);
        var in = new Inputs();
        var baseBond = in.positiveAmount("baseBond", r.baseBond());
        Amount fee = r.participationFee() == null ? null : in.positiveAmount("participationFee", r.participationFee());
        Instant closesAt = null;
        if (r.closesAt() != null) {
            try {
                closesAt = Instant.parse(r.closesAt());
            } catch (DateTimeParseException e) {
                in.reject("closesAt", "must be an ISO-8601 instant, e.g. 2026-12-31T00:00:00Z");
            }
        }
        in.check();
        return auctions.register(id, baseBond, fee, closesAt);
    }

    @GetMapping
    @Operation(summary = "An auction's terms and state (any authenticated caller)")
    Auction auction(@PathVariable String auctionId) {
        Caller.current();
        return auctions.auction(auctionId(auctionId));
    }

    @GetMapping("/bond-quote")
    @Operation(summary = "The bond an entity would lock to join now (any authenticated caller)")
    BondQuote quote(@PathVariable String auctionId, @RequestParam(required = false) String entityId) {
        var caller = Caller.current();
        var id = auctionId(auctionId);
        var in = new Inputs();
        var entity = entityId == null ? caller.id() : in.entityId("entityId", entityId);
        in.check();
        return auctions.quote(id, entity);
    }

    @PostMapping("/participants")
    @Operation(summary = "Join: the bidder's bond is locked (the bidder itself, or scope auctions:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 409, codes = "AUCTION_SETTLED")
    @Refuses(status = 409, codes = "AUCTION_CLOSED")
    @Refuses(status = 409, codes = "ALREADY_JOINED")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "TREASURY_MAY_NOT_BID")
    ResponseEntity<Participation> join(@PathVariable String auctionId, @RequestBody(required = false) JoinRequest r) {
        var caller = Caller.current();
        var id = auctionId(auctionId);
        var in = new Inputs();
        var bidder = r == null || r.bidderId() == null ? caller.id() : in.entityId("bidderId", r.bidderId());
        in.check();
        if (!bidder.equals(caller.id())) {
            caller.requireScope(SCOPE);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(auctions.join(id, bidder, caller.id()));
    }

    @GetMapping("/participants")
    @Operation(summary = "An auction's bidders and their bonds (scope auctions:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    List<Participation> participants(@PathVariable String auctionId) {
        Caller.current().requireScope(SCOPE);
        return auctions.participants(auctionId(auctionId));
    }

    @GetMapping("/participants/{bidderId}")
    @Operation(summary = "One bidder's participation (the bidder itself, or scope auctions:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_PARTICIPANT")
    Participation participant(@PathVariable String auctionId, @PathVariable String bidderId) {
        var caller = Caller.current();
        var id = auctionId(auctionId);
        var in = new Inputs();
        var bidder = in.entityId("bidderId", bidderId);
        in.check();
        if (!bidder.equals(caller.id())) {
            caller.requireScope(SCOPE);
        }
        return auctions.participation(id, bidder);
    }

    @PostMapping("/settle")
    @Operation(
            summary =
                    "Settle once: losers unlocked, the winner pays the fee, defaulted bidders forfeit (scope auctions:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_AUCTION")
    @Refuses(status = 409, codes = "AUCTION_SETTLED")
    @Refuses(status = 422, codes = "NOT_A_PARTICIPANT")
    Auction settle(@PathVariable String auctionId, @RequestBody(required = false) SettleRequest r) {
        var caller = Caller.current();
        caller.requireScope(SCOPE);
        var id = auctionId(auctionId);
        var in = new Inputs();
        var winner = r == null ? null : in.optionalEntityId("winnerId", r.winnerId());
        var defaulted = new LinkedHashSet<EntityId>();
        if (r != null && r.defaulted() != null) {
            if (r.defaulted().size() > MAX_DEFAULTED) {
                in.reject("defaulted", "must name at most " + MAX_DEFAULTED + " bidders");
            } else {
                for (int i = 0; i < r.defaulted().size(); i++) {
                    var d = in.entityId("defaulted[" + i + "]", r.defaulted().get(i));
                    if (d != null) {
                        defaulted.add(d);
                    }
                }
            }
        }
        if (winner != null && defaulted.contains(winner)) {
            in.reject("winnerId", "must not also be in defaulted");
        }
        in.check();
        return auctions.settle(id, winner, defaulted, caller.id());
    }

    /** The path's auction id, refused alone before anything else is read. */
    private static AuctionId auctionId(String value) {
        try {
            return AuctionId.of(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("auctionId", e.getMessage());
        }
    }
}
