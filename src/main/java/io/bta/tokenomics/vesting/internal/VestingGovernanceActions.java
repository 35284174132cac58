package io.bta.tokenomics.vesting.internal;

import static io.bta.tokenomics.governance.ActionParameters.instant;
import static io.bta.tokenomics.governance.ActionParameters.only;
import static io.bta.tokenomics.governance.ActionParameters.parameter;
import static io.bta.tokenomics.governance.ActionParameters.required;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.NumberText;
import io.bta.tokenomics.vesting.Vesting;
import io.bta.tokenomics.vesting.VestingId;
import io.bta.tokenomics.vesting.VestingSchedule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What a governance proposal may do to vesting: create a grant ({@code CREATE_VESTING}: {@code
 * beneficiaryId}, {@code tokenId}, {@code total}, {@code start}, {@code durationSeconds}, {@code
 * revocable}, optionally {@code cliffSeconds}) and revoke a revocable one ({@code REVOKE_VESTING}:
 * {@code vestingId}).
 */
@Configuration(proxyBeanMethods = false)
class VestingGovernanceActions {

    @Bean
    ProposalActionType createVesting(@Lazy Vesting vesting, @Lazy Ledger ledger) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "CREATE_VESTING";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(
                        parameters,
                        "beneficiaryId",
                        "tokenId",
                        "total",
                        "start",
                        "cliffSeconds",
                        "durationSeconds",
                        "revocable");
                var beneficiary = parameter("beneficiaryId", () -> EntityId.of(required(parameters, "beneficiaryId")));
                var token = parameter("tokenId", () -> ledger.token(required(parameters, "tokenId")));
                var schedule = schedule(parameters);
                var revocable = parameter("revocable", () -> bool(required(parameters, "revocable")));
                var normalized = new LinkedHashMap<String, String>();
                normalized.put("beneficiaryId", beneficiary.value());
                normalized.put("tokenId", token.id().toString());
                normalized.put("total", schedule.total().toString());
                normalized.put("start", schedule.start().toString());
                normalized.put("cliffSeconds", Long.toString(schedule.cliff().toSeconds()));
                normalized.put(
                        "durationSeconds", Long.toString(schedule.duration().toSeconds()));
                normalized.put("revocable", Boolean.toString(revocable));
                return normalized;
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                vesting.create(
                        EntityId.of(parameters.get("beneficiaryId")),
                        ledger.resolve(parameters.get("tokenId")),
                        schedule(parameters),
                        bool(parameters.get("revocable")),
                        execution.executedBy());
            }
        };
    }

    @Bean
    ProposalActionType revokeVesting(@Lazy Vesting vesting) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "REVOKE_VESTING";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "vestingId");
                var grant =
                        vesting.grant(parameter("vestingId", () -> VestingId.of(required(parameters, "vestingId"))));
                if (!grant.revocable()) {
                    throw new IllegalArgumentException("vestingId: the schedule was created irrevocable");
                }
                return Map.of("vestingId", grant.id().toString());
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                vesting.revoke(VestingId.of(parameters.get("vestingId")), execution.executedBy());
            }
        };
    }

    private static VestingSchedule schedule(Map<String, String> parameters) {
        var total = parameter("total", () -> Amount.parse(required(parameters, "total")));
        var start = parameter("start", () -> instant(required(parameters, "start")));
        var cliff = parameter("cliffSeconds", () -> seconds(parameters.getOrDefault("cliffSeconds", "0")));
        var duration = parameter("durationSeconds", () -> seconds(required(parameters, "durationSeconds")));
        try {
            return new VestingSchedule(total, start, cliff, duration);
        } catch (IllegalArgumentException e) {
            var field = e.getMessage().startsWith("cliff")
                    ? "cliffSeconds"
                    : e.getMessage().startsWith("total") ? "total" : "durationSeconds";
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofSeconds(text.length() > 12 ? -1 : NumberText.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number of seconds");
        }
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
