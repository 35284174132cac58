package io.bta.tokenomics.trust.internal;

import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.bta.tokenomics.trust.Trust;
import io.bta.tokenomics.trust.TrustScore;
import io.bta.tokenomics.trust.TrustScoreChanged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trust scores under {@code /api/trust}: read by any caller, set by an admin or a platform service. */
@RestController
@RequestMapping("/api/trust")
@Tag(name = "Trust", description = "trust scores of entities")
class TrustController {

    record ScoreView(String entityId, BigDecimal score, Instant updatedAt) {
        static ScoreView of(TrustScore s) {
            return new ScoreView(s.entityId().value(), s.score(), s.updatedAt());
        }
    }

    record ChangeView(BigDecimal score, BigDecimal previous, String changedBy, Instant changedAt) {
        static ChangeView of(TrustScoreChanged c) {
            return new ChangeView(c.score(), c.previous(), c.changedBy().value(), c.changedAt());
        }
    }

    record ScoreRequest(BigDecimal score) {}

    static final String TRUST_WRITE = "trust:write";

    private final Trust trust;

    TrustController(Trust trust) {
        this.trust = trust;
    }

    @GetMapping("/{entityId}")
    @Operation(summary = "An entity's trust score (the default if it has none)")
    ScoreView score(@PathVariable String entityId) {
        var in = new Inputs();
        var entity = in.entityId("entityId", entityId);
        in.check();
        return ScoreView.of(trust.scoreOf(entity));
    }

    @GetMapping("/{entityId}/history")
    @Operation(summary = "An entity's trust score changes, newest first")
    List<ChangeView> history(@PathVariable String entityId, @RequestParam(required = false) Integer limit) {
        var in = new Inputs();
        var entity = in.entityId("entityId", entityId);
        int size = Paging.limit(in, limit);
        in.check();
        return trust.history(entity, size).stream().map(ChangeView::of).toList();
    }

    @PutMapping("/{entityId}")
    @Operation(summary = "Set an entity's trust score (admin or SERVICE)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    ScoreView record(@PathVariable String entityId, @RequestBody ScoreRequest request) {
        // The security filter lets admins and services through; a service API key also needs this scope.
        var caller = Caller.current();
        caller.requireScope(TRUST_WRITE);
        var in = new Inputs();
        var entity = in.entityId("entityId", entityId);
        if (request.score() == null) {
            in.reject("score", "is required");
        } else {
            try {
                TrustScore.requireValid(request.score());
            } catch (IllegalArgumentException e) {
                in.reject("score", e.getMessage());
            }
        }
        in.check();
        return ScoreView.of(trust.record(entity, request.score(), caller.id()));
    }
}
