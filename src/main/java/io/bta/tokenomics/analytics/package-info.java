/**
 * Token analytics: a time series of every token's figures (supply, circulating, locked, staked,
 * holders, and the transactions, volume, mints, burns and rewards since the previous snapshot),
 * snapshotted on a schedule and on demand; the series read in buckets; an overview of the
 * figures now; and the same figures as Micrometer gauges. It reads the other modules only through
 * their facades ({@link io.bta.tokenomics.ledger.Ledger}, {@link io.bta.tokenomics.staking.Staking},
 * {@link io.bta.tokenomics.rewards.Rewards}, {@link io.bta.tokenomics.governance.Governance}).
 *
 * <p>Promises: a scheduled snapshot is taken once per due time, however many instances share the
 * database; consecutive snapshots count every ledger transaction exactly once.
 * {@link io.bta.tokenomics.analytics.Analytics} is the facade.
 */
package io.bta.tokenomics.analytics;
