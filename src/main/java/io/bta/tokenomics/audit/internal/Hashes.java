package io.bta.tokenomics.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the lowercase hex in which the audit chain shows every hash. */
public final class Hashes {

    public static final int LENGTH = 32;

    /** The previous hash of the first block. */
    public static final byte[] ZERO = new byte[LENGTH];

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {}

    public static byte[] sha256(byte[]... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }
}
