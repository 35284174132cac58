package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.GovernanceProperties;
import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.governance.GovernedParameters;
import io.bta.tokenomics.governance.GovernedSettings;
import io.bta.tokenomics.governance.ProposalTimeline;
import io.bta.tokenomics.governance.QuorumFraction;
import io.bta.tokenomics.governance.SettingRule;
import io.bta.tokenomics.shared.Amount;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The governance settings in force: a value set by an executed proposal
 * ({@code governance_settings}), else the configured default. Each setting is a
 * {@link GovernedParameter} with its own {@link SettingRule}.
 */
@Component
public class GovernanceSettings {

    /** The settings a new proposal is created with. */
    public record Current(
            ProposalTimeline.Periods periods,
            Amount proposalThreshold,
            QuorumFraction quorumFraction,
            int maxActions) {}

    static final SettingRule<Duration> VOTING_DELAY = period(ProposalTimeline.Periods.VOTING_DELAY);
    static final SettingRule<Duration> VOTING_PERIOD = period(ProposalTimeline.Periods.VOTING_PERIOD);
    static final SettingRule<Duration> TIMELOCK_DELAY = period(ProposalTimeline.Periods.TIMELOCK_DELAY);
    static final SettingRule<Duration> GRACE_PERIOD = period(ProposalTimeline.Periods.GRACE_PERIOD);
    static final SettingRule<Amount> PROPOSAL_THRESHOLD = SettingRule.amount(Amount.ZERO, Amount.of(1_000_000_000L));
    /** {@link QuorumFraction} reads and checks it, with its messages. */
    static final SettingRule<QuorumFraction> QUORUM_FRACTION =
            SettingRule.custom(QuorumFraction.BOUNDS, QuorumFraction::of);

    static final SettingRule<Integer> MAX_ACTIONS = SettingRule.wholeNumber(1, 50);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GovernedSettings settings;
    private final GovernedSettings.Setting<Duration> votingDelay;
    private final GovernedSettings.Setting<Duration> votingPeriod;
    private final GovernedSettings.Setting<Duration> timelockDelay;
    private final GovernedSettings.Setting<Duration> gracePeriod;
    private final GovernedSettings.Setting<Amount> proposalThreshold;
    private final GovernedSettings.Setting<QuorumFraction> quorumFraction;
    private final GovernedSettings.Setting<Integer> maxActions;

    GovernanceSettings(JdbcClient jdbc, GovernanceProperties defaults, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = new GovernedSettings(this::stored, (key, value) -> store(key, value, "governance"));
        // shown as the typed value writes itself: a period set as "3d" is listed as PT72H
        votingDelay = settings.define(
                "governance.voting-delay",
                VOTING_DELAY,
                () -> defaults.votingDelay().toString(),
                Duration::toString);
        votingPeriod = settings.define(
                "governance.voting-period",
                VOTING_PERIOD,
                () -> defaults.votingPeriod().toString(),
                Duration::toString);
        timelockDelay = settings.define(
                "governance.timelock-delay",
                TIMELOCK_DELAY,
                () -> defaults.timelockDelay().toString(),
                Duration::toString);
        gracePeriod = settings.define(
                "governance.grace-period",
                GRACE_PERIOD,
                () -> defaults.gracePeriod().toString(),
                Duration::toString);
        proposalThreshold = settings.define(
                "governance.proposal-threshold",
                PROPOSAL_THRESHOLD,
                () -> defaults.proposalThreshold().toPlainString(),
                Amount::toString);
        quorumFraction = settings.define(
                "governance.quorum-fraction",
                QUORUM_FRACTION,
                () -> defaults.quorumFraction().toString(),
                QuorumFraction::toString);
        maxActions = settings.define(
                "governance.max-actions",
                MAX_ACTIONS,
                () -> Integer.toString(defaults.maxActions()),
                n -> Integer.toString(n));
    }

    public Current current() {
        var values = settings.current();
        return new Current(
                new ProposalTimeline.Periods(
                        values.get(votingDelay),
                        values.get(votingPeriod),
                        values.get(timelockDelay),
                        values.get(gracePeriod)),
                values.get(proposalThreshold),
                values.get(quorumFraction),
                values.get(maxActions));
    }

    private Map<String, String> stored() {
        return jdbc
                .sql("select key, value from governance_settings where key like 'governance.%'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void store(String key, String value, String by) {
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

    /** A period of a proposal's timeline: its range is {@link ProposalTimeline.Periods}'. */
    private static SettingRule<Duration> period(ProposalTimeline.Range range) {
        return SettingRule.duration(range.min(), range.max());
    }

    GovernedParameters parameters() {
        return settings.parameters();
    }

    @Configuration(proxyBeanMethods = false)
    static class Parameters {

        /** Every governance setting, for SET_PARAMETER: one bean, collected with the other modules' by governance. */
        @Bean
        GovernedParameters governanceSettingParameters(GovernanceSettings settings) {
            return settings.parameters();
        }
    }
}
