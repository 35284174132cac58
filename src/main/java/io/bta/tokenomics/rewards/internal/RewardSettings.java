package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.rewards.RewardPolicy;
import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.rewards.RewardsProperties;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.NumberText;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reward and emission settings in force: the configured defaults, overridden by the values
 * governance set ({@code rewards_parameters}). Read from the database on each use, so an override
 * applies from the commit of the proposal that set it, on every instance, and survives restarts.
 */
@Component
public class RewardSettings {

    static final String NEVER = "never";
    static final BigDecimal MAX_TRUST_BOOST = BigDecimal.TEN;

    /** The values in force, read once for one operation. */
    public record Snapshot(
            Map<RewardType, RewardPolicy> policies,
            BigDecimal inflationRate,
            Amount bootstrapEmission,
            Duration claimWindow) {}

    /** A setting: its default, its bounds in words, and the check that refuses the rest with them. */
    private record Definition(String key, Supplier<String> defaultValue, Rule rule) {}

    private record Rule(String bounds, Consumer<String> check) {}

    private static final Rule FRACTION = decimalRule(BigDecimal.ZERO, BigDecimal.ONE, 8);
    private static final Rule TRUST = decimalRule(BigDecimal.ZERO, BigDecimal.valueOf(100), null);
    private static final Rule BOOST = decimalRule(BigDecimal.ZERO, MAX_TRUST_BOOST, 8);
    private static final Rule AMOUNT_OR_ZERO = amountRule(true);
    private static final Rule POSITIVE_AMOUNT = amountRule(false);
    private static final Rule CLAIM_WINDOW = claimWindowRule();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ledger ledger;
    private final RewardsProperties properties;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    RewardSettings(JdbcClient jdbc, Clock clock, Ledger ledger, RewardsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ledger = ledger;
        this.properties = properties;
        define("rewards.inflation-rate", () -> plain(inflationRateDefault()), FRACTION);
        define("rewards.bootstrap-emission", () -> plain(properties.bootstrapEmission()), AMOUNT_OR_ZERO);
        define(
                "rewards.claim-window",
                () -> properties.claimWindow() == null
                        ? NEVER
                        : properties.claimWindow().toString(),
                CLAIM_WINDOW);
        trigger("learning", properties.learning());
        trigger("governance", properties.governance());
        trigger("referral", properties.referral());
        define("rewards.transaction.rate", () -> plain(properties.transaction().rate()), FRACTION);
        define("rewards.transaction.cap", () -> plain(properties.transaction().cap()), POSITIVE_AMOUNT);
        define(
                "rewards.transaction.min-trust",
                () -> plain(properties.transaction().minTrust()),
                TRUST);
        define(
                "rewards.transaction.trust-boost",
                () -> plain(properties.transaction().trustBoost()),
                BOOST);
        // The defaults themselves must pass the checks that governance's values pass.
        definitions.values().forEach(d -> {
            var value = d.key().equals("rewards.inflation-rate")
                    ? plain(properties.inflationRate() == null ? BigDecimal.ZERO : properties.inflationRate())
                    : d.defaultValue().get();
            try {
                d.rule().check().accept(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tokenomics." + d.key() + " " + e.getMessage(), e);
            }
        });
    }

    private void trigger(String name, RewardsProperties.Trigger defaults) {
        define("rewards." + name + ".amount", () -> plain(defaults.amount()), POSITIVE_AMOUNT);
        define("rewards." + name + ".min-trust", () -> plain(defaults.minTrust()), TRUST);
        define("rewards." + name + ".trust-boost", () -> plain(defaults.trustBoost()), BOOST);
    }

    private void define(String key, Supplier<String> defaultValue, Rule rule) {
        definitions.put(key, new Definition(key, defaultValue, rule));
    }

    private BigDecimal inflationRateDefault() {
        return properties.inflationRate() != null
                ? properties.inflationRate()
                : ledger.token("BTA-REWARD").inflationRate();
    }

    /** The values in force now. */
    public Snapshot current() {
        var values = values();
        var policies = new EnumMap<RewardType, RewardPolicy>(RewardType.class);
        for (var type : List.of(RewardType.LEARNING, RewardType.GOVERNANCE, RewardType.REFERRAL)) {
            var p = "rewards." + type.name().toLowerCase(Locale.ROOT) + ".";
            policies.put(
                    type,
                    new RewardPolicy(
                            type,
                            Amount.parse(values.get(p + "amount")),
                            null,
                            null,
                            new BigDecimal(values.get(p + "min-trust")),
                            new BigDecimal(values.get(p + "trust-boost"))));
        }
        policies.put(
                RewardType.TRANSACTION,
                new RewardPolicy(
                        RewardType.TRANSACTION,
                        null,
                        new BigDecimal(values.get("rewards.transaction.rate")),
                        Amount.parse(values.get("rewards.transaction.cap")),
                        new BigDecimal(values.get("rewards.transaction.min-trust")),
                        new BigDecimal(values.get("rewards.transaction.trust-boost"))));
        for (var type : List.of(RewardType.STAKING, RewardType.MANUAL)) {
            policies.put(type, new RewardPolicy(type, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        var window = values.get("rewards.claim-window");
        return new Snapshot(
                policies,
                new BigDecimal(values.get("rewards.inflation-rate")),
                Amount.parse(values.get("rewards.bootstrap-emission")),
                NEVER.equalsIgnoreCase(window) ? null : Duration.parse(window));
    }

    private Map<String, String> values() {
        var values = new HashMap<String, String>();
        definitions.values().forEach(d -> values.put(d.key(), d.defaultValue().get()));
        jdbc.sql("select key, value from rewards_parameters").query(rs -> {
            if (definitions.containsKey(rs.getString(1))) {
                values.put(rs.getString(1), rs.getString(2));
            }
        });
        return values;
    }

    /** One {@link GovernedParameter} per setting, for governance's {@code SET_PARAMETER}. */
    GovernedParameter parameter(String key) {
        var definition = definitions.get(key);
        if (definition == null) {
            throw new IllegalArgumentException("no reward setting " + key);
        }
        return new GovernedParameter() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String currentValue() {
                return values().get(key);
            }

            @Override
            public String bounds() {
                return definition.rule().bounds();
            }

            @Override
            public void validate(String value) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException(
                            key + " needs a value: " + definition.rule().bounds());
                }
                definition.rule().check().accept(value.strip());
            }

            @Override
            public void apply(String value) {
                validate(value);
                jdbc.sql(
                                """
                                insert into rewards_parameters (key, value, updated_at) values (?, ?, ?)
                                on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
                                """)
                        .param(key)
                        .param(value.strip())
                        .param(Timestamp.from(clock.instant()))
                        .update();
            }
        };
    }

    private static String plain(BigDecimal value) {
        return Decimals.plain(value).toPlainString();
    }

    /** A decimal between two bounds, with at most {@code maxDecimals} decimals (null: any). */
    private static Rule decimalRule(BigDecimal min, BigDecimal max, Integer maxDecimals) {
        var bounds = "a decimal from " + min.toPlainString() + " to " + max.toPlainString()
                + (maxDecimals == null ? "" : ", at most " + maxDecimals + " decimals");
        return new Rule(bounds, value -> {
            BigDecimal d;
            try {
                d = NumberText.parseDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a decimal number; must be " + bounds);
            }
            if (d.compareTo(min) < 0
                    || d.compareTo(max) > 0
                    || (maxDecimals != null && d.stripTrailingZeros().scale() > maxDecimals)) {
                throw new IllegalArgumentException("must be " + bounds);
            }
        });
    }

    private static Rule amountRule(boolean zeroAllowed) {
        var bounds = zeroAllowed ? "an amount of zero or more" : "an amount greater than zero";
        return new Rule(bounds, value -> {
            Amount amount;
            try {
                amount = Amount.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "; must be " + bounds);
            }
            if (amount.isNegative() || (!zeroAllowed && amount.isZero())) {
                throw new IllegalArgumentException("must be " + bounds);
            }
        });
    }

    private static Rule claimWindowRule() {
        var bounds = "a positive ISO-8601 duration such as P30D, or '" + NEVER + "'";
        return new Rule(bounds, value -> {
            if (NEVER.equalsIgnoreCase(value.strip())) {
                return;
            }
            Duration d;
            try {
                d = Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration; must be " + bounds);
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("must be " + bounds);
            }
        });
    }
}
