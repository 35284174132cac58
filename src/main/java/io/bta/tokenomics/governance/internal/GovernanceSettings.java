package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.GovernanceProperties;
import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.governance.ProposalTimeline;
import io.bta.tokenomics.governance.QuorumFraction;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.NumberText;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
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
            ProposalTimeline.Periods periods,
            Amount proposalThreshold,
            QuorumFraction quorumFraction,
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
                new ProposalTimeline.Periods(
                        duration(stored, "governance.voting-delay", defaults.votingDelay()),
                        duration(stored, "governance.voting-period", defaults.votingPeriod()),
                        duration(stored, "governance.timelock-delay", defaults.timelockDelay()),
                        duration(stored, "governance.grace-period", defaults.gracePeriod())),
                Amount.parse(stored.getOrDefault(
                        "governance.proposal-threshold",
                        defaults.proposalThreshold().toPlainString())),
                Optional.ofNullable(stored.get("governance.quorum-fraction"))
                        .map(QuorumFraction::of)
                        .orElse(defaults.quorumFraction()),
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
    record Rule(String bounds, Consumer<String> check) {

        /**
         * Reads the text with {@code read}, refusing what it cannot read with {@code unreadable}'s
         * words and the bounds, then hands the value to {@code accept}, which refuses a value out of
         * bounds with {@code must be <bounds>}.
         */
        static <T> Rule of(
                String bounds,
                Function<String, T> read,
                BiFunction<String, IllegalArgumentException, String> unreadable,
                Consumer<T> accept) {
            return new Rule(bounds, text -> {
                T value;
                try {
                    value = read.apply(text);
                } catch (IllegalArgumentException e) { // NumberFormatException included
                    throw new IllegalArgumentException(unreadable.apply(text, e) + "; must be " + bounds);
                }
                accept.accept(value);
            });
        }

        /** A period of a proposal's timeline: its range is {@link ProposalTimeline.Periods}'. */
        static Rule duration(ProposalTimeline.Range range) {
            return of(
                    range.bounds(),
                    DurationStyle::detectAndParse,
                    (text, e) -> "'" + text + "' is not a duration such as 3s, 7d or PT12H",
                    range::check);
        }

        /** The quorum fraction: {@link QuorumFraction} reads and checks it, with its messages. */
        static Rule quorumFraction() {
            return new Rule(QuorumFraction.BOUNDS, QuorumFraction::of);
        }

        static Rule amount(Amount min, Amount max) {
            var bounds = "an amount from " + min + " to " + max;
            return of(
                    bounds,
                    Amount::parse,
                    (text, e) -> e.getMessage(),
                    within(bounds, a -> !a.isLessThan(min) && !a.isGreaterThan(max)));
        }

        static Rule wholeNumber(int min, int max) {
            var bounds = "a whole number from " + min + " to " + max;
            return of(
                    bounds,
                    NumberText::parseInt,
                    (text, e) -> "'" + text + "' is not a whole number",
                    within(bounds, n -> n >= min && n <= max));
        }

        private static <T> Consumer<T> within(String bounds, Predicate<T> inBounds) {
            return value -> {
                if (!inBounds.test(value)) {
                    throw new IllegalArgumentException("must be " + bounds);
                }
            };
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
                            c -> c.periods().votingDelay().toString(),
                            Rule.duration(ProposalTimeline.Periods.VOTING_DELAY),
                            settings,
                            clock),
                    new Setting(
                            "governance.voting-period",
                            c -> c.periods().votingPeriod().toString(),
                            Rule.duration(ProposalTimeline.Periods.VOTING_PERIOD),
                            settings,
                            clock),
                    new Setting(
                            "governance.timelock-delay",
                            c -> c.periods().timelockDelay().toString(),
                            Rule.duration(ProposalTimeline.Periods.TIMELOCK_DELAY),
                            settings,
                            clock),
                    new Setting(
                            "governance.grace-period",
                            c -> c.periods().gracePeriod().toString(),
                            Rule.duration(ProposalTimeline.Periods.GRACE_PERIOD),
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
                            c -> c.quorumFraction().toString(),
                            Rule.quorumFraction(),
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
