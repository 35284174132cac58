package io.bta.tokenomics.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.web.DecimalText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A metric of one token in buckets from {@code from} (inclusive) to {@code to} (exclusive), both
 * whole bucket boundaries. Every bucket is present; one without snapshots has a null value. The API
 * answers it with the metric's kind and the aggregation its buckets use, values as decimal strings.
 */
@JsonPropertyOrder({"tokenId", "symbol", "metric", "kind", "aggregation", "interval", "from", "to", "points"})
public record Series(
        TokenId tokenId,
        String symbol,
        Metric metric,
        BucketSize interval,
        Instant from,
        Instant to,
        List<Point> points) {

    public Series {
        points = List.copyOf(points);
    }

    @JsonProperty
    public Metric.Kind kind() {
        return metric.kind();
    }

    /** How a bucket's value is made of its snapshots': the last of a stock, the sum of a flow. */
    @JsonProperty
    public String aggregation() {
        return metric.kind() == Metric.Kind.STOCK ? "last" : "sum";
    }

    /** A bucket: the last snapshot's value for a stock, the sum of the snapshots' values for a flow. */
    public record Point(
            Instant start,
            @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal value,
            int snapshots) {}
}
