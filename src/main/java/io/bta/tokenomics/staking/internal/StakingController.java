package io.bta.tokenomics.staking.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.EarlyUnstakePenalty;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolStatus;
import io.bta.tokenomics.staking.PoolTerms;
import io.bta.tokenomics.staking.Stake;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.staking.StakingPool;
import io.bta.tokenomics.staking.StakingProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staking JSON API under {@code /api/staking}. */
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

    record PoolView(
            String id,
            String tokenId,
            String symbol,
            String rewardTokenId,
            String rewardSymbol,
            String name,
            String apy,
            Amount minStakeAmount,
            int lockPeriod,
            String minTrustScore,
            Amount maxTotalStake,
            String earlyUnstakePenalty,
            String status,
            Amount totalStaked,
            int stakerCount,
            Instant createdAt) {
        static PoolView of(StakingPool p) {
            return new PoolView(
                    p.id().toString(),
                    p.tokenId().toString(),
                    p.symbol(),
                    p.rewardTokenId().toString(),
                    p.rewardSymbol(),
                    p.name(),
                    p.apy().toPlainString(),
                    p.minStakeAmount(),
                    p.lockPeriodDays(),
                    p.minTrustScore().toPlainString(),
                    p.maxTotalStake(),
                    p.earlyUnstakePenalty() == null
                            ? null
                            : p.earlyUnstakePenalty().toPlainString(),
                    p.status().name(),
                    p.totalStaked(),
                    p.stakerCount(),
                    p.createdAt());
        }
    }

    record StakeView(
            String id,
            String poolId,
            String stakerId,
            Amount amount,
            String trustScoreAtStake,
            Instant stakedAt,
            Instant unlocksAt,
            String status,
            Amount pendingRewards,
            Amount rewardsPaid,
            Instant unstakedAt) {
        static StakeView of(Stake s) {
            return new StakeView(
                    s.id().toString(),
                    s.poolId().toString(),
                    s.stakerId().value(),
                    s.amount(),
                    s.trustScoreAtStake().toPlainString(),
                    s.stakedAt(),
                    s.unlocksAt(),
                    s.status().name(),
                    s.pendingRewards(),
                    s.rewardsPaid(),
                    s.unstakedAt());
        }
    }

    /** The closed stake's fields, flat, and what the unstake paid, kept and returned. */
    record UnstakeView(@JsonUnwrapped StakeView stake, Amount rewardPaid, Amount penalty, Amount principalReturned) {}

    record RewardsView(String stakerId, Map<String, Amount> pendingRewards) {}

    record DistributionView(int pools, int stakesPaid, Map<String, Amount> paid) {}

    private final Staking staking;
    private final Ledger ledger;

    StakingController(Staking staking, Ledger ledger) {
        this.staking = staking;
        this.ledger = ledger;
    }

    @PostMapping("/pools")
    @Operation(summary = "Create a staking pool (admin)")
    ResponseEntity<PoolView> createPool(@RequestBody CreatePoolRequest r) {
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
        return ResponseEntity.status(HttpStatus.CREATED).body(PoolView.of(pool));
    }

    @GetMapping("/pools")
    @Operation(summary = "Staking pools with their totals")
    List<PoolView> pools() {
        Caller.current();
        return staking.pools().stream().map(PoolView::of).toList();
    }

    @PatchMapping("/pools/{poolId}")
    @Operation(summary = "Change a pool's APY, status or minimum trust score from now on (admin)")
    PoolView updatePool(@PathVariable String poolId, @RequestBody UpdatePoolRequest r) {
        Caller.current().requireAdmin();
        var id = poolId(poolId);
        var in = new Inputs();
        var apy = r.apy() == null ? null : in.valid("apy", () -> Apy.ofPercent(r.apy()));
        var status = r.status() == null ? null : in.valid("status", () -> PoolStatus.parse(r.status()));
        var minTrust =
                r.minTrustScore() == null ? null : in.valid("minTrustScore", () -> MinTrustScore.of(r.minTrustScore()));
        in.check();
        return PoolView.of(staking.updatePool(id, apy, status, minTrust));
    }

    @PostMapping("/stake")
    @Operation(summary = "Stake tokens in a pool: they move from available to locked")
    ResponseEntity<StakeView> stake(@RequestBody StakeRequest r) {
        var caller = Caller.current();
        var in = new Inputs();
        var pool = in.required("poolId", r.poolId(), 64);
        var amount = in.positiveAmount("amount", r.amount());
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(StakeView.of(staking.stake(caller.id(), poolId(pool), amount)));
    }

    @PostMapping("/unstake/{stakeId}")
    @Operation(summary = "Unstake (the staker only): principal unlocked, pending rewards paid, penalty if early")
    UnstakeView unstake(@PathVariable String stakeId) {
        var caller = Caller.current();
        UUID id;
        try {
            id = UUID.fromString(stakeId);
        } catch (IllegalArgumentException e) {
            throw StakingProblems.unknownStake(stakeId.length() > 64 ? stakeId.substring(0, 64) : stakeId);
        }
        var u = staking.unstake(id, caller.id());
        return new UnstakeView(StakeView.of(u.stake()), u.rewardPaid(), u.penalty(), u.principalReturned());
    }

    @GetMapping("/stakes")
    @Operation(summary = "The caller's stakes with their pending rewards")
    List<StakeView> myStakes() {
        return staking.stakesOf(Caller.current().id()).stream()
                .map(StakeView::of)
                .toList();
    }

    @GetMapping("/stakes/{stakerId}")
    @Operation(summary = "An entity's stakes with their pending rewards (owner or admin)")
    List<StakeView> stakes(@PathVariable String stakerId) {
        return staking.stakesOf(Caller.current().ownOrAdmin("stakerId", stakerId)).stream()
                .map(StakeView::of)
                .toList();
    }

    @GetMapping("/stakes/{stakerId}/rewards")
    @Operation(summary = "The sum of an entity's pending staking rewards, by reward token (owner or admin)")
    RewardsView rewards(@PathVariable String stakerId) {
        var staker = Caller.current().ownOrAdmin("stakerId", stakerId);
        return new RewardsView(staker.value(), staking.pendingRewardsOf(staker));
    }

    @PostMapping("/distribute")
    @Operation(summary = "Pay every pending reward of a pool, or of all pools (admin)")
    DistributionView distribute(@RequestBody(required = false) DistributeRequest r) {
        Caller.current().requireAdmin();
        var pool = r == null || r.poolId() == null ? null : poolId(r.poolId());
        var d = staking.distribute(pool);
        return new DistributionView(d.pools(), d.stakesPaid(), d.paidBySymbol());
    }

    /** The value {@code build} makes, or its refusal recorded against {@code field}. */
    private static UUID poolId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw StakingProblems.unknownPool(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
