package io.bta.tokenomics.governance.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.governance.ProposalTimeline;
import io.bta.tokenomics.governance.QuorumFraction;
import io.bta.tokenomics.shared.Amount;
import org.junit.jupiter.api.Test;

/** Each kind of governed setting refuses malformed text and values out of bounds with its bounds. */
class GovernanceSettingRulesTest {

    static final GovernanceSettings.Rule VOTING_PERIOD =
            GovernanceSettings.Rule.duration(ProposalTimeline.Periods.VOTING_PERIOD);
    static final GovernanceSettings.Rule QUORUM = GovernanceSettings.Rule.quorumFraction();
    static final GovernanceSettings.Rule THRESHOLD =
            GovernanceSettings.Rule.amount(Amount.ZERO, Amount.of(1_000_000_000L));
    static final GovernanceSettings.Rule MAX_ACTIONS = GovernanceSettings.Rule.wholeNumber(1, 50);

    @Test
    void aDurationRuleReadsDurationsAndRefusesTheRestWithItsBounds() {
        assertThatCode(() -> VOTING_PERIOD.check().accept("7d")).doesNotThrowAnyException();
        assertThatCode(() -> VOTING_PERIOD.check().accept("PT12H")).doesNotThrowAnyException();
        assertThatThrownBy(() -> VOTING_PERIOD.check().accept("0s"))
                .hasMessage("must be a duration from PT1S to PT2160H");
        assertThatThrownBy(() -> VOTING_PERIOD.check().accept("a week"))
                .hasMessage("'a week' is not a duration such as 3s, 7d or PT12H; must be a duration from PT1S to"
                        + " PT2160H");
    }

    @Test
    void theQuorumRuleIsTheQuorumFractionsRuleWithItsMessages() {
        assertThatCode(() -> QUORUM.check().accept("0.04")).doesNotThrowAnyException();
        assertThatThrownBy(() -> QUORUM.check().accept("1.5")).hasMessage(QuorumFraction.OUT_OF_RANGE);
        assertThatThrownBy(() -> QUORUM.check().accept("0.\u0661"))
                .hasMessage("'0.\u0661' is not a decimal number; " + QuorumFraction.OUT_OF_RANGE);
        assertThatThrownBy(() -> QUORUM.check().accept("\uFF11")).hasMessageContaining("is not a decimal number");
    }

    @Test
    void anAmountRuleSaysWhyTheAmountIsUnreadable() {
        assertThatCode(() -> THRESHOLD.check().accept("1000")).doesNotThrowAnyException();
        assertThatThrownBy(() -> THRESHOLD.check().accept("1000000001"))
                .hasMessage("must be an amount from 0 to 1000000000");
        assertThatThrownBy(() -> THRESHOLD.check().accept("1.0000000000000000001"))
                .hasMessageEndingWith("; must be an amount from 0 to 1000000000");
    }

    @Test
    void aWholeNumberRuleTakesTheDigitsZeroToNineOnly() {
        assertThatCode(() -> MAX_ACTIONS.check().accept("50")).doesNotThrowAnyException();
        assertThatThrownBy(() -> MAX_ACTIONS.check().accept("51")).hasMessage("must be a whole number from 1 to 50");
        assertThatThrownBy(() -> MAX_ACTIONS.check().accept("\u0665"))
                .hasMessage("'\u0665' is not a whole number; must be a whole number from 1 to 50");
        assertThatThrownBy(() -> MAX_ACTIONS.check().accept("2.5"))
                .hasMessage("'2.5' is not a whole number; must be a whole number from 1 to 50");
    }
}
