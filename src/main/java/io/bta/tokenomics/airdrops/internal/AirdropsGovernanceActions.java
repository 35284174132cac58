package io.bta.tokenomics.airdrops.internal;

import static io.bta.tokenomics.governance.ActionParameters.instant;
import static io.bta.tokenomics.governance.ActionParameters.only;
import static io.bta.tokenomics.governance.ActionParameters.parameter;
import static io.bta.tokenomics.governance.ActionParameters.required;

import io.bta.tokenomics.airdrops.Airdrops;
import io.bta.tokenomics.airdrops.ClaimList;
import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.error.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What a governance proposal may do to the airdrops: create a campaign ({@code CREATE_AIRDROP}),
 * with parameters {@code tokenId}, {@code name}, {@code claims} (one {@code entityId,amount} per
 * line), {@code endsAt}, and optionally {@code startsAt} and {@code minTrustScore}. Its terms are
 * checked when the proposal is made and again when it executes (an {@code endsAt} that has passed
 * by then is refused).
 */
@Configuration(proxyBeanMethods = false)
class AirdropsGovernanceActions {

    @Bean
    ProposalActionType createAirdrop(@Lazy Airdrops airdrops, @Lazy Ledger ledger, Clock clock) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "CREATE_AIRDROP";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                only(parameters, "tokenId", "name", "claims", "startsAt", "endsAt", "minTrustScore");
                var token = parameter("tokenId", () -> ledger.token(required(parameters, "tokenId")));
                var claims = claims(parameters);
                var startsAt = parameter("startsAt", () -> instant(parameters.get("startsAt")));
                var endsAt = parameter("endsAt", () -> instant(required(parameters, "endsAt")));
                var minTrustScore = parameter("minTrustScore", () -> score(parameters.get("minTrustScore")));
                try {
                    var now = clock.instant();
                    Airdrops.checkTerms(
                            required(parameters, "name"),
                            startsAt == null ? now : startsAt,
                            endsAt,
                            minTrustScore,
                            now);
                } catch (InvalidInput e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                var normalized = new LinkedHashMap<String, String>();
                normalized.put("tokenId", token.id().toString());
                normalized.put("name", parameters.get("name"));
                normalized.put("claims", parameters.get("claims").strip());
                if (startsAt != null) {
                    normalized.put("startsAt", startsAt.toString());
                }
                normalized.put("endsAt", endsAt.toString());
                if (minTrustScore != null) {
                    normalized.put("minTrustScore", minTrustScore.toPlainString());
                }
                return normalized;
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                airdrops.create(
                        ledger.resolve(parameters.get("tokenId")),
                        parameters.get("name"),
                        claims(parameters),
                        instant(parameters.get("startsAt")),
                        instant(parameters.get("endsAt")),
                        score(parameters.get("minTrustScore")),
                        execution.executedBy());
            }
        };
    }

    /** The claim list of {@code claims}: one {@code entityId,amount} per line. */
    static ClaimList claims(Map<String, String> parameters) {
        var text = required(parameters, "claims");
        var rows = new ArrayList<ClaimList.Row>();
        for (var line : text.strip().split("\\R")) {
            var cells = line.split(",", -1);
            rows.add(cells.length == 2 ? new ClaimList.Row(cells[0], cells[1]) : new ClaimList.Row(line, null));
        }
        try {
            return ClaimList.read("claims", rows);
        } catch (InvalidInput e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static BigDecimal score(String text) {
        if (text == null) {
            return null;
        }
        try {
            return io.bta.tokenomics.shared.NumberText.parseDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number from 0 to 100");
        }
    }
}
