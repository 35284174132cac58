package io.bta.tokenomics.airdrops;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * OpenZeppelin's {@code StandardMerkleTree} (the npm package {@code @openzeppelin/merkle-tree}) for
 * leaves of the types {@code ["string", "uint256"]}: an entity id and an amount in base units. Any
 * third party can rebuild the root from the claim list with that package, and check a proof with
 * it or with OpenZeppelin's {@code MerkleProof.verify} on chain.
 *
 * <ul>
 *   <li>A leaf is {@code keccak256(keccak256(abi.encode(entityId, amount)))} (double-hashed, so a
 *       leaf can never be taken for an inner node).
 *   <li>An inner node is {@code keccak256(min(a, b) ‖ max(a, b))}: pairs are sorted, so a proof is
 *       a list of siblings with no left/right flags.
 *   <li>The leaves are sorted by hash and laid out as the package does: a complete binary tree in
 *       an array of {@code 2n − 1} nodes, the root at 0, the children of {@code i} at {@code 2i + 1}
 *       and {@code 2i + 2}, the {@code k}-th smallest leaf at {@code 2n − 2 − k}.
 * </ul>
 */
public final class MerkleTree {

    /** One claim as the tree sees it. */
    public record Leaf(String entityId, BigInteger units) {}

    private final byte[][] nodes;
    private final int[] treeIndexOfLeaf;

    private MerkleTree(byte[][] nodes, int[] treeIndexOfLeaf) {
        this.nodes = nodes;
        this.treeIndexOfLeaf = treeIndexOfLeaf;
    }

    /** The tree of {@code leaves} (at least one); the i-th leaf's node is {@link #treeIndexOf(int)}. */
    public static MerkleTree of(List<Leaf> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        int n = leaves.size();
        var hashes = new byte[n][];
        var order = new Integer[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = leafHash(leaves.get(i).entityId(), leaves.get(i).units());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(hashes[a], hashes[b]));
        var nodes = new byte[2 * n - 1][];
        var treeIndex = new int[n];
        for (int k = 0; k < n; k++) {
            int at = nodes.length - 1 - k;
            nodes[at] = hashes[order[k]];
            treeIndex[order[k]] = at;
        }
        for (int i = nodes.length - 1 - n; i >= 0; i--) {
            nodes[i] = nodeHash(nodes[2 * i + 1], nodes[2 * i + 2]);
        }
        return new MerkleTree(nodes, treeIndex);
    }

    public byte[] root() {
        return nodes[0].clone();
    }

    public int size() {
        return treeIndexOfLeaf.length;
    }

    /** The node of the i-th leaf given to {@link #of}. */
    public int treeIndexOf(int leaf) {
        return treeIndexOfLeaf[leaf];
    }

    /** Every node, 32 bytes each, in tree order: what is stored. */
    public byte[] nodeBytes() {
        var all = new byte[nodes.length * 32];
        for (int i = 0; i < nodes.length; i++) {
            System.arraycopy(nodes[i], 0, all, i * 32, 32);
        }
        return all;
    }

    /** The proof of the leaf at node {@code treeIndex}: its siblings from the leaf up. */
    public List<byte[]> proof(int treeIndex) {
        var proof = new ArrayList<byte[]>();
        for (int i : proofPath(treeIndex)) {
            proof.add(nodes[i].clone());
        }
        return proof;
    }

    /** The nodes a proof of node {@code treeIndex} is made of, from the leaf's sibling up to a child of the root. */
    public static int[] proofPath(int treeIndex) {
        if (treeIndex < 0) {
            throw new IllegalArgumentException("a node index is not negative");
        }
        var path = new ArrayList<Integer>();
        for (int i = treeIndex; i > 0; i = (i - 1) / 2) {
            path.add(i % 2 == 1 ? i + 1 : i - 1);
        }
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether {@code proof} leads from {@code leaf} to {@code root}, as {@code MerkleProof.verify} decides. */
    public static boolean verify(byte[] root, byte[] leaf, List<byte[]> proof) {
        var at = leaf;
        for (var sibling : proof) {
            at = nodeHash(at, sibling);
        }
        return Arrays.equals(at, root);
    }

    /** {@code keccak256(keccak256(abi.encode(string entityId, uint256 units)))}. */
    public static byte[] leafHash(String entityId, BigInteger units) {
        return Hash.sha3(Hash.sha3(encode(entityId, units)));
    }

    /** {@code keccak256} of the two nodes, the smaller (as unsigned bytes) first. */
    public static byte[] nodeHash(byte[] a, byte[] b) {
        var pair = new byte[64];
        boolean aFirst = Arrays.compareUnsigned(a, b) <= 0;
        System.arraycopy(aFirst ? a : b, 0, pair, 0, 32);
        System.arraycopy(aFirst ? b : a, 0, pair, 32, 32);
        return Hash.sha3(pair);
    }

    /**
     * The Solidity ABI encoding of {@code (string, uint256)}: the string's offset (64), the number,
     * the string's length in bytes, then its UTF-8 bytes padded with zeros to a multiple of 32.
     */
    static byte[] encode(String text, BigInteger units) {
        if (units.signum() < 0 || units.bitLength() > 256) {
            throw new IllegalArgumentException("a uint256 is from 0 to 2^256 - 1");
        }
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        int padded = (bytes.length + 31) / 32 * 32;
        var out = new byte[96 + padded];
        word(out, 0, BigInteger.valueOf(64));
        word(out, 32, units);
        word(out, 64, BigInteger.valueOf(bytes.length));
        System.arraycopy(bytes, 0, out, 96, bytes.length);
        return out;
    }

    private static void word(byte[] out, int at, BigInteger value) {
        var raw = value.toByteArray(); // big-endian, maybe with a leading sign byte
        int skip = raw.length > 32 ? raw.length - 32 : 0;
        System.arraycopy(raw, skip, out, at + 32 - (raw.length - skip), raw.length - skip);
    }

    /** {@code 0x}-prefixed lowercase hex, as the npm package writes hashes. */
    public static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
