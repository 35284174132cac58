package io.bta.tokenomics.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EvmAddressTest {

    /** EIP-55's own example. */
    static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Test
    void aChecksummedAddressIsKeptInLowercase() {
        assertThat(EvmAddress.of(CHECKSUMMED).value()).isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    }

    @Test
    void anAddressInOneCaseCarriesNoChecksum() {
        assertThat(EvmAddress.of(CHECKSUMMED.toLowerCase()).value())
                .isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(EvmAddress.of("0x" + CHECKSUMMED.substring(2).toUpperCase()).value())
                .isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    }

    @Test
    void aMixedCaseAddressWhoseChecksumDoesNotMatchIsRefused() {
        var mistyped = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"; // one letter's case flipped
        assertThatThrownBy(() -> EvmAddress.of(mistyped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EIP-55");
    }

    @Test
    void malformedAndZeroAddressesAreRefused() {
        for (var bad : new String[] {
            null,
            "",
            "0x",
            "0x1234",
            "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0x" + "g".repeat(40),
            "0x" + "a".repeat(41)
        }) {
            assertThatThrownBy(() -> EvmAddress.of(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EvmAddress.of("0x" + "0".repeat(40)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero address");
    }
}
