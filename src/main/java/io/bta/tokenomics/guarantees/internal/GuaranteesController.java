package io.bta.tokenomics.guarantees.internal;

import io.bta.tokenomics.guarantees.AllocationId;
import io.bta.tokenomics.guarantees.AllocationStatus;
import io.bta.tokenomics.guarantees.GuaranteeAllocation;
import io.bta.tokenomics.guarantees.GuaranteeProblems;
import io.bta.tokenomics.guarantees.Guarantees;
import io.bta.tokenomics.guarantees.Guarantees.NewAllocation;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

/** The guarantees JSON API under {@code /api/guarantees/allocations}. */
@RestController
@RequestMapping("/api/guarantees/allocations")
@Tag(name = "Guarantees", description = "BTA-GUAR allocations for the guarantee marketplace")
class GuaranteesController {

    static final String SCOPE = "guarantees:write";

    record CollateralRequest(String tokenId, String amount) {}

    record AllocateRequest(
            String guaranteeId,
            String guarantorId,
            String beneficiaryId,
            String amount,
            CollateralRequest collateral,
            String expiresAt) {}

    private final Guarantees guarantees;
    private final Ledger ledger;

    GuaranteesController(Guarantees guarantees, Ledger ledger) {
        this.guarantees = guarantees;
        this.ledger = ledger;
    }

    @PostMapping
    @Operation(
            summary = "Allocate BTA-GUAR for a guarantee: minted to the guarantor and locked (scope guarantees:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "GUARANTEE_ALREADY_ALLOCATED")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "EXPIRY_NOT_IN_FUTURE")
    @Refuses(status = 422, codes = "MAX_SUPPLY_EXCEEDED")
    ResponseEntity<GuaranteeAllocation> allocate(@RequestBody AllocateRequest r) {
        var caller = Caller.current();
        caller.requireScope(SCOPE);
        var in = new Inputs();
        var guaranteeId = in.valid("guaranteeId", () -> NewAllocation.guaranteeId(r.guaranteeId()));
        var guarantor = in.entityId("guarantorId", r.guarantorId());
        var beneficiary = in.entityId("beneficiaryId", r.beneficiaryId());
        in.valid("beneficiaryId", () -> NewAllocation.beneficiary(guarantor, beneficiary));
        var amount = in.positiveAmount("amount", r.amount());
        String collateralToken = null;
        Amount collateralAmount = null;
        if (r.collateral() != null) {
            collateralToken = in.required("collateral.tokenId", r.collateral().tokenId(), 64);
            collateralAmount =
                    in.positiveAmount("collateral.amount", r.collateral().amount());
        }
        Instant expiresAt = null;
        if (r.expiresAt() != null) {
            try {
                expiresAt = Instant.parse(r.expiresAt());
            } catch (DateTimeParseException e) {
                in.reject("expiresAt", "must be an ISO-8601 instant, e.g. 2026-12-31T00:00:00Z");
            }
        }
        in.check();
        TokenId collateralTokenId = collateralToken == null ? null : ledger.resolve(collateralToken);
        var allocation = guarantees.allocate(
                new NewAllocation(
                        guaranteeId, guarantor, beneficiary, amount, collateralTokenId, collateralAmount, expiresAt),
                caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(allocation);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An allocation (its guarantor or beneficiary, or scope guarantees:write)")
    @Refuses(status = 403, codes = "NOT_A_PARTY")
    @Refuses(status = 404, codes = "UNKNOWN_ALLOCATION")
    GuaranteeAllocation allocation(@PathVariable String id) {
        var caller = Caller.current();
        var allocation = guarantees.allocation(allocationId(id));
        if (!caller.mayUse(SCOPE) && !allocation.isParty(caller.id())) {
            throw GuaranteeProblems.notAParty();
        }
        return allocation;
    }

    @GetMapping
    @Operation(summary = "Allocations, newest first: a party lists its own; scope guarantees:write lists any")
    @Refuses(status = 403, codes = "NOT_A_PARTY")
    List<GuaranteeAllocation> allocations(
            @RequestParam(required = false) String guarantorId,
            @RequestParam(required = false) String beneficiaryId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        var caller = Caller.current();
        var in = new Inputs();
        var guarantor = in.optionalEntityId("guarantorId", guarantorId);
        var beneficiary = in.optionalEntityId("beneficiaryId", beneficiaryId);
        AllocationStatus wanted = null;
        if (status != null) {
            try {
                wanted = AllocationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                in.reject("status", "must be ACTIVE, RELEASED, CLAIMED or EXPIRED");
            }
        }
        int size = Paging.limit(in, limit);
        in.check();
        EntityId party = null;
        if (!caller.mayUse(SCOPE)) {
            boolean asked = guarantor != null || beneficiary != null;
            boolean own = caller.id().equals(guarantor) || caller.id().equals(beneficiary);
            if (asked && !own) {
                throw GuaranteeProblems.notAParty();
            }
            party = caller.id();
        }
        return guarantees.allocations(guarantor, beneficiary, wanted, party, size);
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Release: the BTA-GUAR is unlocked and burned, collateral unlocked (scope guarantees:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_ALLOCATION")
    @Refuses(status = 409, codes = "ALLOCATION_NOT_ACTIVE")
    GuaranteeAllocation release(@PathVariable String id) {
        var caller = Caller.current();
        caller.requireScope(SCOPE);
        return guarantees.release(allocationId(id), caller.id());
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim: the BTA-GUAR and collateral move to the beneficiary (scope guarantees:write)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_ALLOCATION")
    @Refuses(status = 409, codes = "ALLOCATION_NOT_ACTIVE")
    @Refuses(status = 409, codes = "ALLOCATION_EXPIRED")
    GuaranteeAllocation claim(@PathVariable String id) {
        var caller = Caller.current();
        caller.requireScope(SCOPE);
        return guarantees.claim(allocationId(id), caller.id());
    }

    private static AllocationId allocationId(String value) {
        try {
            return AllocationId.of(value);
        } catch (IllegalArgumentException e) {
            throw GuaranteeProblems.unknownAllocation(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
