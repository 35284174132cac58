package io.bta.tokenomics.nft;

import io.bta.tokenomics.shared.EntityId;

/**
 * The chain side of an NFT's withdrawal to an address, provided by the bridge module while it is
 * enabled ({@code tokenomics.bridge.enabled}); without it {@link Nfts#withdraw} answers 422 {@code
 * NFT_BRIDGE_OFF}. The bridge mints the token on chain later, and gives it back with {@link
 * Nfts#returnFromCustody} when a deposit of it is deep enough.
 */
public interface NftChainBridge {

    /** The entity that owns a token in the ledger while it is on chain (the bridge's escrow). */
    EntityId custodian();

    /** The address in the form the chain side keeps; an {@link IllegalArgumentException} with the rule's message. */
    String address(String text);

    /** Refuses (409 {@code BRIDGE_NOT_DEPLOYED}, 409 {@code BRIDGE_PAUSED}) while no withdrawal may be taken. */
    void checkOpen();

    /**
     * Records the withdrawal of {@code token} (already the custodian's) from {@code holder} to
     * {@code toAddress}, in the caller's transaction.
     */
    NftWithdrawal record(Nft token, EntityId holder, String toAddress);
}
