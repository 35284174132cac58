package io.bta.tokenomics.shared.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tokenomics.limits.*}: what one client may send. {@code max-body-size} bounds every request
 * body (413 beyond it, chunked bodies included, which are read
 * into memory up to the limit), but a POST to one of {@code bulk-paths}, bounded by {@code
 * max-bulk-body-size}; {@code rate-limit.*} bounds how many
 * state-changing requests per second one caller may make on this instance (429 beyond it, see
 * ADR 0016).
 */
@ConfigurationProperties("tokenomics.limits")
public record AbuseLimits(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("16MB") DataSize maxBulkBodySize,
        @DefaultValue("/api/airdrops") List<String> bulkPaths) {

    public AbuseLimits {
        for (var size : List.of(maxBodySize, maxBulkBodySize)) {
            if (size.toBytes() < 1 || size.toBytes() > DataSize.ofMegabytes(512).toBytes()) {
                throw new IllegalArgumentException(
                        "tokenomics.limits.max-body-size and max-bulk-body-size must be from 1B to 512MB");
            }
        }
        bulkPaths = List.copyOf(bulkPaths);
    }

    /**
     * The most bytes a request's body may have: {@code max-bulk-body-size} for a POST to one of the
     * {@code bulk-paths} (exact paths of endpoints that take long lists, such as an airdrop's 100,000
     * claims), {@code max-body-size} for every other request.
     */
    public long maxBodyBytes(String method, String path) {
        if ("POST".equals(method) && bulkPaths.contains(path)) {
            return Math.max(maxBodySize.toBytes(), maxBulkBodySize.toBytes());
        }
        return maxBodySize.toBytes();
    }

    /**
     * A token bucket per caller: {@code burst} requests at once, refilled at
     * {@code requests-per-second}; paths matching {@code exclude-paths} (Ant patterns) are never
     * counted. At most {@code max-tracked-callers} buckets are kept; full ones are dropped first.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int burst,
            @DefaultValue("100") int requestsPerSecond,
            @DefaultValue("/api/bench/**") List<String> excludePaths,
            @DefaultValue("100000") int maxTrackedCallers) {

        public RateLimit {
            if (burst < 1 || requestsPerSecond < 1 || maxTrackedCallers < 1) {
                throw new IllegalArgumentException(
                        "tokenomics.limits.rate-limit: burst, requests-per-second and max-tracked-callers must be"
                                + " at least 1");
            }
            excludePaths = List.copyOf(excludePaths);
        }
    }
}
