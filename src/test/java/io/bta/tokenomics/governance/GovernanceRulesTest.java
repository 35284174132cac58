package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The governance rules on named examples: ties, abstentions, the quorum's edge and the bounds. */
class GovernanceRulesTest {

    static final BigDecimal QUORUM_100 = new BigDecimal("100");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final ProposalTimeline.Periods DEFAULT_PERIODS = new ProposalTimeline.Periods(
            Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(2), Duration.ofDays(14));

    static Tally tally(String forVotes, String against, String abstain) {
        return new Tally(new BigDecimal(forVotes), new BigDecimal(against), new BigDecimal(abstain));
    }

    // --- Tally ---

    @Test
    void aMajorityThatReachesTheQuorumPasses() {
        assertThat(tally("100", "99", "0").outcome(QUORUM_100)).isEqualTo(Tally.Outcome.PASSED);
    }

    @Test
    void aTieIsDefeated() {
        assertThat(tally("500", "500", "0").outcome(QUORUM_100)).isEqualTo(Tally.Outcome.DEFEATED);
    }

    @Test
    void abstentionsCountTowardsTheQuorum() {
        assertThat(tally("1", "0", "99").outcome(QUORUM_100)).isEqualTo(Tally.Outcome.PASSED);
    }

    @Test
    void againstVotesDoNotCountTowardsTheQuorum() {
        assertThat(tally("60", "39", "0").outcome(QUORUM_100)).isEqualTo(Tally.Outcome.DEFEATED);
        assertThat(tally("99", "50", "0").outcome(QUORUM_100)).isEqualTo(Tally.Outcome.DEFEATED);
    }

    @Test
    void exactlyTheQuorumIsEnough() {
        assertThat(tally("99.99999999999999999999999999", "0", "0.00000000000000000000000001")
                        .outcome(QUORUM_100))
                .isEqualTo(Tally.Outcome.PASSED);
        assertThat(tally("99.99999999999999999999999999", "0", "0").outcome(QUORUM_100))
                .isEqualTo(Tally.Outcome.DEFEATED);
    }

    @Test
    void noVotesAtAQuorumOfZeroIsNoMajority() {
        assertThat(Tally.NONE.outcome(BigDecimal.ZERO)).isEqualTo(Tally.Outcome.DEFEATED);
    }

    @Test
    void aNegativeWeightIsRefused() {
        assertThatThrownBy(() -> tally("-1", "0", "0")).hasMessage(Tally.NEGATIVE);
    }

    // --- QuorumFraction ---

    @Test
    void theQuorumIsTheFractionOfTheSupplyExactly() {
        var quorum = QuorumFraction.of("0.000001").quorum(Amount.of("1.000000000000000001"));
        assertThat(quorum).isEqualByComparingTo("0.000001000000000000000001");
    }

    @Test
    void aQuorumFractionOutOfBoundsIsRefusedWithTheBounds() {
        for (var text : new String[] {"1.000001", "-0.1", "0.0000001", "0.0400000"}) {
            assertThatThrownBy(() -> QuorumFraction.of(text))
                    .as(text)
                    .hasMessage("must be a decimal from 0 to 1, at most 6 decimals");
        }
    }

    @Test
    void aQuorumFractionInOtherDigitsIsNotANumber() {
        assertThatThrownBy(() -> QuorumFraction.of("0.\u0661"))
                .hasMessage("'0.\u0661' is not a decimal number; must be a decimal from 0 to 1, at most 6 decimals");
        assertThatThrownBy(() -> QuorumFraction.of("ten percent"))
                .hasMessageStartingWith("'ten percent' is not a decimal number");
    }

    @Test
    void theEdgesOfTheQuorumFractionAreAccepted() {
        assertThat(QuorumFraction.of("0").fraction()).isEqualByComparingTo("0");
        assertThat(QuorumFraction.of("1").fraction()).isEqualByComparingTo("1");
        assertThat(QuorumFraction.of("0.000001").toString()).isEqualTo("0.000001");
    }

    // --- ProposalTimeline ---

    @Test
    void theTimelineFollowsThePeriodsFromCreation() {
        var t = ProposalTimeline.of(DEFAULT_PERIODS, T0);
        assertThat(t.createdAt()).isEqualTo(T0);
        assertThat(t.votingStartsAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(t.votingEndsAt()).isEqualTo(T0.plus(Duration.ofDays(8)));
        assertThat(t.executableAt()).isEqualTo(T0.plus(Duration.ofDays(10)));
        assertThat(t.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(24)));
    }

    @Test
    void theStatusFollowsTheClockAndTheTally() {
        var t = ProposalTimeline.of(DEFAULT_PERIODS, T0);
        var passed = tally("100", "0", "0");
        assertThat(t.statusAt(T0, passed, QUORUM_100, null, null)).isEqualTo(ProposalStatus.PENDING);
        assertThat(t.statusAt(t.votingStartsAt(), passed, QUORUM_100, null, null))
                .isEqualTo(ProposalStatus.ACTIVE);
        assertThat(t.statusAt(t.votingEndsAt(), passed, QUORUM_100, null, null)).isEqualTo(ProposalStatus.QUEUED);
        assertThat(t.statusAt(t.votingEndsAt(), Tally.NONE, QUORUM_100, null, null))
                .isEqualTo(ProposalStatus.DEFEATED);
        assertThat(t.statusAt(t.executableAt(), passed, QUORUM_100, null, null)).isEqualTo(ProposalStatus.SUCCEEDED);
        assertThat(t.statusAt(t.expiresAt(), passed, QUORUM_100, null, null)).isEqualTo(ProposalStatus.EXPIRED);
        assertThat(t.statusAt(t.expiresAt(), passed, QUORUM_100, t.executableAt(), null))
                .isEqualTo(ProposalStatus.EXECUTED);
        assertThat(t.statusAt(t.expiresAt(), passed, QUORUM_100, t.executableAt(), T0))
                .isEqualTo(ProposalStatus.CANCELED);
    }

    @Test
    void aPeriodOutOfBoundsIsRefusedWithItsBounds() {
        assertThatThrownBy(() -> new ProposalTimeline.Periods(
                        Duration.ofDays(31), Duration.ofDays(7), Duration.ZERO, Duration.ofDays(1)))
                .hasMessage("votingDelay must be a duration from PT0S to PT720H");
        assertThatThrownBy(() ->
                        new ProposalTimeline.Periods(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(1)))
                .hasMessage("votingPeriod must be a duration from PT1S to PT2160H");
        assertThatThrownBy(() -> ProposalTimeline.Periods.GRACE_PERIOD.check(Duration.ZERO))
                .hasMessage("must be a duration from PT1S to PT2160H");
    }

    @Test
    void datesOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new ProposalTimeline(T0, T0, T0, T0, T0.plusSeconds(1)))
                .hasMessage(ProposalTimeline.OUT_OF_ORDER);
    }
}
