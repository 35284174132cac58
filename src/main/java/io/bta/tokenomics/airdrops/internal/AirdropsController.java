package io.bta.tokenomics.airdrops.internal;

import io.bta.tokenomics.airdrops.Airdrop;
import io.bta.tokenomics.airdrops.AirdropClaim;
import io.bta.tokenomics.airdrops.AirdropId;
import io.bta.tokenomics.airdrops.AirdropProof;
import io.bta.tokenomics.airdrops.AirdropSweep;
import io.bta.tokenomics.airdrops.Airdrops;
import io.bta.tokenomics.airdrops.AirdropsProblems;
import io.bta.tokenomics.airdrops.ClaimList;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerProblems;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The airdrops' JSON API under {@code /api/airdrops}; it answers the facade's records as they are. */
@RestController
@RequestMapping("/api/airdrops")
@Tag(name = "Airdrops", description = "campaigns with Merkle proofs, claims, sweeps")
class AirdropsController {

    record CreateRequest(
            String tokenId,
            String name,
            List<ClaimList.Row> claims,
            String startsAt,
            String endsAt,
            BigDecimal minTrustScore) {}

    record ClaimRequest(String entityId) {}

    private final Airdrops airdrops;
    private final Ledger ledger;

    AirdropsController(Airdrops airdrops, Ledger ledger) {
        this.airdrops = airdrops;
        this.ledger = ledger;
    }

    @PostMapping
    @Operation(
            summary = "Create an airdrop campaign (admin)",
            description = "claims: 1 to 100,000 rows {entityId, amount}, each entity once, each amount at least one"
                    + " base unit; a bad list is refused whole, naming each offending row. The total moves from the"
                    + " treasury to the campaign's escrow in the same transaction. merkleRoot is OpenZeppelin's"
                    + " StandardMerkleTree root of [entityId, amount in base units] with leaf types"
                    + " [\"string\", \"uint256\"]. startsAt defaults to now; endsAt is required.")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(
            status = 409,
            codes = {"INSUFFICIENT_BALANCE", "TOKEN_PAUSED"})
    ResponseEntity<Airdrop> create(@RequestBody CreateRequest r) {
        var caller = Caller.current();
        caller.requireAdmin();
        var in = new Inputs();
        var token = token(in, r.tokenId());
        var startsAt = in.optionalInstant("startsAt", r.startsAt());
        var endsAt = in.optionalInstant("endsAt", r.endsAt());
        in.check();
        var claims = ClaimList.read("claims", r.claims());
        var created = airdrops.create(token, r.name(), claims, startsAt, endsAt, r.minTrustScore(), caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping
    @Operation(summary = "Airdrop campaigns, newest first, with what has been claimed of each")
    Page<Airdrop> airdrops(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Caller.current();
        var in = new Inputs();
        int size = Paging.limit(in, limit);
        var after = Paging.cursor(in, cursor);
        in.check();
        return airdrops.airdrops(size, after == null ? null : airdropId(after));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign, with its Merkle root and what has been claimed of it")
    @Refuses(status = 404, codes = "UNKNOWN_AIRDROP")
    Airdrop airdrop(@PathVariable String id) {
        Caller.current();
        return airdrops.airdrop(airdropId(id));
    }

    @GetMapping("/{id}/proof/{entityId}")
    @Operation(
            summary = "An entity's leaf and Merkle proof in a campaign (the entity itself or an admin)",
            description = "Check it with OpenZeppelin's package: StandardMerkleTree.verify(merkleRoot,"
                    + " [\"string\", \"uint256\"], [entityId, amountUnits], proof).")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_AIRDROP", "NOT_ELIGIBLE"})
    AirdropProof proof(@PathVariable String id, @PathVariable String entityId) {
        var entity = Caller.current().ownOrAdmin("entityId", entityId);
        return airdrops.proof(airdropId(id), entity);
    }

    @PostMapping("/{id}/claim")
    @Operation(
            summary = "Claim an airdrop, once (the entity; an admin may name one in entityId)",
            description = "Pays the listed amount from the campaign's escrow; the claimant's trust score at the claim"
                    + " is checked against minTrustScore and recorded with it.")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_AIRDROP", "NOT_ELIGIBLE"})
    @Refuses(
            status = 409,
            codes = {"ALREADY_CLAIMED", "AIRDROP_NOT_STARTED", "AIRDROP_ENDED", "TOKEN_PAUSED"})
    @Refuses(status = 422, codes = "TRUST_TOO_LOW")
    @Refuses(
            status = 503,
            codes = {"AIRDROPS_BUSY", "AIRDROPS_UNAVAILABLE", "OUTCOME_UNKNOWN"})
    ResponseEntity<AirdropClaim> claim(@PathVariable String id, @RequestBody(required = false) ClaimRequest r) {
        var caller = Caller.current();
        var claimant = r == null || r.entityId() == null ? caller.id() : caller.ownOrAdmin("entityId", r.entityId());
        var claim = airdrops.claim(airdropId(id), claimant, caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(claim);
    }

    @PostMapping("/{id}/sweep")
    @Operation(summary = "Return a campaign's unclaimed rest to the treasury, once, after its end (admin)")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_AIRDROP")
    @Refuses(
            status = 409,
            codes = {"AIRDROP_NOT_ENDED", "ALREADY_SWEPT", "TOKEN_PAUSED"})
    AirdropSweep sweep(@PathVariable String id) {
        var caller = Caller.current();
        caller.requireAdmin();
        return airdrops.sweep(airdropId(id), caller.id());
    }

    private TokenId token(Inputs in, String value) {
        var text = in.required("tokenId", value, 64);
        if (text == null) {
            return null;
        }
        try {
            return ledger.token(text).id();
        } catch (LedgerProblems.UnknownToken e) {
            return in.reject("tokenId", e.getMessage());
        }
    }

    /** An id that is not a campaign's names no campaign: the same 404 as a well-formed id of none. */
    private static AirdropId airdropId(String value) {
        try {
            return AirdropId.of(value);
        } catch (IllegalArgumentException e) {
            throw AirdropsProblems.unknownAirdrop(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
