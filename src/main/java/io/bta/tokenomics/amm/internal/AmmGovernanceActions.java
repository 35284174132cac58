package io.bta.tokenomics.amm.internal;

import static io.bta.tokenomics.governance.ActionParameters.only;
import static io.bta.tokenomics.governance.ActionParameters.parameter;
import static io.bta.tokenomics.governance.ActionParameters.required;

import io.bta.tokenomics.amm.Amm;
import io.bta.tokenomics.amm.PoolFees;
import io.bta.tokenomics.amm.PoolId;
import io.bta.tokenomics.amm.PoolStatus;
import io.bta.tokenomics.amm.TokenPair;
import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.NumberText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What a governance proposal may do to the AMM: create a pool ({@code CREATE_POOL}), pause or
 * resume one ({@code SET_AMM_POOL_STATUS}), and switch the protocol fee ({@code SET_AMM_PROTOCOL_FEE}).
 */
@Configuration(proxyBeanMethods = false)
class AmmGovernanceActions {

    @Bean
    ProposalActionType createAmmPool(@Lazy Amm amm, @Lazy Ledger ledger) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "CREATE_POOL";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "tokenA", "tokenB", "feeBps");
                var a = parameter("tokenA", () -> ledger.token(required(parameters, "tokenA")));
                var b = parameter("tokenB", () -> ledger.token(required(parameters, "tokenB")));
                parameter("tokenB", () -> TokenPair.of(a.id(), b.id()));
                var fees = parameter("feeBps", () -> fees(parameters));
                var normalized = new LinkedHashMap<String, String>();
                normalized.put("tokenA", a.id().toString());
                normalized.put("tokenB", b.id().toString());
                normalized.put("feeBps", Integer.toString(fees.feeBps()));
                return normalized;
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                amm.createPool(
                        ledger.resolve(parameters.get("tokenA")),
                        ledger.resolve(parameters.get("tokenB")),
                        fees(parameters));
            }
        };
    }

    @Bean
    ProposalActionType setAmmPoolStatus(@Lazy Amm amm) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "SET_AMM_POOL_STATUS";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "poolId", "status");
                var pool = amm.pool(parameter("poolId", () -> PoolId.of(required(parameters, "poolId"))));
                var status = parameter("status", () -> status(parameters));
                return Map.of("poolId", pool.id().toString(), "status", status.name());
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                amm.updatePool(PoolId.of(parameters.get("poolId")), null, status(parameters));
            }
        };
    }

    @Bean
    ProposalActionType setAmmProtocolFee(@Lazy Amm amm) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "SET_AMM_PROTOCOL_FEE";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "enabled");
                return Map.of("enabled", Boolean.toString(parameter("enabled", () -> enabled(parameters))));
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                amm.setProtocolFee(enabled(parameters));
            }
        };
    }

    private static PoolFees fees(Map<String, String> parameters) {
        var text = parameters.get("feeBps");
        if (text == null) {
            return PoolFees.standard();
        }
        int bps;
        try {
            bps = text.length() > 4 ? -1 : NumberText.parseInt(text);
        } catch (NumberFormatException e) {
            bps = -1;
        }
        return new PoolFees(bps, null, null);
    }

    private static PoolStatus status(Map<String, String> parameters) {
        var text = required(parameters, "status");
        try {
            return PoolStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be ACTIVE or PAUSED");
        }
    }

    private static boolean enabled(Map<String, String> parameters) {
        var text = required(parameters, "enabled");
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
