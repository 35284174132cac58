package io.bta.tokenomics.analytics.internal;

import io.bta.tokenomics.analytics.Metric;
import io.bta.tokenomics.analytics.TokenSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest snapshot's stock figures as gauges ({@code bta_token_supply{token="BTA-UTIL"}}, ...).
 * A scrape reads the figures held here, never the database: they change when this instance takes
 * a snapshot and when its job reads the latest one (which another instance may have taken).
 * Prometheus values are doubles, so the gauges are approximate; the API's figures are exact.
 */
@Component
public class FigureGauges {

    private static final Map<String, Metric> GAUGES = Map.of(
            "bta.token.supply", Metric.TOTAL_SUPPLY,
            "bta.token.circulating", Metric.CIRCULATING,
            "bta.token.locked", Metric.LOCKED,
            "bta.token.staked", Metric.STAKED,
            "bta.token.holders", Metric.HOLDERS);

    private final MeterRegistry registry;
    private final Map<String, TokenSnapshot> shown = new ConcurrentHashMap<>();

    FigureGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Shows these rows, each unless a newer snapshot of its token is shown already. */
    public void show(List<TokenSnapshot> rows) {
        for (var row : rows) {
            var before = shown.get(row.symbol());
            shown.merge(row.symbol(), row, FigureGauges::newer);
            if (before == null) {
                register(row.symbol());
            }
        }
    }

    private static TokenSnapshot newer(TokenSnapshot current, TokenSnapshot incoming) {
        if (incoming.ledgerSequence() != current.ledgerSequence()) {
            return incoming.ledgerSequence() > current.ledgerSequence() ? incoming : current;
        }
        return incoming.takenAt().isBefore(current.takenAt()) ? current : incoming;
    }

    private void register(String symbol) {
        GAUGES.forEach((name, metric) -> Gauge.builder(name, () -> figure(symbol, metric))
                .description("the latest analytics snapshot's " + metric.key())
                .tag("token", symbol)
                .strongReference(true)
                .register(registry));
    }

    /** The shown figure, exact; Micrometer converts it (and reports a missing one as NaN). */
    private BigDecimal figure(String symbol, Metric metric) {
        var snapshot = shown.get(symbol);
        return snapshot == null ? null : snapshot.value(metric);
    }
}
