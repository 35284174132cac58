package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.BridgeProblems;
import io.bta.tokenomics.bridge.BridgeViews.BridgeStatus;
import io.bta.tokenomics.bridge.BridgeViews.Deposit;
import io.bta.tokenomics.bridge.BridgeViews.Withdrawal;
import io.bta.tokenomics.bridge.EvmAddress;
import io.bta.tokenomics.bridge.Reconciliation;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bridge's JSON API under {@code /api/bridge}; there only when the bridge is enabled. */
@RestController
@RequestMapping("/api/bridge")
@Tag(name = "Bridge", description = "withdrawals to and deposits from an EVM chain")
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
class BridgeController {

    record ReleaseRequest(String entityId) {}

    record WithdrawRequest(String tokenId, String amount, String toAddress, String fromEntityId) {}

    private final Bridge bridge;

    BridgeController(Bridge bridge) {
        this.bridge = bridge;
    }

    @GetMapping
    @Operation(summary = "The chain, the confirmations a deposit waits for, the contracts and whether paused")
    BridgeStatus status() {
        Caller.current();
        return bridge.status();
    }

    @PostMapping("/deploy")
    @Operation(summary = "Deploy the token contracts and the bridge once (admin); a second call answers the same")
    @Refuses(status = 409, codes = "TOKENS_NOT_INITIALIZED")
    @Refuses(status = 503, codes = "CHAIN_UNAVAILABLE")
    BridgeStatus deploy() {
        var caller = Caller.current();
        caller.requireAdmin();
        return bridge.deploy(caller.id());
    }

    @PostMapping("/withdrawals")
    @Operation(
            summary = "Withdraw to an address: escrowed now, minted on chain by the sender"
                    + " (409 BRIDGE_PAUSED, 422 WITHDRAWAL_LIMIT, 422 TOKEN_NOT_BRIDGEABLE)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "BRIDGE_PAUSED")
    @Refuses(status = 409, codes = "BRIDGE_NOT_DEPLOYED")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "TOKEN_NOT_BRIDGEABLE")
    @Refuses(status = 422, codes = "WITHDRAWAL_LIMIT")
    ResponseEntity<Withdrawal> withdraw(@RequestBody WithdrawRequest r) {
        var caller = Caller.current();
        var in = new Inputs();
        var token = in.required("tokenId", r.tokenId(), 64);
        var amount = in.positiveAmount("amount", r.amount());
        var to = r.toAddress() == null
                ? in.<EvmAddress>reject("toAddress", "is required")
                : in.valid("toAddress", () -> EvmAddress.of(r.toAddress()));
        var from = in.optionalEntityId("fromEntityId", r.fromEntityId());
        in.check();
        var holder = from == null ? caller.id() : from;
        caller.requireSelfOrAdmin(holder);
        return ResponseEntity.status(HttpStatus.CREATED).body(bridge.withdraw(holder, token, amount, to, caller.id()));
    }

    @GetMapping("/withdrawals/{id}")
    @Operation(summary = "One withdrawal (its holder or an admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 404, codes = "UNKNOWN_WITHDRAWAL")
    Withdrawal withdrawal(@PathVariable String id) {
        var caller = Caller.current();
        java.util.UUID uuid;
        try {
            uuid = Ids.parse(id);
        } catch (IllegalArgumentException e) {
            throw BridgeProblems.unknownWithdrawal(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
        var w = bridge.withdrawal(uuid);
        if (!caller.isAdmin() && !caller.id().equals(w.entityId())) {
            throw BridgeProblems.unknownWithdrawal(id);
        }
        return w;
    }

    @GetMapping("/withdrawals")
    @Operation(summary = "An entity's withdrawals, newest first (the entity itself or an admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    Page<Withdrawal> withdrawals(
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        var caller = Caller.current();
        var entity = entityId == null ? caller.id() : caller.ownOrAdmin("entityId", entityId);
        var in = new Inputs();
        int size = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return bridge.withdrawals(entity, size, position);
    }

    @GetMapping("/deposits")
    @Operation(summary = "Deposits naming an entity on chain, newest first (the entity itself or an admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    List<Deposit> deposits(
            @RequestParam(required = false) String entityId, @RequestParam(required = false) Integer limit) {
        var caller = Caller.current();
        String entity;
        if (entityId == null) {
            entity = caller.id().value();
        } else if (caller.isAdmin()) {
            // an admin may look up a deposit held for an entity id that is not valid
            var in = new Inputs();
            entity = in.required("entityId", entityId, 1024);
            in.check();
        } else {
            entity = caller.ownOrAdmin("entityId", entityId).value();
        }
        var in = new Inputs();
        int size = Paging.limit(in, limit);
        in.check();
        return bridge.deposits(entity, size);
    }

    @PostMapping("/deposits/{id}/release")
    @Operation(
            summary = "Credit a HELD deposit (an invalid entity id given on chain) to an entity, from the escrow,"
                    + " once (admin)")
    @Refuses(status = 404, codes = "UNKNOWN_DEPOSIT")
    @Refuses(status = 409, codes = "DEPOSIT_NOT_HELD")
    @Refuses(status = 422, codes = "DEPOSIT_NOT_RELEASABLE")
    Deposit release(@PathVariable String id, @RequestBody ReleaseRequest r) {
        var caller = Caller.current();
        caller.requireAdmin();
        java.util.UUID uuid;
        try {
            uuid = Ids.parse(id);
        } catch (IllegalArgumentException e) {
            throw BridgeProblems.unknownDeposit(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
        var in = new Inputs();
        var to = in.entityId("entityId", r.entityId());
        in.check();
        return bridge.releaseHeld(uuid, to, caller.id());
    }

    @GetMapping("/reconciliation")
    @Operation(
            summary = "Per token, the escrow in the ledger against the supply on chain and what is in flight (admin)")
    @Refuses(status = 409, codes = "BRIDGE_NOT_DEPLOYED")
    @Refuses(status = 503, codes = "CHAIN_UNAVAILABLE")
    List<Reconciliation> reconciliation() {
        Caller.current().requireAdmin();
        return bridge.reconciliation();
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause withdrawals here and the bridge contract on chain (admin)")
    @Refuses(status = 409, codes = "BRIDGE_NOT_DEPLOYED")
    @Refuses(status = 503, codes = "CHAIN_UNAVAILABLE")
    BridgeStatus pause() {
        var caller = Caller.current();
        caller.requireAdmin();
        return bridge.setPaused(true, caller.id());
    }

    @PostMapping("/unpause")
    @Operation(summary = "Unpause withdrawals here and the bridge contract on chain (admin)")
    @Refuses(status = 409, codes = "BRIDGE_NOT_DEPLOYED")
    @Refuses(status = 503, codes = "CHAIN_UNAVAILABLE")
    BridgeStatus unpause() {
        var caller = Caller.current();
        caller.requireAdmin();
        return bridge.setPaused(false, caller.id());
    }
}
