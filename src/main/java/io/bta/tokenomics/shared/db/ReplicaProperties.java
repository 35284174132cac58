package io.bta.tokenomics.shared.db;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.datasource.*}: read replicas of the primary (PostgreSQL streaming standbys),
 * none by default. A replica serves the reads that may lag (histories, audit proofs, analytics)
 * while it is no more than {@code replica-max-lag} behind the primary and has replayed as far as
 * the read asks; else the primary serves them. {@code replica-check-interval}: how often each
 * replica's position is read.
 */
@ConfigurationProperties("tokenomics.datasource")
public record ReplicaProperties(
        List<Replica> replicas,
        @DefaultValue("5s") Duration replicaMaxLag,
        @DefaultValue("500ms") Duration replicaCheckInterval,
        @DefaultValue("8") int replicaPoolSize) {

    public record Replica(String url, String username, String password) {}

    public ReplicaProperties {
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
        for (int i = 0; i < replicas.size(); i++) {
            var url = replicas.get(i).url();
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException(
                        "tokenomics.datasource.replicas[" + i + "].url must be a jdbc:postgresql: URL");
            }
        }
        if (replicaMaxLag == null || replicaMaxLag.isNegative() || replicaMaxLag.isZero()) {
            throw new IllegalStateException("tokenomics.datasource.replica-max-lag must be more than zero");
        }
        if (replicaCheckInterval == null || replicaCheckInterval.isNegative() || replicaCheckInterval.isZero()) {
            throw new IllegalStateException("tokenomics.datasource.replica-check-interval must be more than zero");
        }
        if (replicaPoolSize < 1) {
            throw new IllegalStateException("tokenomics.datasource.replica-pool-size must be at least 1");
        }
    }
}
