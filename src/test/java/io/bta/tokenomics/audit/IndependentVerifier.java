package io.bta.tokenomics.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An offline verifier written from the documentation alone (docs/modules/audit.md),
 * sharing no code with the service: what an auditor would write to check a proof from the API.
 */
final class IndependentVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private IndependentVerifier() {}

    static byte[] sha256(byte[]... parts) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            for (var p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** bta-ledger-tx-v1: eleven length-prefixed UTF-8 fields, 0xFFFFFFFF for an absent one. */
    static String txHash(JsonNode tx) {
        var out = new ByteArrayOutputStream();
        for (var field : Arrays.asList(
                "bta-ledger-tx-v1",
                text(tx, "id"),
                tx.get("sequence").asString(),
                text(tx, "type"),
                text(tx, "tokenId"),
                nullable(tx, "fromEntityId"),
                nullable(tx, "toEntityId"),
                text(tx, "amount"),
                nullable(tx, "memo"),
                text(tx, "actor"),
                tx.get("createdAtMicros").asString())) {
            if (field == null) {
                out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            } else {
                var bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return HEX.formatHex(sha256(out.toByteArray()));
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asString();
    }

    private static String nullable(JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** Walks the sibling path from the leaf 0x00 ‖ txHash up to a root. */
    static String rootFromPath(String txHash, JsonNode path) {
        var current = sha256(new byte[] {0x00}, HEX.parseHex(txHash));
        for (var step : path) {
            var sibling = HEX.parseHex(step.get("hash").asString());
            current = switch (step.get("side").asString()) {
                case "LEFT" -> sha256(new byte[] {0x01}, sibling, current);
                case "RIGHT" -> sha256(new byte[] {0x01}, current, sibling);
                default -> throw new IllegalArgumentException("side " + step.get("side"));
            };
        }
        return HEX.formatHex(current);
    }

    /** RFC 6962 §2.1 MTH, recursively: split at the largest power of two below n. */
    static String rfc6962Root(List<String> txHashes) {
        var leaves = new ArrayList<byte[]>();
        for (var h : txHashes) {
            leaves.add(HEX.parseHex(h));
        }
        return HEX.formatHex(mth(leaves));
    }

    private static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return sha256(new byte[] {0x00}, d.get(0));
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        return sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    /**
     * Version 1: SHA-256(previousHash ‖ merkleRoot ‖ u64 height ‖ u64 firstSequence ‖ u64
     * lastSequence). Version 2 appends SHA-256 of the histories in name order, each u32 name length
     * ‖ name ‖ u64 sequence ‖ 32-byte hash.
     */
    static String blockHash(JsonNode header) {
        int version = header.has("headerVersion") ? header.get("headerVersion").asInt() : 1;
        var bytes = ByteBuffer.allocate(version == 1 ? 88 : 120)
                .put(HEX.parseHex(header.get("previousHash").asString()))
                .put(HEX.parseHex(header.get("merkleRoot").asString()))
                .putLong(header.get("height").asLong())
                .putLong(header.get("firstSequence").asLong())
                .putLong(header.get("lastSequence").asLong());
        if (version == 2) {
            var heads = new ArrayList<JsonNode>();
            header.get("histories").forEach(heads::add);
            heads.sort(java.util.Comparator.comparing(h -> h.get("name").asString()));
            var out = new ByteArrayOutputStream();
            for (var h : heads) {
                var name = h.get("name").asString().getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(name.length).array());
                out.writeBytes(name);
                out.writeBytes(ByteBuffer.allocate(8)
                        .putLong(h.get("sequence").asLong())
                        .array());
                out.writeBytes(HEX.parseHex(h.get("hash").asString()));
            }
            bytes.put(sha256(out.toByteArray()));
        }
        return HEX.formatHex(sha256(bytes.array()));
    }
}
