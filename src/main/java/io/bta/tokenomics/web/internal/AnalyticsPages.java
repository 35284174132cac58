package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.analytics.Analytics;
import io.bta.tokenomics.analytics.BucketSize;
import io.bta.tokenomics.analytics.Metric;
import io.bta.tokenomics.analytics.Series;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.TimeRange;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charts of a token over time (supply, circulating, staked, activity) from the analytics module's
 * snapshots, and the figures now. The series are handed to the chart script as JSON in the page;
 * each chart also has its values as a table, for screen readers and for no script.
 */
@Controller
@Hidden // pages, not part of the API description
class AnalyticsPages {

    static final int BUCKETS = 30;
    static final List<Metric> CHARTED =
            List.of(Metric.TOTAL_SUPPLY, Metric.CIRCULATING, Metric.STAKED, Metric.TRANSACTIONS);

    private final Analytics analytics;
    private final Ledger ledger;
    private final Clock clock;
    private final JsonMapper json;
    private final Formats formats;

    AnalyticsPages(Analytics analytics, Ledger ledger, Clock clock, JsonMapper json, Formats formats) {
        this.formats = formats;
        this.analytics = analytics;
        this.ledger = ledger;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/app/analytics")
    String analytics(
            @RequestParam(defaultValue = "BTA-UTIL") String token,
            @RequestParam(defaultValue = "1h") String interval,
            Model model) {
        var in = new Inputs();
        var size = BucketSize.ofKey(interval)
                .orElseGet(() -> in.reject("interval", "must be one of " + BucketSize.keys()));
        in.check();
        var symbol = ledger.token(token).symbol();
        // the last bucket is the one holding now
        long width = size.width().toMillis();
        var to = java.time.Instant.ofEpochMilli(Math.floorDiv(clock.millis(), width) * width + width);
        var from = to.minus(size.width().multipliedBy(BUCKETS));
        var charts = new ArrayList<Map<String, Object>>();
        for (var metric : CHARTED) {
            charts.add(chart(analytics.series(symbol, metric, size, new TimeRange(from, to))));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("chartJson", json.writeValueAsString(charts));
        model.addAttribute("token", symbol);
        model.addAttribute("interval", size.key());
        model.addAttribute(
                "intervals",
                List.of(BucketSize.values()).stream().map(BucketSize::key).toList());
        model.addAttribute("tokens", ledger.tokens());
        model.addAttribute("overview", analytics.overview(5));
        return "web/analytics";
    }

    @PostMapping("/app/analytics/snapshot")
    String snapshot(
            @RequestParam(defaultValue = "BTA-UTIL") String token, @RequestParam(defaultValue = "1h") String interval) {
        var caller = Caller.current();
        caller.requireAdmin();
        analytics.snapshotNow(caller.id());
        return "redirect:/app/analytics?token=" + ledger.token(token).symbol() + "&interval="
                + BucketSize.ofKey(interval).orElse(BucketSize.ONE_HOUR).key();
    }

    private Map<String, Object> chart(Series series) {
        var labels = new ArrayList<String>();
        var values = new ArrayList<String>();
        var rows = new ArrayList<List<String>>();
        for (var p : series.points()) {
            labels.add(p.start().toString());
            values.add(p.value() == null ? null : plain(p.value()));
            rows.add(List.of(formats.time(p.start()), p.value() == null ? "—" : formats.number(p.value())));
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("id", series.metric().key());
        chart.put(
                "title",
                title(series.metric()) + (series.metric() == Metric.TRANSACTIONS ? "" : ", " + series.symbol()));
        chart.put("labels", labels);
        // exact decimal strings; the chart script reads them as numbers only to draw
        chart.put("values", values);
        chart.put("rows", rows);
        return chart;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String title(Metric metric) {
        return switch (metric) {
            case TOTAL_SUPPLY -> "Total supply";
            case CIRCULATING -> "Circulating (outside the treasury)";
            case STAKED -> "Staked";
            case TRANSACTIONS -> "Activity (transactions per interval)";
            default -> metric.key();
        };
    }
}
