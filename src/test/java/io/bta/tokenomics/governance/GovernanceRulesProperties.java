package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The laws of the vote, the quorum and the timeline. */
class GovernanceRulesProperties {

    /** Weights as the votes hold them: up to 26 decimals, from zero to about 10^12. */
    static Arbitrary<BigDecimal> weights() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers()
                        .between(BigInteger.ZERO, BigInteger.TEN.pow(38))
                        .map(u -> new BigDecimal(u, 26)),
                Arbitraries.integers().between(0, 5).map(BigDecimal::valueOf));
    }

    @Provide
    Arbitrary<Tally> tallies() {
        return Combinators.combine(weights(), weights(), weights()).as(Tally::new);
    }

    @Provide
    Arbitrary<BigDecimal> quorums() {
        return weights();
    }

    @Provide
    Arbitrary<BigDecimal> fractions() {
        return Arbitraries.integers().between(0, 1_000_000).map(m -> BigDecimal.valueOf(m, 6));
    }

    @Provide
    Arbitrary<ProposalTimeline.Periods> periods() {
        return Combinators.combine(
                        seconds(ProposalTimeline.Periods.VOTING_DELAY),
                        seconds(ProposalTimeline.Periods.VOTING_PERIOD),
                        seconds(ProposalTimeline.Periods.TIMELOCK_DELAY),
                        seconds(ProposalTimeline.Periods.GRACE_PERIOD))
                .as(ProposalTimeline.Periods::new);
    }

    static Arbitrary<Duration> seconds(ProposalTimeline.Range range) {
        return Arbitraries.longs()
                .between(range.min().toSeconds(), range.max().toSeconds())
                .edgeCases(
                        c -> c.includeOnly(range.min().toSeconds(), range.max().toSeconds()))
                .map(Duration::ofSeconds);
    }

    @Property
    void moreForVotesNeverTurnAPassIntoADefeat(
            @ForAll("tallies") Tally tally, @ForAll("quorums") BigDecimal quorum, @ForAll("quorums") BigDecimal more) {
        if (tally.outcome(quorum) == Tally.Outcome.PASSED) {
            assertThat(tally.plus(Support.FOR, more).outcome(quorum)).isEqualTo(Tally.Outcome.PASSED);
        }
    }

    @Property
    void moreAgainstVotesNeverTurnADefeatIntoAPass(
            @ForAll("tallies") Tally tally, @ForAll("quorums") BigDecimal quorum, @ForAll("quorums") BigDecimal more) {
        if (tally.outcome(quorum) == Tally.Outcome.DEFEATED) {
            assertThat(tally.plus(Support.AGAINST, more).outcome(quorum)).isEqualTo(Tally.Outcome.DEFEATED);
        }
    }

    @Property
    void abstentionsOnlyEverHelpReachTheQuorum(
            @ForAll("tallies") Tally tally, @ForAll("quorums") BigDecimal quorum, @ForAll("quorums") BigDecimal more) {
        if (tally.outcome(quorum) == Tally.Outcome.PASSED) {
            assertThat(tally.plus(Support.ABSTAIN, more).outcome(quorum)).isEqualTo(Tally.Outcome.PASSED);
        }
    }

    @Property
    void aHigherQuorumNeverTurnsADefeatIntoAPass(
            @ForAll("tallies") Tally tally, @ForAll("quorums") BigDecimal quorum, @ForAll("quorums") BigDecimal more) {
        if (tally.outcome(quorum) == Tally.Outcome.DEFEATED) {
            assertThat(tally.outcome(quorum.add(more))).isEqualTo(Tally.Outcome.DEFEATED);
        }
    }

    @Property
    void aPassIsAStrictMajorityWithForAndAbstainAtTheQuorum(
            @ForAll("tallies") Tally tally, @ForAll("quorums") BigDecimal quorum) {
        boolean passes = tally.forVotes().compareTo(tally.againstVotes()) > 0
                && tally.forVotes().add(tally.abstainVotes()).compareTo(quorum) >= 0;
        assertThat(tally.outcome(quorum) == Tally.Outcome.PASSED).isEqualTo(passes);
    }

    @Property
    void theQuorumIsExactAndFitsTheColumn(
            @ForAll("fractions") BigDecimal fraction, @ForAll @LongRange(min = 0) long units) {
        var supply = Amount.ofUnits(BigInteger.valueOf(units));
        var quorum = new QuorumFraction(fraction).quorum(supply);
        assertThat(quorum).isEqualByComparingTo(supply.toBigDecimal().multiply(fraction));
        assertThat(quorum.stripTrailingZeros().scale()).isLessThanOrEqualTo(26);
        assertThat(quorum.compareTo(supply.toBigDecimal())).isLessThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<BigDecimal> anyDecimal() {
        return Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(8).negate(), BigInteger.TEN.pow(8))
                .flatMap(u -> Arbitraries.integers().between(-3, 10).map(scale -> new BigDecimal(u, scale)));
    }

    @Property
    void aQuorumFractionIsAcceptedExactlyWhenInBounds(@ForAll("anyDecimal") BigDecimal fraction) {
        boolean valid = fraction.signum() >= 0 && fraction.compareTo(BigDecimal.ONE) <= 0 && fraction.scale() <= 6;
        if (valid) {
            assertThat(QuorumFraction.of(fraction.toString()).fraction()).isEqualByComparingTo(fraction);
        } else {
            assertThatThrownBy(() -> QuorumFraction.of(fraction.toString())).hasMessage(QuorumFraction.OUT_OF_RANGE);
        }
    }

    @Property
    void aTimelineIsOrderedAndMadeOfItsPeriods(
            @ForAll("periods") ProposalTimeline.Periods periods,
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long createdAtSecond) {
        var now = Instant.ofEpochSecond(createdAtSecond);
        var t = ProposalTimeline.of(periods, now);
        assertThat(t.createdAt()).isEqualTo(now);
        assertThat(t.votingStartsAt()).isAfterOrEqualTo(t.createdAt());
        assertThat(t.votingEndsAt()).isAfter(t.votingStartsAt());
        assertThat(t.executableAt()).isAfterOrEqualTo(t.votingEndsAt());
        assertThat(t.expiresAt()).isAfter(t.executableAt());
        assertThat(Duration.between(t.createdAt(), t.expiresAt()))
                .isEqualTo(periods.votingDelay()
                        .plus(periods.votingPeriod())
                        .plus(periods.timelockDelay())
                        .plus(periods.gracePeriod()));
    }

    @Property
    void aStatusNeverGoesBackAsTimePasses(
            @ForAll("periods") ProposalTimeline.Periods periods,
            @ForAll("tallies") Tally tally,
            @ForAll("quorums") BigDecimal quorum,
            @ForAll @LongRange(min = 0, max = 20_000_000L) long first,
            @ForAll @LongRange(min = 0, max = 20_000_000L) long later) {
        var t = ProposalTimeline.of(periods, Instant.EPOCH);
        var before = t.statusAt(Instant.ofEpochSecond(first), tally, quorum, null, null);
        var after = t.statusAt(Instant.ofEpochSecond(first + later), tally, quorum, null, null);
        assertThat(rank(after)).as(before + " then " + after).isGreaterThanOrEqualTo(rank(before));
        if (before.isFinal()) {
            assertThat(after).isEqualTo(before);
        }
    }

    /** The order a proposal moves through its statuses as time passes. */
    static int rank(ProposalStatus s) {
        return switch (s) {
            case PENDING -> 0;
            case ACTIVE -> 1;
            case QUEUED -> 2;
            case SUCCEEDED -> 3;
            case DEFEATED, EXPIRED -> 4;
            case EXECUTED, CANCELED -> 5;
        };
    }
}
