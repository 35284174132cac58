/**
 * The bridge between the ledger and an EVM chain: a holder withdraws BTA tokens to an address
 * (the amount moves to the bridge's escrow entity in the ledger, and the bridge contract mints it
 * on chain), and deposits them back (the contract burns them, and once the {@code Deposited} log is
 * deep enough the escrow credits the entity named in it, exactly once). At any moment the escrow
 * equals the supply on chain plus what is in flight ({@link io.bta.tokenomics.bridge.Reconciliation}).
 * Off unless {@code tokenomics.bridge.enabled}; it then uses the chain settings anchoring has
 * ({@code tokenomics.chain.*}). Transferable NFTs of the nft module travel the same way through
 * an ERC-721 contract (the bridge provides the nft module's {@code NftChainBridge}). The contracts
 * and their web3j client are in {@code internal}.
 * {@link io.bta.tokenomics.bridge.Bridge} is the facade.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"ledger", "governance", "audit", "shared", "nft"})
package io.bta.tokenomics.bridge;
