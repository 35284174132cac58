package io.bta.tokenomics.farms.internal;

import io.bta.tokenomics.farms.Farm;
import io.bta.tokenomics.farms.FarmId;
import io.bta.tokenomics.farms.Farms;
import io.bta.tokenomics.farms.FarmsProblems;
import io.bta.tokenomics.farms.Position;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerProblems;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The farms' JSON API under {@code /api/farms}; it answers the facade's records as they are. */
@RestController
@RequestMapping("/api/farms")
@Tag(name = "Farms", description = "yield farming: BTA-REWARD per second, split by weight, boosted by trust")
class FarmsController {

    record CreateRequest(String stakeTokenId, Long allocPoint, String startsAt, String endsAt) {}

    record WeightRequest(Long allocPoint) {}

    record AmountRequest(String amount) {}

    record RateRequest(String rewardPerSecond) {}

    private final Farms farms;
    private final Ledger ledger;

    FarmsController(Farms farms, Ledger ledger) {
        this.farms = farms;
        this.ledger = ledger;
    }

    @PostMapping
    @Operation(
            summary = "Create the farm of a token (admin)",
            description = "Every farm is settled at the old weights first; startsAt defaults to now (a time in the"
                    + " past is now); a token backs one farm.")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 409, codes = "FARM_EXISTS")
    ResponseEntity<Farm> create(@RequestBody CreateRequest r) {
        Caller.current().requireAdmin();
        var in = new Inputs();
        var token = token(in, r.stakeTokenId());
        if (r.allocPoint() == null) {
            in.reject("allocPoint", "is required");
        }
        var startsAt = in.optionalInstant("startsAt", r.startsAt());
        var endsAt = in.optionalInstant("endsAt", r.endsAt());
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(farms.createFarm(token, r.allocPoint(), startsAt, endsAt));
    }

    @GetMapping
    @Operation(summary = "Every farm with its weight, staked total, share of the emission per second and APR")
    List<Farm> farms() {
        Caller.current();
        return farms.farms();
    }

    @GetMapping("/program")
    @Operation(summary = "The program's BTA-REWARD per second for all farms together")
    Map<String, Amount> program() {
        Caller.current();
        return Map.of("rewardPerSecond", farms.rate());
    }

    @PatchMapping("/program")
    @Operation(summary = "Change the program's BTA-REWARD per second from now on (admin); every farm is settled first")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    Map<String, Amount> setRate(@RequestBody RateRequest r) {
        Caller.current().requireAdmin();
        var in = new Inputs();
        var rate = in.valid("rewardPerSecond", () -> {
            if (r.rewardPerSecond() == null) {
                throw new IllegalArgumentException("is required");
            }
            var amount = Amount.parse(r.rewardPerSecond());
            if (amount.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return amount;
        });
        in.check();
        return Map.of("rewardPerSecond", farms.setRate(rate));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One farm")
    @Refuses(status = 404, codes = "UNKNOWN_FARM")
    Farm farm(@PathVariable String id) {
        Caller.current();
        return farms.farm(farmId(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a farm's weight from now on (admin); every farm is settled first")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_FARM")
    Farm setWeight(@PathVariable String id, @RequestBody WeightRequest r) {
        Caller.current().requireAdmin();
        var farm = farmId(id);
        if (r.allocPoint() == null) {
            var in = new Inputs();
            in.reject("allocPoint", "is required");
            in.check();
        }
        return farms.setWeight(farm, r.allocPoint());
    }

    @PostMapping("/{id}/deposit")
    @Operation(summary = "Lock an amount of the farm's token in your balance and add it to your position")
    @Refuses(status = 404, codes = "UNKNOWN_FARM")
    @Refuses(
            status = 409,
            codes = {"INSUFFICIENT_BALANCE", "FARM_ENDED", "TOKEN_PAUSED"})
    Position deposit(@PathVariable String id, @RequestBody AmountRequest r) {
        var caller = Caller.current();
        var farm = farmId(id);
        var in = new Inputs();
        var amount = in.positiveAmount("amount", r.amount());
        in.check();
        return farms.deposit(caller.id(), farm, amount);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Take an amount out of your position (unlocked); what is pending stays")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_FARM", "NO_POSITION"})
    @Refuses(
            status = 409,
            codes = {"INSUFFICIENT_STAKE", "TOKEN_PAUSED"})
    Position withdraw(@PathVariable String id, @RequestBody AmountRequest r) {
        var caller = Caller.current();
        var farm = farmId(id);
        var in = new Inputs();
        var amount = in.positiveAmount("amount", r.amount());
        in.check();
        return farms.withdraw(caller.id(), farm, amount);
    }

    @PostMapping("/{id}/harvest")
    @Operation(
            summary = "Be paid what is pending, as BTA-REWARD minted inside the emission budget",
            description = "Refused whole (the pending amount kept) when the epoch's budget cannot cover it.")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_FARM", "NO_POSITION"})
    @Refuses(
            status = 409,
            codes = {"NOTHING_TO_HARVEST", "TOKEN_PAUSED"})
    @Refuses(status = 422, codes = "EMISSION_BUDGET_EXCEEDED")
    Position harvest(@PathVariable String id) {
        return farms.harvest(Caller.current().id(), farmId(id));
    }

    @PostMapping("/{id}/emergency-withdraw")
    @Operation(summary = "Take the whole principal out at once; what is pending is forfeited")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_FARM", "NO_POSITION"})
    @Refuses(status = 409, codes = "TOKEN_PAUSED")
    Position emergencyWithdraw(@PathVariable String id) {
        return farms.emergencyWithdraw(Caller.current().id(), farmId(id));
    }

    @PostMapping("/{id}/positions/{entityId}/kick")
    @Operation(summary = "Recompute a position's working amount from its owner's trust score now (anyone)")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_FARM", "NO_POSITION"})
    Position kick(@PathVariable String id, @PathVariable String entityId) {
        Caller.current();
        var farm = farmId(id);
        var in = new Inputs();
        var owner = in.entityId("entityId", entityId);
        in.check();
        return farms.kick(owner, farm);
    }

    @GetMapping("/{id}/positions/{entityId}")
    @Operation(summary = "A position as of now: amount, working amount, pending, harvested (the owner or an admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 404, codes = "UNKNOWN_FARM")
    Position position(@PathVariable String id, @PathVariable String entityId) {
        var owner = Caller.current().ownOrAdmin("entityId", entityId);
        return farms.position(farmId(id), owner);
    }

    private TokenId token(Inputs in, String value) {
        var text = in.required("stakeTokenId", value, 64);
        if (text == null) {
            return null;
        }
        try {
            return ledger.token(text).id();
        } catch (LedgerProblems.UnknownToken e) {
            return in.reject("stakeTokenId", e.getMessage());
        }
    }

    /** An id that is not a farm's names no farm: the same 404 as a well-formed id of none. */
    private static FarmId farmId(String value) {
        try {
            return FarmId.of(value);
        } catch (IllegalArgumentException e) {
            throw FarmsProblems.unknownFarm(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
