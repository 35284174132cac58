package io.bta.tokenomics.farms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TrustBoostTest {

    @Test
    void isOneXUpToFiftyAndTwoAndAHalfXAtOneHundred() {
        TrustBoost boost = TrustBoost.DEFAULT;
        assertThat(boost.boostBps(0)).isEqualTo(10_000);
        assertThat(boost.boostBps(50)).isEqualTo(10_000);
        assertThat(boost.boostBps(75)).isEqualTo(17_500);
        assertThat(boost.boostBps(100)).isEqualTo(25_000);
        assertThat(boost.workingAmount(BigInteger.valueOf(1_000), 100)).isEqualTo(BigInteger.valueOf(2_500));
        assertThat(boost.workingAmount(BigInteger.valueOf(3), 51)).isEqualTo(BigInteger.valueOf(3));
    }

    @Test
    void refusesInvalidValues() {
        assertThatThrownBy(() -> new TrustBoost(100, 20_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustBoost(50, 9_999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustBoost.DEFAULT.boostBps(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustBoost.DEFAULT.workingAmount(BigInteger.ONE.negate(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
