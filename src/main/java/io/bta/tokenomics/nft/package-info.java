/**
 * NFT rewards: collections of numbered tokens (ERC-721's model), each with an owner and the
 * ERC-721 metadata JSON ({@code name}, {@code description}, {@code image}, {@code attributes}),
 * minted by an admin or a service with the scope {@code nft:mint}, transferred by their owner
 * unless the collection is soulbound, burned by their owner or an admin. Every mint, transfer and
 * burn is a row of an append-only history whose rows are hash-linked, so an edit anywhere breaks
 * every later hash. Badge rules mint a token to an entity the first time its count of one kind of
 * event (votes, stakes, rewards of a type) reaches a threshold, once per rule and entity. With a
 * bridge to a chain ({@link io.bta.tokenomics.nft.NftChainBridge}, which the bridge module
 * provides), the owner of a transferable token withdraws it to an address: it waits in the
 * bridge's escrow entity until a deposit on chain gives it back. {@link io.bta.tokenomics.nft.Nfts}
 * is the facade.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "trust", "governance", "rewards", "staking", "audit"})
package io.bta.tokenomics.nft;
