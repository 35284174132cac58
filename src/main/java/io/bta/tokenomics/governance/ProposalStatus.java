package io.bta.tokenomics.governance;

/**
 * A proposal's state, derived from the clock and the tallies (never stored). After a successful
 * vote a proposal is QUEUED until its timelock has passed, then SUCCEEDED (executable) until its
 * grace period ends, then EXPIRED; a failed vote is DEFEATED.
 */
public enum ProposalStatus {
    PENDING,
    ACTIVE,
    CANCELED,
    DEFEATED,
    SUCCEEDED,
    QUEUED,
    EXPIRED,
    EXECUTED;

    /** The refusal of any other text as a status filter, in the words every client sees. */
    public static final String NOT_A_STATUS =
            "must be one of PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED";

    /**
     * The outcome can no longer change: DEFEATED, EXPIRED, EXECUTED and CANCELED. Nobody cancels a
     * proposal in a final state, not even an admin: that would rewrite a vote's recorded outcome.
     */
    public boolean isFinal() {
        return switch (this) {
            case DEFEATED, EXPIRED, EXECUTED, CANCELED -> true;
            case PENDING, ACTIVE, QUEUED, SUCCEEDED -> false;
        };
    }
}
