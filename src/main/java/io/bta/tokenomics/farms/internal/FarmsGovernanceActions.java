package io.bta.tokenomics.farms.internal;

import static io.bta.tokenomics.governance.ActionParameters.instant;
import static io.bta.tokenomics.governance.ActionParameters.only;
import static io.bta.tokenomics.governance.ActionParameters.parameter;
import static io.bta.tokenomics.governance.ActionParameters.required;

import io.bta.tokenomics.farms.FarmId;
import io.bta.tokenomics.farms.Farms;
import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.NumberText;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What a governance proposal may do to the farms: create a farm ({@code CREATE_FARM}: {@code
 * stakeTokenId}, {@code allocPoint}, optionally {@code startsAt}, {@code endsAt}), change a farm's
 * weight ({@code SET_FARM_WEIGHT}: {@code farmId}, {@code allocPoint}) and the program's rate
 * ({@code SET_FARM_RATE}: {@code rewardPerSecond}). Each settles every farm first.
 */
@Configuration(proxyBeanMethods = false)
class FarmsGovernanceActions {

    @Bean
    ProposalActionType createFarm(@Lazy Farms farms, @Lazy Ledger ledger) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "CREATE_FARM";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "stakeTokenId", "allocPoint", "startsAt", "endsAt");
                var token = parameter("stakeTokenId", () -> ledger.token(required(parameters, "stakeTokenId")));
                var weight = parameter("allocPoint", () -> weight(required(parameters, "allocPoint")));
                var startsAt = parameter("startsAt", () -> instant(parameters.get("startsAt")));
                var endsAt = parameter("endsAt", () -> instant(parameters.get("endsAt")));
                if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
                    throw new IllegalArgumentException("endsAt: must be after startsAt");
                }
                var normalized = new LinkedHashMap<String, String>();
                normalized.put("stakeTokenId", token.id().toString());
                normalized.put("allocPoint", Long.toString(weight));
                if (startsAt != null) {
                    normalized.put("startsAt", startsAt.toString());
                }
                if (endsAt != null) {
                    normalized.put("endsAt", endsAt.toString());
                }
                return normalized;
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                farms.createFarm(
                        ledger.resolve(parameters.get("stakeTokenId")),
                        weight(parameters.get("allocPoint")),
                        instant(parameters.get("startsAt")),
                        instant(parameters.get("endsAt")));
            }
        };
    }

    @Bean
    ProposalActionType setFarmWeight(@Lazy Farms farms) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "SET_FARM_WEIGHT";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "farmId", "allocPoint");
                var farm = farms.farm(parameter("farmId", () -> FarmId.of(required(parameters, "farmId"))));
                var weight = parameter("allocPoint", () -> weight(required(parameters, "allocPoint")));
                return Map.of("farmId", farm.id().toString(), "allocPoint", Long.toString(weight));
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                farms.setWeight(FarmId.of(parameters.get("farmId")), weight(parameters.get("allocPoint")));
            }
        };
    }

    @Bean
    ProposalActionType setFarmRate(@Lazy Farms farms) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "SET_FARM_RATE";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "rewardPerSecond");
                var rate = parameter("rewardPerSecond", () -> rate(required(parameters, "rewardPerSecond")));
                return Map.of("rewardPerSecond", rate.toString());
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                farms.setRate(rate(parameters.get("rewardPerSecond")));
            }
        };
    }

    private static Amount rate(String text) {
        var amount = Amount.parse(text);
        if (amount.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return amount;
    }

    private static long weight(String text) {
        long weight;
        try {
            weight = text.length() > 7 ? -1 : NumberText.parseLong(text);
        } catch (NumberFormatException e) {
            weight = -1;
        }
        if (weight < 0 || weight > 1_000_000) {
            throw new IllegalArgumentException("must be a whole number from 0 to 1000000");
        }
        return weight;
    }
}
