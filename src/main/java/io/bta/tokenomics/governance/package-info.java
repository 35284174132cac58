/**
 * DAO governance: proposals with typed actions, votes weighted by trust
 * ({@code weight = votingPower × trustScore / 100}) on BTA-GOV holdings and delegations as of the
 * proposal's snapshot, quorum, timelock and atomic execution by an admin.
 * {@link io.bta.tokenomics.governance.Governance} is the facade. Other modules extend what a
 * proposal can do by registering {@link io.bta.tokenomics.governance.ProposalActionType} and
 * {@link io.bta.tokenomics.governance.GovernedParameters} beans, and learn of votes through
 * {@link io.bta.tokenomics.governance.VoteCast}.
 */
package io.bta.tokenomics.governance;
