package io.bta.tokenomics.governance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A proposal's dates, fixed when it is created: voting opens after the voting delay and lasts the
 * voting period; a passed proposal is QUEUED for the timelock, then executable (SUCCEEDED) for the
 * grace period, then EXPIRED. {@link #statusAt} is the rule of a proposal's status, which the
 * database function {@code governance_status} computes the same way in queries (ADR 0026).
 */
public record ProposalTimeline(
        Instant createdAt, Instant votingStartsAt, Instant votingEndsAt, Instant executableAt, Instant expiresAt) {

    public static final String OUT_OF_ORDER =
            "a proposal's dates must be created <= voting starts < voting ends" + " <= executable < expires";

    public ProposalTimeline {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(votingStartsAt, "votingStartsAt");
        Objects.requireNonNull(votingEndsAt, "votingEndsAt");
        Objects.requireNonNull(executableAt, "executableAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // the table's CHECK, asserted where the dates are made
        if (votingStartsAt.isBefore(createdAt)
                || !votingEndsAt.isAfter(votingStartsAt)
                || executableAt.isBefore(votingEndsAt)
                || !expiresAt.isAfter(executableAt)) {
            throw new IllegalArgumentException(OUT_OF_ORDER);
        }
    }

    /** The timeline of a proposal created at {@code now} under {@code periods}. */
    public static ProposalTimeline of(Periods periods, Instant now) {
        var starts = now.plus(periods.votingDelay());
        var ends = starts.plus(periods.votingPeriod());
        var executable = ends.plus(periods.timelockDelay());
        return new ProposalTimeline(now, starts, ends, executable, executable.plus(periods.gracePeriod()));
    }

    /**
     * The status at {@code now} of a proposal with this timeline, its tally and quorum, executed at
     * {@code executedAt} and canceled at {@code canceledAt} (null: not). Equal to the database's
     * {@code governance_status} for every input (GovernanceStatusSqlProperties).
     */
    public ProposalStatus statusAt(
            Instant now, Tally tally, BigDecimal quorum, Instant executedAt, Instant canceledAt) {
        if (canceledAt != null) {
            return ProposalStatus.CANCELED;
        }
        if (executedAt != null) {
            return ProposalStatus.EXECUTED;
        }
        if (now.isBefore(votingStartsAt)) {
            return ProposalStatus.PENDING;
        }
        if (now.isBefore(votingEndsAt)) {
            return ProposalStatus.ACTIVE;
        }
        if (tally.outcome(quorum) == Tally.Outcome.DEFEATED) {
            return ProposalStatus.DEFEATED;
        }
        if (now.isBefore(executableAt)) {
            return ProposalStatus.QUEUED;
        }
        if (now.isBefore(expiresAt)) {
            return ProposalStatus.SUCCEEDED;
        }
        return ProposalStatus.EXPIRED;
    }

    /**
     * The periods a new proposal's timeline is made of, each within its {@link Range}. The governed
     * parameters {@code governance.voting-delay}, {@code voting-period}, {@code timelock-delay} and
     * {@code grace-period} and their configured defaults are these.
     */
    public record Periods(Duration votingDelay, Duration votingPeriod, Duration timelockDelay, Duration gracePeriod) {

        public static final Range VOTING_DELAY = new Range(Duration.ZERO, Duration.ofDays(30));
        public static final Range VOTING_PERIOD = new Range(Duration.ofSeconds(1), Duration.ofDays(90));
        public static final Range TIMELOCK_DELAY = new Range(Duration.ZERO, Duration.ofDays(30));
        public static final Range GRACE_PERIOD = new Range(Duration.ofSeconds(1), Duration.ofDays(90));

        public Periods {
            VOTING_DELAY.check("votingDelay", votingDelay);
            VOTING_PERIOD.check("votingPeriod", votingPeriod);
            TIMELOCK_DELAY.check("timelockDelay", timelockDelay);
            GRACE_PERIOD.check("gracePeriod", gracePeriod);
        }
    }

    /** The durations a period accepts, from {@code min} to {@code max} inclusive. */
    public record Range(Duration min, Duration max) {

        /** The values accepted in words ({@code a duration from PT0S to PT720H}). */
        public String bounds() {
            return "a duration from " + min + " to " + max;
        }

        /** Refuses a duration outside the range with {@code must be <bounds>}. */
        public Duration check(Duration value) {
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be " + bounds());
            }
            return value;
        }

        void check(String name, Duration value) {
            try {
                check(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " " + e.getMessage());
            }
        }
    }
}
