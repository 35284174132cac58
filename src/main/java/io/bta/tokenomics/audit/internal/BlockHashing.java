package io.bta.tokenomics.audit.internal;

import java.nio.ByteBuffer;

/**
 * {@code blockHash = SHA-256(previousHash ‖ merkleRoot ‖ height ‖ firstSequence ‖ lastSequence)}:
 * 32 + 32 bytes of hash, then three unsigned 64-bit big-endian integers, 88 bytes in all. The first
 * block's previous hash is 32 zero bytes. Each block hash therefore commits to every block before it.
 */
public final class BlockHashing {

    private BlockHashing() {}

    public static byte[] blockHash(
            byte[] previousHash, byte[] merkleRoot, long height, long firstSequence, long lastSequence) {
        if (previousHash.length != Hashes.LENGTH || merkleRoot.length != Hashes.LENGTH) {
            throw new IllegalArgumentException("hashes are 32 bytes");
        }
        var header = ByteBuffer.allocate(88)
                .put(previousHash)
                .put(merkleRoot)
                .putLong(height)
                .putLong(firstSequence)
                .putLong(lastSequence)
                .array();
        return Hashes.sha256(header);
    }
}
