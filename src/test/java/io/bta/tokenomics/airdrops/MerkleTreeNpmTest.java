package io.bta.tokenomics.airdrops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's tree against OpenZeppelin's own package, live: random claim lists (sizes 1 to 300
 * and one of 5,000; entity ids of every allowed character; amounts from one base unit to 10^38)
 * are given to {@code contracts/merkle-tree.js} ({@code @openzeppelin/merkle-tree} 1.0.8, pinned in
 * {@code contracts/package.json}); the root and every leaf and proof must be equal. Skipped without
 * Node or without {@code npm ci} in {@code contracts/}, except under CI, where it fails.
 */
class MerkleTreeNpmTest {

    private static final Path CONTRACTS = Path.of("contracts").toAbsolutePath();
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-@";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void packageIsThere() {
        String missing = null;
        if (!Files.isDirectory(CONTRACTS.resolve("node_modules/@openzeppelin/merkle-tree"))) {
            missing = "contracts/node_modules/@openzeppelin/merkle-tree is missing (run npm ci in contracts/)";
        } else if (!nodeRuns()) {
            missing = "node is not installed";
        }
        if (missing != null) {
            if (System.getenv("CI") != null) {
                fail(missing + "; CI must compare the airdrop tree with OpenZeppelin's package");
            }
            Assumptions.abort(missing);
        }
    }

    @Test
    void rootsAndProofsEqualThePackagesOnRandomLists() throws Exception {
        var random = new Random(20261205L);
        var sizes = new ArrayList<Integer>(List.of(1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 64, 100, 255, 300, 5000));
        for (int i = 0; i < 8; i++) {
            sizes.add(1 + random.nextInt(300));
        }
        for (int size : sizes) {
            var leaves = randomLeaves(random, size);
            var theirs = npmTree(leaves);
            var ours = MerkleTree.of(leaves);
            assertThat(MerkleTree.hex(ours.root()))
                    .as("root of %d claims", size)
                    .isEqualTo(theirs.get("root").asString());
            for (int i = 0; i < size; i++) {
                var their = theirs.get("leaves").get(i);
                var leaf = leaves.get(i);
                assertThat(MerkleTree.hex(MerkleTree.leafHash(leaf.entityId(), leaf.units())))
                        .isEqualTo(their.get("leaf").asString());
                var proof = ours.proof(ours.treeIndexOf(i)).stream()
                        .map(MerkleTree::hex)
                        .toList();
                var theirProof = new ArrayList<String>();
                their.get("proof").forEach(p -> theirProof.add(p.asString()));
                assertThat(proof).as("proof of claim %d of %d", i, size).isEqualTo(theirProof);
            }
        }
    }

    private static List<MerkleTree.Leaf> randomLeaves(Random random, int size) {
        var ids = new java.util.LinkedHashSet<String>();
        while (ids.size() < size) {
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 128 : 20);
            var id = new StringBuilder();
            for (int i = 0; i < length; i++) {
                id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
            }
            if (!id.toString().equals(".") && !id.toString().equals("..")) {
                ids.add(id.toString());
            }
        }
        var leaves = new ArrayList<MerkleTree.Leaf>();
        for (var id : ids) {
            var units =
                    switch (random.nextInt(4)) {
                        case 0 -> BigInteger.ONE;
                        case 1 -> BigInteger.valueOf(1 + random.nextInt(1_000_000));
                        case 2 -> new BigInteger(126, random).add(BigInteger.ONE);
                        default -> BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1 + random.nextInt(10_000)));
                    };
            leaves.add(new MerkleTree.Leaf(id, units));
        }
        return leaves;
    }

    private static JsonNode npmTree(List<MerkleTree.Leaf> leaves) throws Exception {
        var values = leaves.stream()
                .map(l -> List.of(l.entityId(), l.units().toString()))
                .toList();
        var input = JSON.writeValueAsString(java.util.Map.of("values", values));
        var process = new ProcessBuilder("node", "merkle-tree.js")
                .directory(CONTRACTS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("node merkle-tree.js").isZero();
        return JSON.readTree(output);
    }

    private static boolean nodeRuns() {
        try {
            var p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
