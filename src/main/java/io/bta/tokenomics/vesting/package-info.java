/**
 * Vesting: schedules that release a grant of tokens to a beneficiary linearly after a cliff
 * (OpenZeppelin's VestingWallet with VestingWalletCliff). Creating one moves the total from the
 * treasury to the schedule's escrow ({@code vesting:<id>}), locked there; releases pay what has
 * vested; a revocable schedule can be revoked, returning what has not vested to the treasury.
 * {@link io.bta.tokenomics.vesting.Vesting} is the facade.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ledger", "governance", "shared"})
package io.bta.tokenomics.vesting;
