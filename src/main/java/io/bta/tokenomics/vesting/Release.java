package io.bta.tokenomics.vesting;

import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.shared.Amount;

/** A release: the amount paid to the beneficiary, its ledger transaction, and the grant after it. */
public record Release(Amount amount, LedgerTransaction transaction, Grant grant) {}
