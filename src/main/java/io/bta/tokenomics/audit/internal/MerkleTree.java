package io.bta.tokenomics.audit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of a block, as in RFC 6962 §2.1: a leaf is {@code SHA-256(0x00 ‖ txHash)}, an
 * inner node {@code SHA-256(0x01 ‖ left ‖ right)}; the prefixes keep a leaf from passing for a node.
 * Built level by level, pairing neighbours from the left; an odd node at the end of a level is
 * carried up unchanged (never duplicated), which gives exactly RFC 6962's tree (the split at the
 * largest power of two below n). A proof step is a sibling and its side; a carried node adds no step.
 */
public final class MerkleTree {

    public enum Side {
        LEFT,
        RIGHT
    }

    public record Step(Side side, byte[] hash) {}

    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};

    private MerkleTree() {}

    public static byte[] leaf(byte[] txHash) {
        return Hashes.sha256(LEAF, txHash);
    }

    public static byte[] node(byte[] left, byte[] right) {
        return Hashes.sha256(NODE, left, right);
    }

    public static byte[] root(List<byte[]> txHashes) {
        if (txHashes.isEmpty()) {
            throw new IllegalArgumentException("a block holds at least one transaction");
        }
        var level = new ArrayList<byte[]>(txHashes.size());
        for (var h : txHashes) {
            level.add(leaf(h));
        }
        while (level.size() > 1) {
            level = up(level);
        }
        return level.get(0);
    }

    /** The siblings from the leaf at {@code index} up to the root. */
    public static List<Step> path(List<byte[]> txHashes, int index) {
        if (index < 0 || index >= txHashes.size()) {
            throw new IllegalArgumentException("leaf index out of range");
        }
        var level = new ArrayList<byte[]>(txHashes.size());
        for (var h : txHashes) {
            level.add(leaf(h));
        }
        var steps = new ArrayList<Step>();
        int i = index;
        while (level.size() > 1) {
            if (i % 2 == 1) {
                steps.add(new Step(Side.LEFT, level.get(i - 1)));
            } else if (i + 1 < level.size()) {
                steps.add(new Step(Side.RIGHT, level.get(i + 1)));
            }
            level = up(level);
            i /= 2;
        }
        return steps;
    }

    private static ArrayList<byte[]> up(List<byte[]> level) {
        var next = new ArrayList<byte[]>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            next.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return next;
    }
}
