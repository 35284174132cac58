package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The id on chain of a collection's token: the symbol's bytes over the number, and back. */
class NftTokenIdTest {

    @Test
    void theSymbolsBytesAreAboveTheNumber() {
        // "AB" = 0x4142, left-aligned in 20 bytes, then 96 bits of number
        var expected = new BigInteger("4142" + "0".repeat(36) + "000000000000000000000007", 16);
        assertThat(BridgeContracts.nftTokenId("AB", 7)).isEqualTo(expected);
    }

    @Test
    void anIdGivesBackItsSymbolAndNumber() {
        for (var symbol : new String[] {"AB", "BADGE-1", "ABCDEFGHIJ0123456789"}) {
            for (long number : new long[] {1, 2, 255, 256, Long.MAX_VALUE}) {
                var id = BridgeContracts.nftTokenId(symbol, number);
                assertThat(BridgeContracts.nftToken(id)).contains(new BridgeContracts.NftToken(symbol, number));
            }
        }
        assertThat(BridgeContracts.nftTokenId("AB", 1)).isNotEqualTo(BridgeContracts.nftTokenId("ABC", 1));
    }

    @Test
    void anIdThatIsNotASymbolAndANumberIsNone() {
        assertThat(BridgeContracts.nftToken(BigInteger.ONE)).isEmpty(); // no symbol
        assertThat(BridgeContracts.nftToken(BridgeContracts.nftTokenId("AB", 1).subtract(BigInteger.ONE)))
                .isEmpty(); // number 0
        assertThat(BridgeContracts.nftToken(BigInteger.ONE.shiftLeft(255))).isEmpty(); // not ASCII
        assertThatThrownBy(() -> BridgeContracts.nftTokenId("ab", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BridgeContracts.nftTokenId("AB", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
