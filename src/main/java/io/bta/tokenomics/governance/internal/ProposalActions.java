package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.governance.GovernedParameters;
import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The action types proposals may carry: the built-in ones and those other modules register. */
@Component
public class ProposalActions {

    private final ObjectProvider<ProposalActionType> types;
    private final Parameters parameters;

    ProposalActions(ObjectProvider<ProposalActionType> types, Parameters parameters) {
        this.types = types;
        this.parameters = parameters;
    }

    /** Every governed parameter, by key. */
    public Map<String, GovernedParameter> parameters() {
        return parameters.byKey();
    }

    public Optional<ProposalActionType> find(String type) {
        if (type == null) {
            return Optional.empty();
        }
        var wanted = type.toUpperCase(Locale.ROOT);
        return types.orderedStream().filter(t -> t.type().equals(wanted)).findFirst();
    }

    public List<String> names() {
        return types.orderedStream().map(ProposalActionType::type).sorted().toList();
    }

    /** The parameters that SET_PARAMETER may change, by key. */
    @Component
    static class Parameters {
        private final ObjectProvider<GovernedParameters> modules;
        private final ObjectProvider<GovernedParameter> single;
        // still read so a List<GovernedParameter> bean registered the earlier way is not lost
        private final ObjectProvider<List<GovernedParameter>> lists;

        Parameters(
                ObjectProvider<GovernedParameters> modules,
                ObjectProvider<GovernedParameter> single,
                ObjectProvider<List<GovernedParameter>> lists) {
            this.modules = modules;
            this.single = single;
            this.lists = lists;
        }

        Map<String, GovernedParameter> byKey() {
            var all = new TreeMap<String, GovernedParameter>();
            modules.orderedStream().flatMap(m -> m.all().stream()).forEach(p -> all.put(p.key(), p));
            single.orderedStream().forEach(p -> all.put(p.key(), p));
            lists.orderedStream().flatMap(Collection::stream).forEach(p -> all.put(p.key(), p));
            return all;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BuiltIn {

        @Bean
        ProposalActionType mintAction(Ledger ledger) {
            return new TokenMovement(
                    "MINT",
                    ledger,
                    (p, e) -> ledger.mint(
                            ledger.resolve(p.get("tokenId")),
                            EntityId.of(p.get("toEntityId")),
                            Amount.parse(p.get("amount")),
                            "proposal " + e.proposalId(),
                            e.executedBy()));
        }

        @Bean
        ProposalActionType treasuryTransferAction(Ledger ledger) {
            return new TokenMovement(
                    "TREASURY_TRANSFER",
                    ledger,
                    (p, e) -> ledger.transfer(
                            ledger.resolve(p.get("tokenId")),
                            ledger.treasury(),
                            EntityId.of(p.get("toEntityId")),
                            Amount.parse(p.get("amount")),
                            "proposal " + e.proposalId(),
                            e.executedBy()));
        }

        @Bean
        ProposalActionType setParameterAction(Parameters parameters) {
            return new ProposalActionType() {
                @Override
                public String type() {
                    return "SET_PARAMETER";
                }

                @Override
                public Map<String, String> validate(Map<String, String> params) {
                    requireOnly(params, Set.of("key", "value"));
                    var key = required(params, "key");
                    var parameter = parameters.byKey().get(key);
                    if (parameter == null) {
                        throw new IllegalArgumentException("key: '" + key + "' is not a governed parameter (known: "
                                + String.join(", ", parameters.byKey().keySet()) + ")");
                    }
                    var value = required(params, "value");
                    try {
                        parameter.validate(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("value: " + e.getMessage());
                    }
                    return Map.of("key", key, "value", value.strip());
                }

                @Override
                public void execute(Map<String, String> params, Execution execution) {
                    parameters.byKey().get(params.get("key")).apply(params.get("value"));
                }
            };
        }
    }

    /** MINT and TREASURY_TRANSFER: a token, a recipient and a positive amount. */
    private static final class TokenMovement implements ProposalActionType {
        private final String type;
        private final Ledger ledger;
        private final java.util.function.BiConsumer<Map<String, String>, Execution> run;

        TokenMovement(String type, Ledger ledger, java.util.function.BiConsumer<Map<String, String>, Execution> run) {
            this.type = type;
            this.ledger = ledger;
            this.run = run;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Map<String, String> validate(Map<String, String> params) {
            requireOnly(params, Set.of("tokenId", "toEntityId", "amount"));
            var token = ledger.token(required(params, "tokenId"));
            var to = required(params, "toEntityId");
            if (!EntityId.isValid(to)) {
                throw new IllegalArgumentException("toEntityId: must be " + EntityId.RULE);
            }
            Amount amount;
            try {
                amount = Amount.parse(required(params, "amount"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("amount: " + e.getMessage());
            }
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("amount: must be greater than zero");
            }
            var normalized = new LinkedHashMap<String, String>();
            normalized.put("tokenId", token.id().toString());
            normalized.put("symbol", token.symbol());
            normalized.put("toEntityId", to);
            normalized.put("amount", amount.toString());
            return normalized;
        }

        @Override
        public void execute(Map<String, String> params, Execution execution) {
            run.accept(params, execution);
        }
    }

    static String required(Map<String, String> params, String name) {
        var value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": is required");
        }
        return value;
    }

    static void requireOnly(Map<String, String> params, Set<String> allowed) {
        var unknown = params.keySet().stream()
                .filter(k -> !allowed.contains(k))
                .sorted()
                .collect(Collectors.joining(", "));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown + ": not a parameter of this action (expected "
                    + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
    }
}
