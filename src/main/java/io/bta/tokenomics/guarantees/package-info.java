/**
 * Guarantees: BTA-GUAR allocations for the guarantee marketplace. Allocating mints the guarantee's
 * amount of BTA-GUAR to the guarantor and locks it (with any extra collateral) in the same
 * transaction; releasing or expiring unlocks and burns it; claiming moves it, and the collateral,
 * to the beneficiary. Promises: one ACTIVE allocation per guarantee id, and an allocation is closed
 * exactly once, its ledger moves in the same transaction as its status.
 * {@link io.bta.tokenomics.guarantees.Guarantees} is the facade.
 */
package io.bta.tokenomics.guarantees;
