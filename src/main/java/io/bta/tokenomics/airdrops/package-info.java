/**
 * Airdrops: a campaign distributes a token to a list of entities, each of whom claims its amount
 * once. Creating one moves the whole total from the treasury to the campaign's escrow
 * ({@code airdrop:<id>}) in the same transaction, and commits to the list with a Merkle root
 * (OpenZeppelin's {@code StandardMerkleTree}, {@link io.bta.tokenomics.airdrops.MerkleTree}) that
 * anyone can rebuild and check proofs against. After the end, the unclaimed rest is swept back to
 * the treasury once. {@link io.bta.tokenomics.airdrops.Airdrops} is the facade.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ledger", "trust", "governance", "shared"})
package io.bta.tokenomics.airdrops;
