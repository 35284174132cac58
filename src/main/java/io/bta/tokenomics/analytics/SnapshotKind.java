package io.bta.tokenomics.analytics;

/** Taken by the schedule (once per due time), or on demand by an admin (any number of times). */
public enum SnapshotKind {
    SCHEDULED,
    ON_DEMAND
}
