package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.rewards.EmissionState;
import io.bta.tokenomics.rewards.Reward;
import io.bta.tokenomics.rewards.RewardGrant;
import io.bta.tokenomics.rewards.RewardPolicy;
import io.bta.tokenomics.rewards.RewardStatus;
import io.bta.tokenomics.rewards.RewardTotals;
import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rewards under {@code /api/rewards}. Literal paths ({@code /policies}, {@code /emission},
 * {@code /triggers/...}) take precedence over {@code /{recipientId}} in Spring MVC's matching.
 */
@RestController
@RequestMapping("/api/rewards")
@Tag(name = "Rewards", description = "rewards in BTA-REWARD, claims, policies and the emission budget")
class RewardsController {

    private static final int MAX_REF_LENGTH = 100;

    record RewardView(
            String id,
            String recipientId,
            String tokenId,
            String symbol,
            Amount amount,
            String type,
            String sourceRef,
            String reason,
            BigDecimal trustScore,
            String status,
            Instant createdAt,
            Instant claimedAt,
            Instant expiresAt) {
        static RewardView of(Reward r) {
            return new RewardView(
                    r.id().toString(),
                    r.recipientId().value(),
                    r.tokenId().toString(),
                    r.symbol(),
                    r.amount(),
                    r.type().name(),
                    r.sourceRef(),
                    r.reason(),
                    r.trustScore(),
                    r.status().name(),
                    r.createdAt(),
                    r.claimedAt(),
                    r.expiresAt());
        }
    }

    record TypeTotalView(String type, Amount distributed, Amount claimed, Amount pending, Amount expired, long count) {}

    record TokenTotalView(
            String tokenId,
            String symbol,
            Amount distributed,
            Amount claimed,
            Amount pending,
            Amount expired,
            long count,
            List<TypeTotalView> byType) {}

    record TotalsView(String recipientId, List<TokenTotalView> tokens) {
        static TotalsView of(RewardTotals t) {
            return new TotalsView(
                    t.recipientId().value(),
                    t.tokens().stream()
                            .map(k -> new TokenTotalView(
                                    k.tokenId().toString(),
                                    k.symbol(),
                                    k.sums().distributed(),
                                    k.sums().claimed(),
                                    k.sums().pending(),
                                    k.sums().expired(),
                                    k.sums().count(),
                                    k.byType().stream()
                                            .map(y -> new TypeTotalView(
                                                    y.type().name(),
                                                    y.sums().distributed(),
                                                    y.sums().claimed(),
                                                    y.sums().pending(),
                                                    y.sums().expired(),
                                                    y.sums().count()))
                                            .toList()))
                            .toList());
        }
    }

    record PolicyView(
            String type, Amount amount, BigDecimal rate, Amount cap, BigDecimal minTrust, BigDecimal trustBoost) {
        static PolicyView of(RewardPolicy p) {
            return new PolicyView(
                    p.type().name(),
                    p.amount(),
                    Decimals.plain(p.rate()),
                    p.cap(),
                    Decimals.plain(p.minTrust()),
                    Decimals.plain(p.trustBoost()));
        }
    }

    record EmissionView(
            int epoch,
            Instant startsAt,
            Instant endsAt,
            Amount supplyAtStart,
            BigDecimal inflationRate,
            Amount budget,
            Amount minted,
            Amount reserved,
            Amount remaining) {
        static EmissionView of(EmissionState e) {
            return new EmissionView(
                    e.epoch(),
                    e.startsAt(),
                    e.endsAt(),
                    e.supplyAtStart(),
                    Decimals.plain(e.inflationRate()),
                    e.budget(),
                    e.minted(),
                    e.reserved(),
                    e.remaining());
        }
    }

    record DistributeRequest(String recipientId, String type, String sourceRef, String amount, String reason) {}

    record TransactionTrigger(String entityId, String transactionRef, String transactionValue) {}

    record LearningTrigger(String entityId, String courseId, String level) {}

    record ReferralTrigger(String referrerId, String refereeId) {}

    private final Rewards rewards;

    RewardsController(Rewards rewards) {
        this.rewards = rewards;
    }

    @GetMapping
    @Operation(summary = "The caller's rewards, newest first")
    Page<RewardView> myRewards(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return history(Caller.current().id(), type, status, limit, cursor);
    }

    @GetMapping("/{recipientId}")
    @Operation(summary = "An entity's rewards, newest first (owner or admin)")
    Page<RewardView> rewards(
            @PathVariable String recipientId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return history(Caller.current().ownOrAdmin("recipientId", recipientId), type, status, limit, cursor);
    }

    @GetMapping("/{recipientId}/totals")
    @Operation(summary = "An entity's reward totals per token and per type (owner or admin)")
    TotalsView totals(@PathVariable String recipientId) {
        return TotalsView.of(rewards.totals(Caller.current().ownOrAdmin("recipientId", recipientId)));
    }

    @PostMapping("/{rewardId}/claim")
    @Operation(summary = "Claim a pending reward: its amount is minted to the recipient (recipient only)")
    RewardView claim(@PathVariable String rewardId) {
        UUID id;
        try {
            id = UUID.fromString(rewardId);
        } catch (IllegalArgumentException e) {
            var in = new Inputs();
            in.reject("rewardId", "must be a reward id (a UUID)");
            in.check();
            return null;
        }
        return RewardView.of(rewards.claimReward(id, Caller.current().id()));
    }

    @PostMapping
    @Operation(summary = "Distribute a reward (admin or SERVICE); the amount defaults to the type's policy")
    ResponseEntity<RewardView> distribute(@RequestBody DistributeRequest request) {
        requireAdminOrService();
        var in = new Inputs();
        var recipient = in.entityId("recipientId", request.recipientId());
        var type = rewardType(in, request.type(), true);
        var source = in.required("sourceRef", request.sourceRef(), Rewards.MAX_SOURCE_REF_LENGTH);
        var amount = request.amount() == null ? null : in.positiveAmount("amount", request.amount());
        var reason = in.optional("reason", request.reason(), Rewards.MAX_REASON_LENGTH);
        in.check();
        return granted(rewards.distributeReward(recipient, type, source, amount, reason));
    }

    @PostMapping("/triggers/transaction")
    @Operation(summary = "Reward a transaction: a fraction of its value, capped (admin or SERVICE)")
    ResponseEntity<RewardView> transaction(@RequestBody TransactionTrigger request) {
        requireAdminOrService();
        var in = new Inputs();
        var entity = in.entityId("entityId", request.entityId());
        var ref = in.required("transactionRef", request.transactionRef(), MAX_REF_LENGTH);
        var value = in.positiveAmount("transactionValue", request.transactionValue());
        in.check();
        return granted(rewards.rewardTransaction(entity, ref, value));
    }

    @PostMapping("/triggers/learning")
    @Operation(summary = "Reward a finished course, once per course (and level) (admin or SERVICE)")
    ResponseEntity<RewardView> learning(@RequestBody LearningTrigger request) {
        requireAdminOrService();
        var in = new Inputs();
        var entity = in.entityId("entityId", request.entityId());
        var course = in.required("courseId", request.courseId(), MAX_REF_LENGTH);
        var level = in.optional("level", request.level(), 50);
        if (level != null && level.isBlank()) {
            in.reject("level", "must not be blank");
        }
        in.check();
        return granted(rewards.rewardLearning(entity, course, level));
    }

    @PostMapping("/triggers/referral")
    @Operation(summary = "Reward a referrer, once per referee (admin or SERVICE)")
    ResponseEntity<RewardView> referral(@RequestBody ReferralTrigger request) {
        requireAdminOrService();
        var in = new Inputs();
        var referrer = in.entityId("referrerId", request.referrerId());
        var referee = in.entityId("refereeId", request.refereeId());
        if (referrer != null && referrer.equals(referee)) {
            in.reject("refereeId", "must differ from the referrer");
        }
        in.check();
        return granted(rewards.rewardReferral(referrer, referee));
    }

    @GetMapping("/policies")
    @Operation(summary = "The reward policies in force")
    List<PolicyView> policies() {
        return rewards.policies().stream().map(PolicyView::of).toList();
    }

    @GetMapping("/emission")
    @Operation(summary = "The current BTA-REWARD emission epoch: budget, minted, reserved, remaining")
    EmissionView emission() {
        return EmissionView.of(rewards.emission());
    }

    private Page<RewardView> history(EntityId recipient, String type, String status, Integer limit, String cursor) {
        var in = new Inputs();
        var rewardType = rewardType(in, type, false);
        RewardStatus rewardStatus = null;
        if (status != null) {
            try {
                rewardStatus = RewardStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.reject("status", "must be one of PENDING, CLAIMED, EXPIRED");
            }
        }
        int pageSize = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return rewards.rewards(recipient, rewardType, rewardStatus, pageSize, position)
                .map(RewardView::of);
    }

    private static RewardType rewardType(Inputs in, String raw, boolean required) {
        if (raw == null) {
            return required ? in.reject("type", "is required") : null;
        }
        try {
            return RewardType.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return in.reject("type", "must be one of TRANSACTION, LEARNING, GOVERNANCE, REFERRAL, STAKING, MANUAL");
        }
    }

    private static void requireAdminOrService() {
        Caller.current().requireScope("rewards:write");
    }

    private static ResponseEntity<RewardView> granted(RewardGrant grant) {
        return ResponseEntity.status(grant.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(RewardView.of(grant.reward()));
    }
}
