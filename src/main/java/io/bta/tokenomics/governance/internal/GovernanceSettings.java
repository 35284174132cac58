package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.GovernanceProperties;
import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.NumberText;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The governance settings in force: a value set by an executed proposal, else the configured
 * default. Each setting is a {@link GovernedParameter} with its own bounds.
 */
@Component
public class GovernanceSettings {

    /** The settings a new proposal is created with. */
    public record Current(
            Duration votingDelay,
            Duration votingPeriod,
            Duration timelockDelay,
            Duration gracePeriod,
            Amount proposalThreshold,
            BigDecimal quorumFraction,
            int maxActions) {}

    private final JdbcClient jdbc;
    private final GovernanceProperties defaults;

    GovernanceSettings(JdbcClient jdbc, GovernanceProperties defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    public Current current() {
        var stored = jdbc
                .sql("select key, value from governance_settings where key like 'governance.%'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Current(
                duration(stored, "governance.voting-delay", defaults.votingDelay()),
                duration(stored, "governance.voting-period", defaults.votingPeriod()),
                duration(stored, "governance.timelock-delay", defaults.timelockDelay()),
                duration(stored, "governance.grace-period", defaults.gracePeriod()),
                Amount.parse(stored.getOrDefault(
                        "governance.proposal-threshold",
                        defaults.proposalThreshold().toPlainString())),
                new BigDecimal(stored.getOrDefault(
                        "governance.quorum-fraction", defaults.quorumFraction().toPlainString())),
                Integer.parseInt(
                        stored.getOrDefault("governance.max-actions", Integer.toString(defaults.maxActions()))));
    }

    void store(String key, String value, Clock clock, String by) {
        jdbc.sql(
                        """
                        insert into governance_settings (key, value, updated_at, updated_by) values (?, ?, ?, ?)
                        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        """)
                .param(key)
                .param(value)
                .param(Timestamp.from(clock.instant()))
                .param(by)
                .update();
    }

    private static Duration duration(Map<String, String> stored, String key, Duration fallback) {
        var value = stored.get(key);
        return value == null ? fallback : DurationStyle.detectAndParse(value);
    }

    /** What a setting accepts: its bounds in words, and the check that refuses the rest with them. */
    record Rule(String bounds, java.util.function.Consumer<String> check) {

        static Rule duration(Duration min, Duration max) {
            var bounds = "a duration from " + min + " to " + max;
            return new Rule(bounds, value -> {
                Duration d;
                try {
                    d = DurationStyle.detectAndParse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "'" + value + "' is not a duration such as 3s, 7d or PT12H; must be " + bounds);
                }
                if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                    throw new IllegalArgumentException("must be " + bounds);
                }
            });
        }

        static Rule decimal(BigDecimal min, BigDecimal max, int maxDecimals) {
            var bounds = "a decimal from " + min.toPlainString() + " to " + max.toPlainString() + ", at most "
                    + maxDecimals + " decimals";
            return new Rule(bounds, value -> {
                BigDecimal d;
                try {
                    d = NumberText.parseDecimal(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a decimal number; must be " + bounds);
                }
                if (d.compareTo(min) < 0 || d.compareTo(max) > 0 || d.scale() > maxDecimals) {
                    throw new IllegalArgumentException("must be " + bounds);
                }
            });
        }

        static Rule amount(Amount min, Amount max) {
            var bounds = "an amount from " + min + " to " + max;
            return new Rule(bounds, value -> {
                Amount a;
                try {
                    a = Amount.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + "; must be " + bounds);
                }
                if (a.isLessThan(min) || a.isGreaterThan(max)) {
                    throw new IllegalArgumentException("must be " + bounds);
                }
            });
        }

        static Rule wholeNumber(int min, int max) {
            var bounds = "a whole number from " + min + " to " + max;
            return new Rule(bounds, value -> {
                int n;
                try {
                    n = NumberText.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a whole number; must be " + bounds);
                }
                if (n < min || n > max) {
                    throw new IllegalArgumentException("must be " + bounds);
                }
            });
        }
    }

    /** A governance setting as a governed parameter: bounds checked before any value is stored. */
    static final class Setting implements GovernedParameter {
        private final String key;
        private final Function<Current, String> read;
        private final Rule rule;
        private final GovernanceSettings settings;
        private final Clock clock;

        Setting(String key, Function<Current, String> read, Rule rule, GovernanceSettings settings, Clock clock) {
            this.key = key;
            this.read = read;
            this.rule = rule;
            this.settings = settings;
            this.clock = clock;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String currentValue() {
            return read.apply(settings.current());
        }

        @Override
        public String bounds() {
            return rule.bounds();
        }

        @Override
        public void validate(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + " needs a value: " + rule.bounds());
            }
            rule.check().accept(value.strip());
        }

        @Override
        public void apply(String value) {
            validate(value);
            settings.store(key, value.strip(), clock, "governance");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Parameters {

        @Bean
        List<GovernedParameter> governanceSettingParameters(GovernanceSettings settings, Clock clock) {
            return List.of(
                    new Setting(
                            "governance.voting-delay",
                            c -> c.votingDelay().toString(),
                            Rule.duration(Duration.ZERO, Duration.ofDays(30)),
                            settings,
                            clock),
                    new Setting(
                            "governance.voting-period",
                            c -> c.votingPeriod().toString(),
                            Rule.duration(Duration.ofSeconds(1), Duration.ofDays(90)),
                            settings,
                            clock),
                    new Setting(
                            "governance.timelock-delay",
                            c -> c.timelockDelay().toString(),
                            Rule.duration(Duration.ZERO, Duration.ofDays(30)),
                            settings,
                            clock),
                    new Setting(
                            "governance.grace-period",
                            c -> c.gracePeriod().toString(),
                            Rule.duration(Duration.ofSeconds(1), Duration.ofDays(90)),
                            settings,
                            clock),
                    new Setting(
                            "governance.proposal-threshold",
                            c -> c.proposalThreshold().toString(),
                            Rule.amount(Amount.ZERO, Amount.of(1_000_000_000L)),
                            settings,
                            clock),
                    new Setting(
                            "governance.quorum-fraction",
                            c -> c.quorumFraction().toPlainString(),
                            Rule.decimal(BigDecimal.ZERO, BigDecimal.ONE, 6),
                            settings,
                            clock),
                    new Setting(
                            "governance.max-actions",
                            c -> Integer.toString(c.maxActions()),
                            Rule.wholeNumber(1, 50),
                            settings,
                            clock));
        }
    }
}
