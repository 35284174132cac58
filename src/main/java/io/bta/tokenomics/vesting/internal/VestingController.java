package io.bta.tokenomics.vesting.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerProblems;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.bta.tokenomics.vesting.Grant;
import io.bta.tokenomics.vesting.Release;
import io.bta.tokenomics.vesting.Revocation;
import io.bta.tokenomics.vesting.Vesting;
import io.bta.tokenomics.vesting.VestingId;
import io.bta.tokenomics.vesting.VestingProblems;
import io.bta.tokenomics.vesting.VestingSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
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

/** The vesting JSON API under {@code /api/vesting}; it answers the facade's records as they are. */
@RestController
@RequestMapping("/api/vesting")
@Tag(name = "Vesting", description = "vesting schedules: linear after a cliff, releases, revocation")
class VestingController {

    record CreateRequest(
            String beneficiaryId,
            String tokenId,
            String total,
            String start,
            Long cliffSeconds,
            Long durationSeconds,
            Boolean revocable) {}

    private final Vesting vesting;
    private final Ledger ledger;

    VestingController(Vesting vesting, Ledger ledger) {
        this.vesting = vesting;
        this.ledger = ledger;
    }

    @PostMapping
    @Operation(
            summary = "Create a vesting schedule (admin)",
            description = "The total moves from the treasury to the schedule's escrow, locked there. vested(t) is 0"
                    + " before start + cliffSeconds, the total from start + durationSeconds, and floor(total × (t −"
                    + " start) / duration) in between (OpenZeppelin's VestingWallet with a cliff). start may be in"
                    + " the past.")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(
            status = 409,
            codes = {"INSUFFICIENT_BALANCE", "TOKEN_PAUSED"})
    ResponseEntity<Grant> create(@RequestBody CreateRequest r) {
        var caller = Caller.current();
        caller.requireAdmin();
        var in = new Inputs();
        var beneficiary = in.entityId("beneficiaryId", r.beneficiaryId());
        var token = token(in, r.tokenId());
        var total = in.positiveAmount("total", r.total());
        var start = in.optionalInstant("start", r.start());
        if (r.start() == null) {
            in.reject("start", "is required");
        }
        if (r.durationSeconds() == null) {
            in.reject("durationSeconds", "is required");
        }
        if (r.revocable() == null) {
            in.reject("revocable", "is required (true or false)");
        }
        in.check();
        VestingSchedule schedule = null;
        try {
            schedule = new VestingSchedule(
                    total,
                    start,
                    Duration.ofSeconds(r.cliffSeconds() == null ? 0 : r.cliffSeconds()),
                    Duration.ofSeconds(r.durationSeconds()));
        } catch (IllegalArgumentException e) {
            in.reject(e.getMessage().startsWith("cliff") ? "cliffSeconds" : "durationSeconds", e.getMessage());
        }
        in.check();
        var grant = vesting.create(beneficiary, token, schedule, r.revocable(), caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(grant);
    }

    @GetMapping
    @Operation(summary = "A beneficiary's vesting schedules, newest first (the beneficiary itself or an admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    List<Grant> grants(@RequestParam(required = false) String beneficiaryId) {
        var caller = Caller.current();
        var beneficiary = beneficiaryId == null ? caller.id() : caller.ownOrAdmin("beneficiaryId", beneficiaryId);
        return vesting.grantsOf(beneficiary);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vesting schedule with what has vested, been released and is releasable now")
    @Refuses(status = 404, codes = "UNKNOWN_VESTING")
    Grant grant(@PathVariable String id) {
        return visible(vestingId(id));
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Release what has vested and not been released (the beneficiary or an admin)")
    @Refuses(status = 404, codes = "UNKNOWN_VESTING")
    @Refuses(
            status = 409,
            codes = {"NOTHING_TO_RELEASE", "TOKEN_PAUSED"})
    Release release(@PathVariable String id) {
        var caller = Caller.current();
        var grant = visible(vestingId(id));
        return vesting.release(grant.id(), caller.id());
    }

    @PostMapping("/{id}/revoke")
    @Operation(
            summary = "Revoke a revocable schedule (admin)",
            description = "What has vested stays releasable; the rest returns to the treasury, once.")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_VESTING")
    @Refuses(
            status = 409,
            codes = {"NOT_REVOCABLE", "ALREADY_REVOKED", "TOKEN_PAUSED"})
    Revocation revoke(@PathVariable String id) {
        var caller = Caller.current();
        caller.requireAdmin();
        return vesting.revoke(vestingId(id), caller.id());
    }

    /** The grant, if the caller is its beneficiary or an admin; to anyone else it does not exist (404). */
    private Grant visible(VestingId id) {
        var caller = Caller.current();
        var grant = vesting.grant(id);
        if (!caller.isAdmin() && !caller.id().equals(grant.beneficiaryId())) {
            throw VestingProblems.unknownGrant(id.toString());
        }
        return grant;
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

    /** An id that is not a schedule's names no schedule: the same 404 as a well-formed id of none. */
    private static VestingId vestingId(String value) {
        try {
            return VestingId.of(value);
        } catch (IllegalArgumentException e) {
            throw VestingProblems.unknownGrant(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
