/**
 * The token ledger: the four BTA tokens and their supply, balances per entity with available and
 * locked parts, transfer, mint, burn, lock and unlock, and the append-only transaction history with
 * a gap-free sequence. Each transaction's {@code txHash} is SHA-256 of its canonical encoding
 * ({@link io.bta.tokenomics.ledger.TransactionEncoding}): derived from its fields, never stored. It
 * keeps checkpoints of BTA-GOV holdings so that governance can read them as of a past sequence.
 * {@link io.bta.tokenomics.ledger.Ledger} is the facade; everything under {@code internal} is the
 * module's own.
 */
package io.bta.tokenomics.ledger;
