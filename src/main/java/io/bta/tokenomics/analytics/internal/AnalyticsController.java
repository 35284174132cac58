package io.bta.tokenomics.analytics.internal;

import io.bta.tokenomics.analytics.Analytics;
import io.bta.tokenomics.analytics.AnalyticsProperties;
import io.bta.tokenomics.analytics.BucketSize;
import io.bta.tokenomics.analytics.Metric;
import io.bta.tokenomics.analytics.Overview;
import io.bta.tokenomics.analytics.Series;
import io.bta.tokenomics.analytics.TokenSnapshot;
import io.bta.tokenomics.shared.db.ReplicaRead;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The analytics JSON API: token series, the overview, and snapshots on demand (admin). */
@RestController
@Tag(name = "Analytics", description = "Token figures over time, the economy now, and snapshots")
class AnalyticsController {

    private static final int DEFAULT_TOP_HOLDERS = 10;

    record SnapshotsView(List<TokenSnapshot> snapshots) {}

    private final Analytics analytics;
    private final Clock clock;
    private final AnalyticsProperties properties;

    AnalyticsController(Analytics analytics, Clock clock, AnalyticsProperties properties) {
        this.analytics = analytics;
        this.clock = clock;
        this.properties = properties;
    }

    @PostMapping("/api/analytics/snapshots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take a snapshot of every token's figures now (admin); kind ON_DEMAND")
    @Refuses(status = 403, codes = "ROLE_REQUIRED")
    SnapshotsView snapshot() {
        var caller = Caller.current();
        caller.requireAdmin();
        return new SnapshotsView(analytics.snapshotNow(caller.id()));
    }

    @GetMapping("/api/analytics/tokens/{tokenId}/series")
    @ReplicaRead
    @Operation(
            summary = "A token's metric in buckets of 5m, 1h or 1d: the last value of a stock metric, the sum of a flow"
                    + " metric; from (default to − 1d) and to (default now) are ISO-8601 instants")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    Series series(
            @PathVariable String tokenId,
            @RequestParam(required = false) String metric,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval) {
        var in = new Inputs();
        Metric m = null;
        if (metric == null || metric.isBlank()) {
            in.reject("metric", "is required (one of " + Metric.keys() + ")");
        } else {
            m = Metric.ofKey(metric).orElse(null);
            if (m == null) {
                in.reject("metric", "must be one of " + Metric.keys());
            }
        }
        var size = interval == null
                ? BucketSize.ONE_HOUR
                : BucketSize.ofKey(interval).orElse(null);
        if (size == null) {
            in.reject("interval", "must be one of " + BucketSize.keys());
        }
        var end = to == null ? clock.instant() : in.optionalInstant("to", to);
        var start =
                from == null ? (end == null ? null : end.minus(Duration.ofDays(1))) : in.optionalInstant("from", from);
        var range = in.timeRange("from", start, end);
        in.check();
        return analytics.series(tokenId, m, size, range);
    }

    @GetMapping("/api/analytics/overview")
    @Operation(
            summary = "Every token's figures now, top holders (limit per token), staking TVL, governance participation")
    Overview overview(@RequestParam(required = false) Integer limit) {
        // The facade refuses a limit outside 1..max-top-holders (a 400 naming limit).
        return analytics.overview(limit == null ? Math.min(DEFAULT_TOP_HOLDERS, properties.maxTopHolders()) : limit);
    }
}
