/**
 * The bridge between the ledger and an EVM chain. So far its chain side only: the compiled
 * {@code BtaToken} and {@code BtaBridge} contracts (sources in {@code contracts/}, artifacts under
 * {@code src/main/resources/contracts/}) and a web3j client that deploys and calls them
 * ({@link io.bta.tokenomics.bridge.internal.BridgeContracts}). It depends on no other module.
 */
package io.bta.tokenomics.bridge;
