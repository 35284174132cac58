package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.rewards.EmissionState;
import io.bta.tokenomics.rewards.Reward;
import io.bta.tokenomics.rewards.RewardGrant;
import io.bta.tokenomics.rewards.RewardId;
import io.bta.tokenomics.rewards.RewardPolicy;
import io.bta.tokenomics.rewards.RewardStatus;
import io.bta.tokenomics.rewards.RewardTotals;
import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/**
 * Rewards under {@code /api/rewards}. Literal paths ({@code /policies}, {@code /emission},
 * {@code /triggers/...}) take precedence over {@code /{recipientId}} in Spring MVC's matching.
 */
@RestController
@RequestMapping("/api/rewards")
@Tag(name = "Rewards", description = "rewards in BTA-REWARD, claims, policies and the emission budget")
class RewardsController {

    private static final int MAX_REF_LENGTH = 100;

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
    Page<Reward> myRewards(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return history(Caller.current().id(), type, status, limit, cursor);
    }

    @GetMapping("/{recipientId}")
    @Operation(summary = "An entity's rewards, newest first (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    Page<Reward> rewards(
            @PathVariable String recipientId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return history(Caller.current().ownOrAdmin("recipientId", recipientId), type, status, limit, cursor);
    }

    @GetMapping("/{recipientId}/totals")
    @Operation(summary = "An entity's reward totals per token and per type (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    RewardTotals totals(@PathVariable String recipientId) {
        return rewards.totals(Caller.current().ownOrAdmin("recipientId", recipientId));
    }

    @PostMapping("/{rewardId}/claim")
    @Operation(summary = "Claim a pending reward: its amount is minted to the recipient (recipient only)")
    @Refuses(status = 403, codes = "NOT_RECIPIENT")
    @Refuses(status = 404, codes = "REWARD_NOT_FOUND")
    @Refuses(status = 409, codes = "REWARD_NOT_PENDING")
    Reward claim(@PathVariable String rewardId) {
        var in = new Inputs();
        var id = in.valid("rewardId", () -> RewardId.of(rewardId));
        in.check();
        return rewards.claimReward(id, Caller.current().id());
    }

    @PostMapping
    @Operation(summary = "Distribute a reward (admin or SERVICE); the amount defaults to the type's policy")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 422, codes = "REWARD_AMOUNT_REQUIRED")
    @Refuses(status = 422, codes = "TRUST_TOO_LOW")
    @Refuses(status = 422, codes = "REWARD_TOO_SMALL")
    @Refuses(status = 422, codes = "EMISSION_BUDGET_EXCEEDED")
    ResponseEntity<Reward> distribute(@RequestBody DistributeRequest request) {
        requireAdminOrService();
        var in = new Inputs();
        var recipient = in.entityId("recipientId", request.recipientId());
        var type = in.requiredOneOf("type", request.type(), RewardType.class);
        if (type == RewardType.NFT) {
            in.reject("type", "an NFT reward is a badge, awarded by a badge rule (POST /api/nft/badge-rules)");
        }
        var source = in.required("sourceRef", request.sourceRef(), Rewards.MAX_SOURCE_REF_LENGTH);
        var amount = request.amount() == null ? null : in.positiveAmount("amount", request.amount());
        var reason = in.optional("reason", request.reason(), Rewards.MAX_REASON_LENGTH);
        in.check();
        return granted(rewards.distributeReward(recipient, type, source, amount, reason));
    }

    @PostMapping("/triggers/transaction")
    @Operation(summary = "Reward a transaction: a fraction of its value, capped (admin or SERVICE)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 422, codes = "TRUST_TOO_LOW")
    @Refuses(status = 422, codes = "REWARD_TOO_SMALL")
    @Refuses(status = 422, codes = "EMISSION_BUDGET_EXCEEDED")
    ResponseEntity<Reward> transaction(@RequestBody TransactionTrigger request) {
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
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 422, codes = "TRUST_TOO_LOW")
    @Refuses(status = 422, codes = "REWARD_TOO_SMALL")
    @Refuses(status = 422, codes = "EMISSION_BUDGET_EXCEEDED")
    ResponseEntity<Reward> learning(@RequestBody LearningTrigger request) {
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
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 409, codes = "REFEREE_ALREADY_REFERRED")
    @Refuses(status = 422, codes = "TRUST_TOO_LOW")
    @Refuses(status = 422, codes = "REWARD_TOO_SMALL")
    @Refuses(status = 422, codes = "EMISSION_BUDGET_EXCEEDED")
    ResponseEntity<Reward> referral(@RequestBody ReferralTrigger request) {
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
    List<RewardPolicy> policies() {
        return rewards.policies();
    }

    @GetMapping("/emission")
    @Operation(summary = "The current BTA-REWARD emission epoch: budget, minted, reserved, remaining")
    EmissionState emission() {
        return rewards.emission();
    }

    private Page<Reward> history(EntityId recipient, String type, String status, Integer limit, String cursor) {
        var in = new Inputs();
        var rewardType = in.optionalOneOf("type", type, RewardType.class);
        var rewardStatus = in.optionalOneOf("status", status, RewardStatus.class);
        int pageSize = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        return rewards.rewards(recipient, rewardType, rewardStatus, pageSize, position);
    }

    private static void requireAdminOrService() {
        Caller.current().requireScope("rewards:write");
    }

    private static ResponseEntity<Reward> granted(RewardGrant grant) {
        return ResponseEntity.status(grant.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(grant.reward());
    }
}
