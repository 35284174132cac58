package io.bta.tokenomics.analytics.internal;

import io.bta.tokenomics.analytics.Analytics;
import io.bta.tokenomics.analytics.AnalyticsProperties;
import io.bta.tokenomics.analytics.BucketSize;
import io.bta.tokenomics.analytics.Metric;
import io.bta.tokenomics.analytics.Overview;
import io.bta.tokenomics.analytics.Series;
import io.bta.tokenomics.analytics.TokenSnapshot;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Amounts and counts alike are decimal strings, so that no client reads them as doubles. */
    record SnapshotView(
            String id,
            String tokenId,
            String symbol,
            String kind,
            Instant dueAt,
            Instant takenAt,
            String takenBy,
            long afterSequence,
            long ledgerSequence,
            Amount totalSupply,
            Amount circulating,
            Amount locked,
            Amount staked,
            String holders,
            String transactions,
            String volume,
            String minted,
            String burned,
            String rewardsMinted) {
        static SnapshotView of(TokenSnapshot s) {
            return new SnapshotView(
                    s.id().toString(),
                    s.tokenId().toString(),
                    s.symbol(),
                    s.kind().name(),
                    s.dueAt(),
                    s.takenAt(),
                    s.takenBy().value(),
                    s.afterSequence(),
                    s.ledgerSequence(),
                    s.totalSupply(),
                    s.circulating(),
                    s.locked(),
                    s.staked(),
                    Long.toString(s.holders()),
                    Long.toString(s.transactions()),
                    text(s.volume()),
                    text(s.minted()),
                    text(s.burned()),
                    text(s.rewardsMinted()));
        }
    }

    record SnapshotsView(List<SnapshotView> snapshots) {}

    record PointView(Instant start, String value, int snapshots) {}

    record SeriesView(
            String tokenId,
            String symbol,
            String metric,
            String kind,
            String aggregation,
            String interval,
            Instant from,
            Instant to,
            List<PointView> points) {
        static SeriesView of(Series s) {
            return new SeriesView(
                    s.tokenId().toString(),
                    s.symbol(),
                    s.metric().key(),
                    s.metric().kind().name(),
                    s.metric().kind() == Metric.Kind.STOCK ? "last" : "sum",
                    s.interval().key(),
                    s.from(),
                    s.to(),
                    s.points().stream()
                            .map(p ->
                                    new PointView(p.start(), p.value() == null ? null : text(p.value()), p.snapshots()))
                            .toList());
        }
    }

    record HolderView(String entityId, Amount available, Amount locked, Amount total) {}

    record TokenView(
            String tokenId,
            String symbol,
            Amount totalSupply,
            Amount circulating,
            Amount locked,
            Amount staked,
            String holders,
            String totalMinted,
            String totalBurned,
            List<HolderView> topHolders) {}

    record StakingView(String tokenId, String symbol, Amount totalValueLocked) {}

    record GovernanceView(
            String proposals,
            Map<ProposalStatus, String> proposalsByStatus,
            String votesCast,
            String voters,
            String eligibleVoters,
            String participationRate) {}

    record OverviewView(
            Instant asOf,
            long ledgerSequence,
            Instant lastSnapshotAt,
            List<TokenView> tokens,
            List<StakingView> staking,
            GovernanceView governance) {
        static OverviewView of(Overview o) {
            var g = o.governance();
            var byStatus = new LinkedHashMap<ProposalStatus, String>();
            for (var status : ProposalStatus.values()) {
                byStatus.put(status, Long.toString(g.proposalsByStatus().getOrDefault(status, 0L)));
            }
            return new OverviewView(
                    o.asOf(),
                    o.ledgerSequence(),
                    o.lastSnapshotAt(),
                    o.tokens().stream()
                            .map(t -> new TokenView(
                                    t.tokenId().toString(),
                                    t.symbol(),
                                    t.totalSupply(),
                                    t.circulating(),
                                    t.locked(),
                                    t.staked(),
                                    Long.toString(t.holders()),
                                    text(t.totalMinted()),
                                    text(t.totalBurned()),
                                    t.topHolders().stream()
                                            .map(b -> new HolderView(
                                                    b.entityId().value(), b.available(), b.locked(), b.total()))
                                            .toList()))
                            .toList(),
                    o.tokens().stream()
                            .map(t -> new StakingView(t.tokenId().toString(), t.symbol(), t.staked()))
                            .toList(),
                    new GovernanceView(
                            Long.toString(g.proposals()),
                            byStatus,
                            Long.toString(g.votesCast()),
                            Long.toString(g.voters()),
                            Long.toString(g.eligibleVoters()),
                            g.participationRate() == null ? null : text(g.participationRate())));
        }
    }

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
    SnapshotsView snapshot() {
        var caller = Caller.current();
        caller.requireAdmin();
        return new SnapshotsView(analytics.snapshotNow(caller.id()).stream()
                .map(SnapshotView::of)
                .toList());
    }

    @GetMapping("/api/analytics/tokens/{tokenId}/series")
    @Operation(
            summary = "A token's metric in buckets of 5m, 1h or 1d: the last value of a stock metric, the sum of a flow"
                    + " metric; from (default to − 1d) and to (default now) are ISO-8601 instants")
    SeriesView series(
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
        return SeriesView.of(analytics.series(tokenId, m, size, range));
    }

    @GetMapping("/api/analytics/overview")
    @Operation(
            summary = "Every token's figures now, top holders (limit per token), staking TVL, governance participation")
    OverviewView overview(@RequestParam(required = false) Integer limit) {
        // The facade refuses a limit outside 1..max-top-holders (a 400 naming limit).
        return OverviewView.of(
                analytics.overview(limit == null ? Math.min(DEFAULT_TOP_HOLDERS, properties.maxTopHolders()) : limit));
    }

    private static String text(BigDecimal value) {
        return Decimals.plain(value).toPlainString();
    }
}
