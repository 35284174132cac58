package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.ledger.Ledger;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What a proposal may do to a token in an emergency: {@code PAUSE_TOKEN {token, reason}} and
 * {@code UNPAUSE_TOKEN {token}}. Governance can still execute the unpause of a paused token: a
 * proposal's execution moves no tokens of its own.
 */
@Configuration(proxyBeanMethods = false)
class TokenPauseActions {

    @Bean
    ProposalActionType pauseToken(@Lazy Ledger ledger) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "PAUSE_TOKEN";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                var token = parameters == null ? null : parameters.get("token");
                var reason = parameters == null ? null : parameters.get("reason");
                if (token == null
                        || reason == null
                        || reason.isBlank()
                        || reason.length() > 500
                        || parameters.size() != 2) {
                    throw new IllegalArgumentException(
                            "PAUSE_TOKEN takes token (an id, symbol or type) and reason (1 to 500 characters)");
                }
                known(ledger, token);
                return Map.of("token", token, "reason", reason);
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                ledger.pause(ledger.resolve(parameters.get("token")), parameters.get("reason"), execution.executedBy());
            }
        };
    }

    private static void known(Ledger ledger, String token) {
        try {
            ledger.resolve(token);
        } catch (RuntimeException unknown) {
            throw new IllegalArgumentException("token: no token '" + token + "' (give an id, a symbol or a type)");
        }
    }

    @Bean
    ProposalActionType unpauseToken(@Lazy Ledger ledger) {
        return new ProposalActionType() {
            @Override
            public String type() {
                return "UNPAUSE_TOKEN";
            }

            @Override
            public Map<String, String> validate(Map<String, String> parameters) {
                var token = parameters == null ? null : parameters.get("token");
                if (token == null || parameters.size() != 1) {
                    throw new IllegalArgumentException("UNPAUSE_TOKEN takes token (an id, symbol or type)");
                }
                known(ledger, token);
                return Map.of("token", token);
            }

            @Override
            public void execute(Map<String, String> parameters, Execution execution) {
                ledger.unpause(ledger.resolve(parameters.get("token")), execution.executedBy());
            }
        };
    }
}
