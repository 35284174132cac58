/**
 * The audit chain: a background sealer records every committed ledger transaction's
 * {@code txHash} (SHA-256 of the ledger's canonical encoding) and groups them, in sequence order,
 * into hash-linked blocks with a Merkle root each. Anyone holding a block hash can check an
 * inclusion proof offline; a verifier recomputes hashes, roots and links to find the first
 * rewritten transaction; with a chain configured, block hashes are anchored in transactions on an
 * EVM chain. It reads the ledger only through {@link io.bta.tokenomics.ledger.Ledger} and never
 * slows its write path. {@link io.bta.tokenomics.audit.Audit} is the facade.
 */
package io.bta.tokenomics.audit;
