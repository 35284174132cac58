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

    /** A governance setting as a governed parameter: bounds checked before any value is stored. */
    static final class Setting implements GovernedParameter {
        private final String key;
        private final Function<Current, String> read;
        private final java.util.function.Consumer<String> check;
        private final GovernanceSettings settings;
        private final Clock clock;

        Setting(
                String key,
                Function<Current, String> read,
                java.util.function.Consumer<String> check,
                GovernanceSettings settings,
                Clock clock) {
            this.key = key;
            this.read = read;
            this.check = check;
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
        public void validate(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            check.accept(value.strip());
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
                            v -> durationBetween(v, Duration.ZERO, Duration.ofDays(30)),
                            settings,
                            clock),
                    new Setting(
                            "governance.voting-period",
                            c -> c.votingPeriod().toString(),
                            v -> durationBetween(v, Duration.ofSeconds(1), Duration.ofDays(90)),
                            settings,
                            clock),
                    new Setting(
                            "governance.timelock-delay",
                            c -> c.timelockDelay().toString(),
                            v -> durationBetween(v, Duration.ZERO, Duration.ofDays(30)),
                            settings,
                            clock),
                    new Setting(
                            "governance.grace-period",
                            c -> c.gracePeriod().toString(),
                            v -> durationBetween(v, Duration.ofSeconds(1), Duration.ofDays(90)),
                            settings,
                            clock),
                    new Setting(
                            "governance.proposal-threshold",
                            c -> c.proposalThreshold().toString(),
                            v -> {
                                var a = Amount.parse(v);
                                if (a.isNegative() || a.isGreaterThan(Amount.of(1_000_000_000L))) {
                                    throw new IllegalArgumentException(
                                            "proposal threshold must be between 0 and 1000000000");
                                }
                            },
                            settings,
                            clock),
                    new Setting(
                            "governance.quorum-fraction",
                            c -> c.quorumFraction().toPlainString(),
                            v -> {
                                var f = decimal(v);
                                if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0 || f.scale() > 6) {
                                    throw new IllegalArgumentException(
                                            "quorum fraction must be between 0 and 1, at most 6 decimals");
                                }
                            },
                            settings,
                            clock),
                    new Setting(
                            "governance.max-actions",
                            c -> Integer.toString(c.maxActions()),
                            v -> {
                                int n;
                                try {
                                    n = NumberText.parseInt(v);
                                } catch (NumberFormatException e) {
                                    throw new IllegalArgumentException("max actions must be a whole number");
                                }
                                if (n < 1 || n > 50) {
                                    throw new IllegalArgumentException("max actions must be between 1 and 50");
                                }
                            },
                            settings,
                            clock));
        }

        private static void durationBetween(String value, Duration min, Duration max) {
            Duration d;
            try {
                d = DurationStyle.detectAndParse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration such as 3s, 7d or PT12H");
            }
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
        }

        private static BigDecimal decimal(String value) {
            try {
                return NumberText.parseDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a decimal number");
            }
        }
    }
}
