package io.bta.tokenomics.staking.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.EarlyUnstakePenalty;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.PoolStatus;
import io.bta.tokenomics.staking.PoolTerms;
import io.bta.tokenomics.staking.Stake;
import io.bta.tokenomics.staking.StakeId;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.staking.StakingPool;
import io.bta.tokenomics.staking.StakingProblems;
import io.bta.tokenomics.staking.Unstaked;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
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

/**
 * The staking JSON API under {@code /api/staking}. It answers the facade's records as they are
 * ({@link StakingPool}, {@link Stake}, {@link Unstaked}, {@link Staking.Distribution}); their ids
 * and terms are written by {@link StakingJson}.
 */
@RestController
@RequestMapping("/api/staking")
@Tag(name = "Staking", description = "pools, stakes, rewards")
class StakingController {

    record CreatePoolRequest(
            String tokenId,
            String rewardTokenId,
            String name,
            BigDecimal apy,
            String minStakeAmount,
            Integer lockPeriod,
            BigDecimal minTrustScore,
            String maxTotalStake,
            BigDecimal earlyUnstakePenalty) {}

    record UpdatePoolRequest(BigDecimal apy, String status, BigDecimal minTrustScore) {}

    record StakeRequest(String poolId, String amount) {}

    record DistributeRequest(String poolId) {}

    record RewardsView(String stakerId, Map<String, Amount> pendingRewards) {}

    private final Staking staking;
    private final Ledger ledger;

    StakingController(Staking staking, Ledger ledger) {
        this.staking = staking;
        this.ledger = ledger;
    }

    @PostMapping("/pools")
    @Operation(summary = "Create a staking pool (admin)")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    ResponseEntity<StakingPool> createPool(@RequestBody CreatePoolRequest r) {
        Caller.current().requireAdmin();
        // Each term's type holds its rule and its message; this only says which field it came from.
        var in = new Inputs();
        var token = in.required("tokenId", r.tokenId(), 64);
        var rewardToken = in.optional("rewardTokenId", r.rewardTokenId(), 64);
        var apy = in.valid("apy", () -> Apy.ofPercent(r.apy()));
        var lockPeriod = in.valid("lockPeriod", () -> LockPeriod.ofDays(r.lockPeriod()));
        var minTrust = r.minTrustScore() == null
                ? MinTrustScore.NONE
                : in.valid("minTrustScore", () -> MinTrustScore.of(r.minTrustScore()));
        var penalty = r.earlyUnstakePenalty() == null
                ? null
                : in.valid("earlyUnstakePenalty", () -> EarlyUnstakePenalty.of(r.earlyUnstakePenalty()));
        var minStake =
                r.minStakeAmount() == null ? null : in.valid("minStakeAmount", () -> Amount.parse(r.minStakeAmount()));
        var cap = r.maxTotalStake() == null ? null : in.valid("maxTotalStake", () -> Amount.parse(r.maxTotalStake()));
        in.check();
        var pool = staking.createPool(new PoolTerms(
                ledger.resolve(token),
                rewardToken == null ? ledger.resolve(PoolTerms.DEFAULT_REWARD_TOKEN) : ledger.resolve(rewardToken),
                r.name(),
                apy,
                minStake,
                lockPeriod,
                minTrust,
                cap,
                penalty));
        return ResponseEntity.status(HttpStatus.CREATED).body(pool);
    }

    @GetMapping("/pools")
    @Operation(summary = "Staking pools with their totals")
    List<StakingPool> pools() {
        Caller.current();
        return staking.pools();
    }

    @PatchMapping("/pools/{poolId}")
    @Operation(summary = "Change a pool's APY, status or minimum trust score from now on (admin)")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_POOL")
    StakingPool updatePool(@PathVariable String poolId, @RequestBody UpdatePoolRequest r) {
        Caller.current().requireAdmin();
        var id = poolId(poolId);
        var in = new Inputs();
        var apy = r.apy() == null ? null : in.valid("apy", () -> Apy.ofPercent(r.apy()));
        var status = r.status() == null ? null : in.valid("status", () -> PoolStatus.parse(r.status()));
        var minTrust =
                r.minTrustScore() == null ? null : in.valid("minTrustScore", () -> MinTrustScore.of(r.minTrustScore()));
        in.check();
        return staking.updatePool(id, apy, status, minTrust);
    }

    @PostMapping("/stake")
    @Operation(summary = "Stake tokens in a pool: they move from available to locked")
    @Refuses(status = 404, codes = "UNKNOWN_POOL")
    @Refuses(status = 409, codes = "POOL_NOT_ACTIVE")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "BELOW_MIN_STAKE")
    @Refuses(status = 422, codes = "TRUST_SCORE_TOO_LOW")
    @Refuses(status = 422, codes = "POOL_CAP_EXCEEDED")
    ResponseEntity<Stake> stake(@RequestBody StakeRequest r) {
        var caller = Caller.current();
        var in = new Inputs();
        var pool = in.required("poolId", r.poolId(), 64);
        var amount = in.positiveAmount("amount", r.amount());
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED).body(staking.stake(caller.id(), poolId(pool), amount));
    }

    @PostMapping("/unstake/{stakeId}")
    @Operation(summary = "Unstake (the staker only): principal unlocked, pending rewards paid, penalty if early")
    @Refuses(status = 403, codes = "NOT_STAKER")
    @Refuses(status = 404, codes = "UNKNOWN_STAKE")
    @Refuses(status = 409, codes = "STAKE_CLOSED")
    @Refuses(status = 409, codes = "STAKE_LOCKED")
    @Refuses(status = 422, codes = "MAX_SUPPLY_EXCEEDED")
    Unstaked unstake(@PathVariable String stakeId) {
        var caller = Caller.current();
        StakeId id;
        try {
            id = StakeId.of(stakeId);
        } catch (IllegalArgumentException e) {
            throw StakingProblems.unknownStake(shortened(stakeId));
        }
        return staking.unstake(id, caller.id());
    }

    @GetMapping("/stakes")
    @Operation(summary = "The caller's stakes with their pending rewards")
    List<Stake> myStakes() {
        return staking.stakesOf(Caller.current().id());
    }

    @GetMapping("/stakes/{stakerId}")
    @Operation(summary = "An entity's stakes with their pending rewards (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    List<Stake> stakes(@PathVariable String stakerId) {
        return staking.stakesOf(Caller.current().ownOrAdmin("stakerId", stakerId));
    }

    @GetMapping("/stakes/{stakerId}/rewards")
    @Operation(summary = "The sum of an entity's pending staking rewards, by reward token (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    RewardsView rewards(@PathVariable String stakerId) {
        var staker = Caller.current().ownOrAdmin("stakerId", stakerId);
        return new RewardsView(staker.value(), staking.pendingRewardsOf(staker));
    }

    @PostMapping("/distribute")
    @Operation(summary = "Pay every pending reward of a pool, or of all pools (admin)")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_POOL")
    Staking.Distribution distribute(@RequestBody(required = false) DistributeRequest r) {
        Caller.current().requireAdmin();
        var pool = r == null || r.poolId() == null ? null : poolId(r.poolId());
        return staking.distribute(pool);
    }

    /** An id that is not a pool's names no pool: the same 404 as a well-formed id of none. */
    private static PoolId poolId(String value) {
        try {
            return PoolId.of(value);
        } catch (IllegalArgumentException e) {
            throw StakingProblems.unknownPool(shortened(value));
        }
    }

    private static String shortened(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
