package io.bta.tokenomics.ledger;

/**
 * A rule another module puts on minting (the rewards module's emission budget for BTA-REWARD).
 *
 * <p>The ledger calls every policy for each mint it is about to apply, in order, inside its write
 * transaction, after the balance rows are locked and once no rule of its own refuses the mint: the
 * policies are the last thing that can refuse it. A policy refuses a mint by throwing a
 * {@link io.bta.tokenomics.shared.error.DomainProblem} (then it must have written nothing for it);
 * it may record an admitted mint in its own tables, which commit or roll back with the ledger's
 * transaction. Locks a policy takes come after the ledger's token and balance locks; code that
 * holds a policy's lock must not then call the ledger to write, or the lock order inverts.
 *
 * <p>A policy reads all it needs from the mint itself (its {@link MintReservation}, if any), never
 * from the calling thread: under group commit the mint is applied by the ledger's writer thread.
 */
public interface MintPolicy {

    void admit(LedgerOperation.Mint mint, TokenType tokenType);
}
