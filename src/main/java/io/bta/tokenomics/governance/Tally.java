package io.bta.tokenomics.governance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The trust-weighted votes on a proposal, exact. The rule of a closed vote is here:
 * {@link #outcome(BigDecimal)}; the database function {@code governance_status} computes the same
 * in queries, and a property test holds the two together (ADR 0026).
 */
public record Tally(BigDecimal forVotes, BigDecimal againstVotes, BigDecimal abstainVotes) {

    public static final Tally NONE = new Tally(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public static final String NEGATIVE = "a tally's weights must not be negative";

    /** How a vote ended. */
    public enum Outcome {
        /** More weight FOR than AGAINST, and FOR plus ABSTAIN reached the quorum. */
        PASSED,
        /** No majority (a tie included) or no quorum. */
        DEFEATED
    }

    public Tally {
        Objects.requireNonNull(forVotes, "forVotes");
        Objects.requireNonNull(againstVotes, "againstVotes");
        Objects.requireNonNull(abstainVotes, "abstainVotes");
        if (forVotes.signum() < 0 || againstVotes.signum() < 0 || abstainVotes.signum() < 0) {
            throw new IllegalArgumentException(NEGATIVE);
        }
    }

    /** This tally with one more vote of {@code weight}. */
    public Tally plus(Support support, BigDecimal weight) {
        return switch (support) {
            case FOR -> new Tally(forVotes.add(weight), againstVotes, abstainVotes);
            case AGAINST -> new Tally(forVotes, againstVotes.add(weight), abstainVotes);
            case ABSTAIN -> new Tally(forVotes, againstVotes, abstainVotes.add(weight));
        };
    }

    /** The weight that counts towards the quorum: FOR and ABSTAIN; AGAINST does not. */
    public BigDecimal towardsQuorum() {
        return forVotes.add(abstainVotes);
    }

    /** Strictly more FOR than AGAINST: a tie is no majority. */
    public boolean hasMajority() {
        return forVotes.compareTo(againstVotes) > 0;
    }

    /** What the vote decided once voting has ended, with {@code quorum} the proposal's quorum. */
    public Outcome outcome(BigDecimal quorum) {
        return hasMajority() && towardsQuorum().compareTo(quorum) >= 0 ? Outcome.PASSED : Outcome.DEFEATED;
    }

    /** Equal weights, whatever their scale (a stored 1.000 is the 1 that was added). */
    public boolean sameAs(Tally other) {
        return forVotes.compareTo(other.forVotes) == 0
                && againstVotes.compareTo(other.againstVotes) == 0
                && abstainVotes.compareTo(other.abstainVotes) == 0;
    }
}
