package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.HistoryHead;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Version 1: {@code blockHash = SHA-256(previousHash ‖ merkleRoot ‖ height ‖ firstSequence ‖
 * lastSequence)}: 32 + 32 bytes of hash, then three unsigned 64-bit big-endian integers, 88 bytes
 * in all. Version 2 appends a 32-byte digest of the heads of the other histories the block commits
 * to, 120 bytes in all: {@code historiesDigest = SHA-256(for each head in name order: length of
 * the name as a 4-byte big-endian integer ‖ the name in UTF-8 ‖ sequence as 8 bytes ‖ hash as 32
 * bytes)}. The first block's previous hash is 32 zero bytes. Each block hash therefore commits to
 * every block before it.
 */
public final class BlockHashing {

    private BlockHashing() {}

    public static byte[] blockHash(
            byte[] previousHash, byte[] merkleRoot, long height, long firstSequence, long lastSequence) {
        return Hashes.sha256(header(previousHash, merkleRoot, height, firstSequence, lastSequence, 88)
                .array());
    }

    /** Version 2's block hash, committing to {@code histories} too. */
    public static byte[] blockHash(
            byte[] previousHash,
            byte[] merkleRoot,
            long height,
            long firstSequence,
            long lastSequence,
            List<HistoryHead> histories) {
        return Hashes.sha256(header(previousHash, merkleRoot, height, firstSequence, lastSequence, 120)
                .put(historiesDigest(histories))
                .array());
    }

    /** The digest of the heads, in name order, as version 2 hashes it. */
    public static byte[] historiesDigest(List<HistoryHead> histories) {
        var out = new ByteArrayOutputStream();
        histories.stream().sorted(Comparator.comparing(HistoryHead::name)).forEach(h -> {
            var name = h.name().getBytes(StandardCharsets.UTF_8);
            var hash = Hashes.fromHex(h.hash());
            if (hash.length != Hashes.LENGTH) {
                throw new IllegalArgumentException("a history's hash is 32 bytes");
            }
            out.writeBytes(ByteBuffer.allocate(4 + name.length + 8 + Hashes.LENGTH)
                    .putInt(name.length)
                    .put(name)
                    .putLong(h.sequence())
                    .put(hash)
                    .array());
        });
        return Hashes.sha256(out.toByteArray());
    }

    private static ByteBuffer header(
            byte[] previousHash, byte[] merkleRoot, long height, long firstSequence, long lastSequence, int size) {
        if (previousHash.length != Hashes.LENGTH || merkleRoot.length != Hashes.LENGTH) {
            throw new IllegalArgumentException("hashes are 32 bytes");
        }
        return ByteBuffer.allocate(size)
                .put(previousHash)
                .put(merkleRoot)
                .putLong(height)
                .putLong(firstSequence)
                .putLong(lastSequence);
    }
}
