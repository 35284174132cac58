package io.bta.tokenomics.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.governance.ProposalTimeline;
import io.bta.tokenomics.governance.QuorumFraction;
import io.bta.tokenomics.governance.SettingRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of governed setting refuses malformed text and values out of bounds with its bounds. */
class GovernanceSettingRulesTest {

    static final SettingRule<?> VOTING_PERIOD = GovernanceSettings.VOTING_PERIOD;
    static final SettingRule<?> QUORUM = GovernanceSettings.QUORUM_FRACTION;
    static final SettingRule<?> THRESHOLD = GovernanceSettings.PROPOSAL_THRESHOLD;
    static final SettingRule<?> MAX_ACTIONS = GovernanceSettings.MAX_ACTIONS;

    @Test
    void aDurationRuleReadsDurationsAndRefusesTheRestWithItsBounds() {
        assertThatCode(() -> VOTING_PERIOD.validate("7d")).doesNotThrowAnyException();
        assertThatCode(() -> VOTING_PERIOD.validate("PT12H")).doesNotThrowAnyException();
        assertThatThrownBy(() -> VOTING_PERIOD.validate("0s")).hasMessage("must be a duration from PT1S to PT2160H");
        assertThatThrownBy(() -> VOTING_PERIOD.validate("a week"))
                .hasMessage("'a week' is not a duration such as 3s, 7d or PT12H; must be a duration from PT1S to"
                        + " PT2160H");
    }

    @Test
    void eachPeriodIsHeldToItsRangeInTheTimelinesWords() {
        for (var pair : List.of(
                Map.entry(GovernanceSettings.VOTING_DELAY, ProposalTimeline.Periods.VOTING_DELAY),
                Map.entry(GovernanceSettings.VOTING_PERIOD, ProposalTimeline.Periods.VOTING_PERIOD),
                Map.entry(GovernanceSettings.TIMELOCK_DELAY, ProposalTimeline.Periods.TIMELOCK_DELAY),
                Map.entry(GovernanceSettings.GRACE_PERIOD, ProposalTimeline.Periods.GRACE_PERIOD))) {
            var rule = pair.getKey();
            var range = pair.getValue();
            assertThat(rule.bounds()).isEqualTo(range.bounds());
            assertThat(rule.validate(range.min().toString())).isEqualTo(range.min());
            assertThat(rule.validate(range.max().toString())).isEqualTo(range.max());
            assertThatThrownBy(() -> rule.validate(range.max().plusSeconds(1).toString()))
                    .hasMessage("must be " + range.bounds());
        }
    }

    @Test
    void theQuorumRuleIsTheQuorumFractionsRuleWithItsMessages() {
        assertThatCode(() -> QUORUM.validate("0.04")).doesNotThrowAnyException();
        assertThatThrownBy(() -> QUORUM.validate("1.5")).hasMessage(QuorumFraction.OUT_OF_RANGE);
        assertThatThrownBy(() -> QUORUM.validate("0.\u0661"))
                .hasMessage("'0.\u0661' is not a decimal number; " + QuorumFraction.OUT_OF_RANGE);
        assertThatThrownBy(() -> QUORUM.validate("\uFF11")).hasMessageContaining("is not a decimal number");
    }

    @Test
    void anAmountRuleSaysWhyTheAmountIsUnreadable() {
        assertThatCode(() -> THRESHOLD.validate("1000")).doesNotThrowAnyException();
        assertThatThrownBy(() -> THRESHOLD.validate("1000000001")).hasMessage("must be an amount from 0 to 1000000000");
        assertThatThrownBy(() -> THRESHOLD.validate("1.0000000000000000001"))
                .hasMessageEndingWith("; must be an amount from 0 to 1000000000");
    }

    @Test
    void aWholeNumberRuleTakesTheDigitsZeroToNineOnly() {
        assertThatCode(() -> MAX_ACTIONS.validate("50")).doesNotThrowAnyException();
        assertThatThrownBy(() -> MAX_ACTIONS.validate("51")).hasMessage("must be a whole number from 1 to 50");
        assertThatThrownBy(() -> MAX_ACTIONS.validate("\u0665"))
                .hasMessage("'\u0665' is not a whole number; must be a whole number from 1 to 50");
        assertThatThrownBy(() -> MAX_ACTIONS.validate("2.5"))
                .hasMessage("'2.5' is not a whole number; must be a whole number from 1 to 50");
    }
}
