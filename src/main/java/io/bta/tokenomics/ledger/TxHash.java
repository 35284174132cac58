package io.bta.tokenomics.ledger;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A ledger transaction's hash: SHA-256 of its canonical encoding ({@link TransactionEncoding}), held
 * as the 64 lowercase hex digits that every answer shows. It is derived from the transaction's
 * fields ({@link LedgerTransaction#txHash()}), never stored by the ledger.
 */
public record TxHash(String hex) {

    /** Bytes in a SHA-256 hash. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    public TxHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 2 * LENGTH || !isHex(hex, false)) {
            throw new IllegalArgumentException("a txHash is 64 lowercase hex digits");
        }
    }

    public static TxHash of(byte[] sha256) {
        if (sha256.length != LENGTH) {
            throw new IllegalArgumentException("a txHash is " + LENGTH + " bytes, not " + sha256.length);
        }
        return new TxHash(HEX.formatHex(sha256));
    }

    /**
     * A hash as a client writes it: exactly 64 hex digits, in either case. No {@code 0x} prefix
     * (no answer of the service shows one), no spaces.
     */
    public static TxHash parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a txHash is required: 64 hex digits");
        }
        if (text.length() == 2 * LENGTH + 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
            throw new IllegalArgumentException("must be 64 hex digits without the 0x prefix");
        }
        if (text.length() != 2 * LENGTH || !isHex(text, true)) {
            throw new IllegalArgumentException("must be 64 hex digits (a SHA-256 hash)");
        }
        return new TxHash(text.toLowerCase(Locale.ROOT));
    }

    public byte[] bytes() {
        return HEX.parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static boolean isHex(String text, boolean upperAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (upperAllowed && c >= 'A' && c <= 'F');
            if (!digit) {
                return false;
            }
        }
        return true;
    }
}
