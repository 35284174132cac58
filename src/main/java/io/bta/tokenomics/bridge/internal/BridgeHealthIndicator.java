package io.bta.tokenomics.bridge.internal;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code bridge} health component: DOWN, with each token's figures as details, while the
 * follower's last reconciliation found an escrow that is not the supply on chain plus what is in
 * flight. Not part of the readiness group: an inconsistency needs an operator, not a restart.
 */
@Component
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
class BridgeHealthIndicator implements HealthIndicator {

    private final BridgeJobs jobs;

    BridgeHealthIndicator(BridgeJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        var last = jobs.lastReconciliation();
        var builder = last.stream().allMatch(r -> r.consistent()) ? Health.up() : Health.down();
        for (var r : last) {
            builder.withDetail(
                    r.symbol(),
                    Map.of(
                            "escrowed", r.escrowed().toString(),
                            "onChainSupply", r.onChainSupply().toString(),
                            "inFlight", r.inFlight().toString(),
                            "consistent", r.consistent()));
        }
        return builder.build();
    }
}
