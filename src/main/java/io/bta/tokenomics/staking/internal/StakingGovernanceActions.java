package io.bta.tokenomics.staking.internal;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.shared.NumberText;
import io.bta.tokenomics.staking.PoolStatus;
import io.bta.tokenomics.staking.Staking;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** What a governance proposal may do to staking: change a pool's APY or its status. */
@Configuration(proxyBeanMethods = false)
class StakingGovernanceActions {

    @Bean
    ProposalActionType setPoolApy(@Lazy Staking staking) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "SET_POOL_APY";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "poolId", "apy");
                var pool = staking.pool(poolId(parameters));
                var apy = apy(parameters.get("apy"));
                return Map.of("poolId", pool.id().toString(), "apy", apy.toPlainString());
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                staking.updatePool(
                        UUID.fromString(parameters.get("poolId")), new BigDecimal(parameters.get("apy")), null, null);
            }
        };
    }

    @Bean
    ProposalActionType setPoolStatus(@Lazy Staking staking) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "SET_POOL_STATUS";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "poolId", "status");
                var pool = staking.pool(poolId(parameters));
                return Map.of(
                        "poolId",
                        pool.id().toString(),
                        "status",
                        status(parameters.get("status")).name());
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                staking.updatePool(
                        UUID.fromString(parameters.get("poolId")),
                        null,
                        PoolStatus.valueOf(parameters.get("status")),
                        null);
            }
        };
    }

    static UUID poolId(Map<String, String> parameters) {
        try {
            return UUID.fromString(parameters.getOrDefault("poolId", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("poolId: must be the id of a staking pool");
        }
    }

    static BigDecimal apy(String value) {
        try {
            var apy = NumberText.parseDecimal(value == null ? "" : value);
            if (apy.signum() < 0
                    || apy.compareTo(BigDecimal.valueOf(1000)) > 0
                    || apy.stripTrailingZeros().scale() > 6) {
                throw new IllegalArgumentException("apy: must be between 0 and 1000 (percent), at most 6 decimals");
            }
            return apy.stripTrailingZeros().scale() < 0 ? apy.setScale(0) : apy.stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("apy: must be a decimal number such as 12.5");
        }
    }

    static PoolStatus status(String value) {
        try {
            return PoolStatus.valueOf(value == null ? "" : value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: must be ACTIVE, PAUSED or CLOSED");
        }
    }

    static void only(Map<String, String> parameters, String... names) {
        var allowed = java.util.Set.of(names);
        for (var key : parameters.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(key + ": not a parameter of this action");
            }
        }
    }
}
