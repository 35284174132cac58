package io.bta.tokenomics.airdrops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree against values printed by OpenZeppelin's {@code @openzeppelin/merkle-tree} 1.0.8
 * ({@code StandardMerkleTree.of(values, ["string", "uint256"])}, its {@code root}, {@code leafHash}
 * and {@code getProof}) for the same claims; {@link MerkleTreeNpmTest} compares random lists live.
 */
class MerkleTreeTest {

    private static final List<MerkleTree.Leaf> THREE = List.of(
            new MerkleTree.Leaf("alice", new BigInteger("1000000000000000000")),
            new MerkleTree.Leaf("bob", new BigInteger("2500000000000000000")),
            new MerkleTree.Leaf("carol", BigInteger.ONE));

    @Test
    void rootLeavesAndProofsAreThePackagesOwn() {
        var tree = MerkleTree.of(THREE);

        assertThat(MerkleTree.hex(tree.root()))
                .isEqualTo("0xccf63c684943d212ecf3755538543bc55ebaaa125c8248cdd12bb2616c643493");
        assertThat(hex(MerkleTree.leafHash("alice", new BigInteger("1000000000000000000"))))
                .isEqualTo("0x24051fee67c8987b773af06f36ff2a1ccdc0f044bd90e77779acc96912c29a31");
        assertThat(proofOf(tree, 0))
                .containsExactly(
                        "0x0288baf814956c9db689aeed315b531703a1130966cb8eb0f5e170007091a082",
                        "0xb495e0fa3c2ee8c52c93fcdf0ccb6c33dee8fa4f0748c76c3fc8a41fa6fe693a");
        assertThat(proofOf(tree, 1))
                .containsExactly(
                        "0x24051fee67c8987b773af06f36ff2a1ccdc0f044bd90e77779acc96912c29a31",
                        "0xb495e0fa3c2ee8c52c93fcdf0ccb6c33dee8fa4f0748c76c3fc8a41fa6fe693a");
        assertThat(proofOf(tree, 2))
                .containsExactly("0x0480e9b4285888ec07004a3b8499be58db74160ec6387963d09d46b4fc93e962");
    }

    @Test
    void aSingleLeafIsItsOwnRootWithAnEmptyProof() {
        var tree = MerkleTree.of(List.of(new MerkleTree.Leaf("alice", BigInteger.valueOf(5))));

        assertThat(MerkleTree.hex(tree.root()))
                .isEqualTo("0x7e4fd466a36c111b721874afc0402ab4399801a86ea48bbaca35be0c51848610");
        assertThat(tree.proof(tree.treeIndexOf(0))).isEmpty();
    }

    @Test
    void theRootDoesNotDependOnTheOrderOfTheList() {
        var reversed = new ArrayList<>(THREE);
        java.util.Collections.reverse(reversed);

        assertThat(MerkleTree.of(reversed).root())
                .isEqualTo(MerkleTree.of(THREE).root());
    }

    @Test
    void everyProofVerifiesAndAnyChangeBreaksIt() {
        var leaves = new ArrayList<MerkleTree.Leaf>();
        for (int i = 0; i < 37; i++) {
            leaves.add(new MerkleTree.Leaf("entity-" + i, BigInteger.valueOf(1000L + i)));
        }
        var tree = MerkleTree.of(leaves);
        for (int i = 0; i < leaves.size(); i++) {
            var leaf =
                    MerkleTree.leafHash(leaves.get(i).entityId(), leaves.get(i).units());
            var proof = tree.proof(tree.treeIndexOf(i));
            assertThat(MerkleTree.verify(tree.root(), leaf, proof))
                    .as("leaf %d", i)
                    .isTrue();
            var wrongAmount = MerkleTree.leafHash(
                    leaves.get(i).entityId(), leaves.get(i).units().add(BigInteger.ONE));
            assertThat(MerkleTree.verify(tree.root(), wrongAmount, proof)).isFalse();
        }
    }

    @Test
    void theEncodingIsSoliditysAbiEncodeOfStringAndUint256() {
        var encoded = MerkleTree.encode("bob", BigInteger.valueOf(255));

        assertThat(HexFormat.of().formatHex(encoded))
                .isEqualTo("0000000000000000000000000000000000000000000000000000000000000040"
                        + "00000000000000000000000000000000000000000000000000000000000000ff"
                        + "0000000000000000000000000000000000000000000000000000000000000003"
                        + "626f620000000000000000000000000000000000000000000000000000000000");
        assertThat(MerkleTree.encode("", BigInteger.ONE)).hasSize(96);
        assertThat(MerkleTree.encode("x".repeat(33), BigInteger.ONE)).hasSize(96 + 64);
    }

    @Test
    void proofPathsFollowTheArrayLayout() {
        assertThat(MerkleTree.proofPath(0)).isEmpty();
        assertThat(MerkleTree.proofPath(4)).containsExactly(3, 2);
        assertThat(MerkleTree.proofPath(3)).containsExactly(4, 2);
        assertThatThrownBy(() -> MerkleTree.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.encode("a", BigInteger.ONE.shiftLeft(256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> proofOf(MerkleTree tree, int leaf) {
        return tree.proof(tree.treeIndexOf(leaf)).stream().map(MerkleTree::hex).toList();
    }

    private static String hex(byte[] b) {
        return MerkleTree.hex(b);
    }
}
