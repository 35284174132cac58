package io.bta.tokenomics.staking.internal;

import static io.bta.tokenomics.governance.ActionParameters.only;
import static io.bta.tokenomics.governance.ActionParameters.parameter;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.PoolStatus;
import io.bta.tokenomics.staking.Staking;
import java.util.Map;
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
                var apy = parameter("apy", () -> Apy.ofPercent(parameters.get("apy")));
                return Map.of("poolId", pool.id().toString(), "apy", apy.toString());
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                staking.updatePool(poolId(parameters), Apy.ofPercent(parameters.get("apy")), null, null);
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
                        parameter("status", () -> PoolStatus.parse(parameters.get("status")))
                                .name());
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                staking.updatePool(poolId(parameters), null, PoolStatus.parse(parameters.get("status")), null);
            }
        };
    }

    static PoolId poolId(Map<String, String> parameters) {
        return parameter("poolId", () -> PoolId.of(parameters.get("poolId")));
    }
}
