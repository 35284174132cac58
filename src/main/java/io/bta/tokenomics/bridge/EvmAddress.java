package io.bta.tokenomics.bridge;

import java.util.Locale;
import org.web3j.crypto.Keys;

/**
 * An account on the chain: {@code 0x} and 40 hex digits, not the zero address (tokens minted there
 * are lost). An address written in mixed case carries an EIP-55 checksum, which must match: a
 * mistyped digit is then caught before anything moves. All-lowercase or all-uppercase addresses
 * carry none. Kept and answered in lowercase.
 */
public record EvmAddress(String value) {

    public static final String ZERO = "0x" + "0".repeat(40);

    public EvmAddress {
        if (value == null || !value.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("must be an address: 0x and 40 hex digits");
        }
        var digits = value.substring(2);
        boolean mixed =
                !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixed && !Keys.toChecksumAddress(value).equals(value)) {
            throw new IllegalArgumentException("does not match its EIP-55 checksum (mistyped?)");
        }
        value = value.toLowerCase(Locale.ROOT);
        if (value.equals(ZERO)) {
            throw new IllegalArgumentException("must not be the zero address");
        }
    }

    public static EvmAddress of(String value) {
        return new EvmAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
