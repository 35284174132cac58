package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * What lets anyone check an entity's place in a campaign: its amount (also in base units, as the
 * leaf encodes it), the leaf hash, the sibling hashes from the leaf up, and the root. With
 * OpenZeppelin's package: {@code StandardMerkleTree.verify(merkleRoot, ["string", "uint256"],
 * [entityId, amountUnits], proof)}. {@code claimedAt} is null while unclaimed.
 */
public record AirdropProof(
        AirdropId airdropId,
        EntityId entityId,
        Amount amount,
        BigInteger amountUnits,
        String leaf,
        List<String> proof,
        String merkleRoot,
        Instant claimedAt) {}
