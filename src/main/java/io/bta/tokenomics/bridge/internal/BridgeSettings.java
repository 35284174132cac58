package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.BridgeProperties;
import io.bta.tokenomics.governance.GovernedParameters;
import io.bta.tokenomics.governance.GovernedSettings;
import io.bta.tokenomics.governance.SettingRule;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.db.OverrideTable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bridge's limits in force, per bridgeable token: the most one withdrawal may move
 * ({@code bridge.withdrawal-max.<symbol>}) and the most all withdrawals of the token may move in
 * any 24 hours ({@code bridge.daily-outflow-max.<symbol>}). The configured defaults, overridden by
 * the values governance set ({@code bridge_parameters}), read on each use.
 */
@Component
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
public class BridgeSettings {

    /** The tokens that may have a contract on chain; BTA-GUAR is collateral and never does. */
    public static final List<String> BRIDGEABLE = List.of("BTA-GOV", "BTA-REWARD", "BTA-UTIL");

    static final SettingRule<Amount> LIMIT = SettingRule.positiveAmount();

    /** One token's limits. */
    public record Limits(Amount withdrawalMax, Amount dailyOutflowMax) {}

    private record Keys(
            GovernedSettings.Setting<Amount> withdrawalMax, GovernedSettings.Setting<Amount> dailyOutflowMax) {}

    private final GovernedSettings settings;
    private final Map<String, Keys> bySymbol = new LinkedHashMap<>();

    BridgeSettings(JdbcClient jdbc, Clock clock, BridgeProperties properties) {
        var overrides = new OverrideTable(jdbc, clock, "bridge_parameters");
        this.settings = new GovernedSettings(overrides::read, overrides::write);
        for (var symbol : BRIDGEABLE) {
            bySymbol.put(
                    symbol,
                    new Keys(
                            settings.define("bridge.withdrawal-max." + symbol, LIMIT, properties::withdrawalMax),
                            settings.define("bridge.daily-outflow-max." + symbol, LIMIT, properties::dailyOutflowMax)));
        }
        settings.checkDefaults(Map.of());
    }

    /** The limits in force now for {@code symbol}, one of {@link #BRIDGEABLE}. */
    public Limits limits(String symbol) {
        var keys = bySymbol.get(symbol);
        if (keys == null) {
            throw new IllegalArgumentException(symbol + " is not bridgeable");
        }
        var values = settings.current();
        return new Limits(values.get(keys.withdrawalMax()), values.get(keys.dailyOutflowMax()));
    }

    GovernedParameters parameters() {
        return settings.parameters();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
    static class Parameters {

        /** The bridge's limits, for SET_PARAMETER: collected with the other modules' by governance. */
        @Bean
        GovernedParameters bridgeSettingParameters(BridgeSettings settings) {
            return settings.parameters();
        }
    }
}
