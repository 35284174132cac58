package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arithmetic on amounts is the arithmetic of integers of the smallest unit: nothing is ever lost. */
class AmountProperties {

    static final BigInteger LIMIT = BigInteger.TEN.pow(38);

    @Provide
    Arbitrary<BigInteger> units() {
        return Arbitraries.bigIntegers()
                .between(LIMIT.negate().add(BigInteger.ONE), LIMIT.subtract(BigInteger.ONE))
                .map(u -> u.divide(BigInteger.TWO)); // room for a sum
    }

    @Property
    void textRoundTripsExactly(@ForAll("units") BigInteger units) {
        var amount = Amount.ofUnits(units);
        assertThat(Amount.parse(amount.toString())).isEqualTo(amount);
        assertThat(amount.toString()).doesNotContain("E").doesNotContain("e");
    }

    @Property
    void additionAndSubtractionMatchIntegerArithmetic(@ForAll("units") BigInteger a, @ForAll("units") BigInteger b) {
        var x = Amount.ofUnits(a);
        var y = Amount.ofUnits(b);
        assertThat(x.plus(y).units()).isEqualTo(a.add(b));
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
        assertThat(x.minus(y).units()).isEqualTo(a.subtract(b));
    }

    @Property
    void orderMatchesIntegerOrder(@ForAll("units") BigInteger a, @ForAll("units") BigInteger b) {
        assertThat(Integer.signum(Amount.ofUnits(a).compareTo(Amount.ofUnits(b))))
                .isEqualTo(a.compareTo(b));
    }
}
