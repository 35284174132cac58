package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.governance.GovernedParameters;
import io.bta.tokenomics.governance.GovernedSettings;
import io.bta.tokenomics.governance.SettingRule;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.rewards.RewardPolicy;
import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.rewards.RewardsProperties;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.db.OverrideTable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    static final SettingRule<BigDecimal> FRACTION = SettingRule.decimal(BigDecimal.ZERO, BigDecimal.ONE, 8);
    static final SettingRule<BigDecimal> TRUST = SettingRule.decimal(BigDecimal.ZERO, BigDecimal.valueOf(100));
    static final SettingRule<BigDecimal> BOOST = SettingRule.decimal(BigDecimal.ZERO, MAX_TRUST_BOOST, 8);
    static final SettingRule<Amount> AMOUNT_OR_ZERO = SettingRule.nonNegativeAmount();
    static final SettingRule<Amount> POSITIVE_AMOUNT = SettingRule.positiveAmount();
    /** A positive ISO-8601 duration, or {@code never} (read as null): how long a reward may be claimed. */
    static final SettingRule<Duration> CLAIM_WINDOW = SettingRule.of(
            "a positive ISO-8601 duration such as P30D, or '" + NEVER + "'",
            RewardSettings::claimWindow,
            (text, e) -> "'" + text + "' is not a duration",
            d -> d == null || !(d.isNegative() || d.isZero()));

    /** The settings of one trigger (learning, governance, referral). */
    private record Trigger(
            GovernedSettings.Setting<Amount> amount,
            GovernedSettings.Setting<BigDecimal> minTrust,
            GovernedSettings.Setting<BigDecimal> trustBoost) {}

    private final Ledger ledger;
    private final RewardsProperties properties;
    private final GovernedSettings settings;
    private final GovernedSettings.Setting<BigDecimal> inflationRate;
    private final GovernedSettings.Setting<Amount> bootstrapEmission;
    private final GovernedSettings.Setting<Duration> claimWindow;
    private final Map<RewardType, Trigger> triggers = new EnumMap<>(RewardType.class);
    private final GovernedSettings.Setting<BigDecimal> transactionRate;
    private final GovernedSettings.Setting<Amount> transactionCap;
    private final GovernedSettings.Setting<BigDecimal> transactionMinTrust;
    private final GovernedSettings.Setting<BigDecimal> transactionTrustBoost;

    RewardSettings(JdbcClient jdbc, Clock clock, Ledger ledger, RewardsProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
        var overrides = new OverrideTable(jdbc, clock, "rewards_parameters");
        this.settings = new GovernedSettings(overrides::read, overrides::write);
        inflationRate = settings.define("rewards.inflation-rate", FRACTION, () -> plain(inflationRateDefault()));
        bootstrapEmission = settings.define(
                "rewards.bootstrap-emission", AMOUNT_OR_ZERO, () -> plain(properties.bootstrapEmission()));
        claimWindow = settings.define(
                "rewards.claim-window",
                CLAIM_WINDOW,
                () -> properties.claimWindow() == null
                        ? NEVER
                        : properties.claimWindow().toString());
        trigger(RewardType.LEARNING, properties.learning());
        trigger(RewardType.GOVERNANCE, properties.governance());
        trigger(RewardType.REFERRAL, properties.referral());
        transactionRate = settings.define(
                "rewards.transaction.rate",
                FRACTION,
                () -> plain(properties.transaction().rate()));
        transactionCap = settings.define(
                "rewards.transaction.cap",
                POSITIVE_AMOUNT,
                () -> plain(properties.transaction().cap()));
        transactionMinTrust = settings.define(
                "rewards.transaction.min-trust",
                TRUST,
                () -> plain(properties.transaction().minTrust()));
        transactionTrustBoost = settings.define(
                "rewards.transaction.trust-boost",
                BOOST,
                () -> plain(properties.transaction().trustBoost()));
        // The defaults themselves must pass the checks that governance's values pass; the inflation
        // rate's default may be the reward token's, which the ledger cannot be asked for yet.
        settings.checkDefaults(Map.of(
                inflationRate.key(),
                plain(properties.inflationRate() == null ? BigDecimal.ZERO : properties.inflationRate())));
    }

    private void trigger(RewardType type, RewardsProperties.Trigger defaults) {
        var prefix = "rewards." + type.name().toLowerCase(Locale.ROOT) + ".";
        triggers.put(
                type,
                new Trigger(
                        settings.define(prefix + "amount", POSITIVE_AMOUNT, () -> plain(defaults.amount())),
                        settings.define(prefix + "min-trust", TRUST, () -> plain(defaults.minTrust())),
                        settings.define(prefix + "trust-boost", BOOST, () -> plain(defaults.trustBoost()))));
    }

    private BigDecimal inflationRateDefault() {
        return properties.inflationRate() != null
                ? properties.inflationRate()
                : ledger.token(TokenType.REWARD).inflationRate();
    }

    /** The values in force now. */
    public Snapshot current() {
        var values = settings.current();
        var policies = new EnumMap<RewardType, RewardPolicy>(RewardType.class);
        triggers.forEach((type, t) -> policies.put(
                type,
                new RewardPolicy(
                        type,
                        values.get(t.amount()),
                        null,
                        null,
                        values.get(t.minTrust()),
                        values.get(t.trustBoost()))));
        policies.put(
                RewardType.TRANSACTION,
                new RewardPolicy(
                        RewardType.TRANSACTION,
                        null,
                        values.get(transactionRate),
                        values.get(transactionCap),
                        values.get(transactionMinTrust),
                        values.get(transactionTrustBoost)));
        for (var type : List.of(RewardType.STAKING, RewardType.MANUAL)) {
            policies.put(type, new RewardPolicy(type, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        return new Snapshot(
                policies, values.get(inflationRate), values.get(bootstrapEmission), values.get(claimWindow));
    }

    /** One {@link GovernedParameter} per setting, for governance's {@code SET_PARAMETER}. */
    GovernedParameters parameters() {
        return settings.parameters();
    }

    private static String plain(BigDecimal value) {
        return Decimals.plain(value).toPlainString();
    }

    private static Duration claimWindow(String text) {
        if (NEVER.equalsIgnoreCase(text)) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Parameters {

        /** Every reward setting, for SET_PARAMETER: one bean, collected with the other modules' by governance. */
        @Bean
        GovernedParameters rewardSettingParameters(RewardSettings settings) {
            return settings.parameters();
        }
    }
}
