package io.bta.tokenomics.vesting;

import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.shared.Amount;

/**
 * A revocation: what had not vested went back to the treasury ({@code transaction} is null when
 * nothing was left), and the grant after it.
 */
public record Revocation(Amount returnedAmount, LedgerTransaction transaction, Grant grant) {}
