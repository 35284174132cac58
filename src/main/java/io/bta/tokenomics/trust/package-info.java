/**
 * Trust scores (0 to 100) of the platform's entities and their history. Governance, staking and
 * rewards ask {@link io.bta.tokenomics.trust.Trust} for a score; where it comes from is behind
 * {@link io.bta.tokenomics.trust.TrustScoreSource}, so a remote trust engine can replace the local
 * store. An entity without a score has the configured default.
 */
package io.bta.tokenomics.trust;
