package io.bta.tokenomics.airdrops;

/** Where a campaign stands: claims are taken only while it is {@code OPEN}. */
public enum AirdropStatus {
    /** Created; claims open at {@code startsAt}. */
    SCHEDULED,
    /** Between {@code startsAt} (included) and {@code endsAt} (excluded). */
    OPEN,
    /** Past {@code endsAt}; the unclaimed rest awaits its sweep. */
    ENDED,
    /** Ended, and the unclaimed rest returned to the treasury. */
    SWEPT
}
