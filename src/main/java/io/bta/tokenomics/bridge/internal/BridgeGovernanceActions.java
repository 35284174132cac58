package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.governance.ProposalActionType;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What a governance proposal may do to the bridge: pause or unpause it. The flag changes in the
 * proposal's transaction; the sender sets the contract on chain to match on its next pass.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
class BridgeGovernanceActions {

    @Bean
    ProposalActionType pauseBridge(@Lazy Bridge bridge) {
        return action("PAUSE_BRIDGE", bridge, true);
    }

    @Bean
    ProposalActionType unpauseBridge(@Lazy Bridge bridge) {
        return action("UNPAUSE_BRIDGE", bridge, false);
    }

    private static ProposalActionType action(String type, Bridge bridge, boolean paused) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                if (parameters != null && !parameters.isEmpty()) {
                    throw new IllegalArgumentException(type + " takes no parameters");
                }
                return Map.of();
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                bridge.setPausedFlag(paused);
            }
        };
    }
}
