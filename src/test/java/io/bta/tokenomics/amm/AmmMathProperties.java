package io.bta.tokenomics.amm;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.error.DomainProblem;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The laws of the constant product, on random reserves and amounts in base units. */
class AmmMathProperties {

    /** From one unit to 10^26 units (10^8 tokens): the amounts a pool sees. */
    @Provide
    Arbitrary<BigInteger> units() {
        return Arbitraries.bigIntegers()
                .between(BigInteger.ONE, BigInteger.TEN.pow(26))
                .edgeCases(c -> c.includeOnly(BigInteger.ONE, BigInteger.TEN.pow(26)));
    }

    private static BigInteger k(BigInteger a, BigInteger b) {
        return a.multiply(b);
    }

    @Property
    void aSwapNeverDecreasesK(
            @ForAll("units") BigInteger in,
            @ForAll("units") BigInteger reserveIn,
            @ForAll("units") BigInteger reserveOut,
            @ForAll @IntRange(min = 0, max = 1000) int feeBps) {
        BigInteger out;
        try {
            out = AmmMath.amountOut(in, reserveIn, reserveOut, feeBps);
        } catch (DomainProblem nothingOut) {
            return;
        }
        assertThat(out).isLessThan(reserveOut);
        assertThat(AmmMath.keepsK(in, out, reserveIn, reserveOut, feeBps)).isTrue();
        assertThat(k(reserveIn.add(in), reserveOut.subtract(out))).isGreaterThanOrEqualTo(k(reserveIn, reserveOut));
    }

    @Property
    void anExactOutSwapNeverDecreasesKAndTakesAtMostOneUnitMoreThanTheLeastInput(
            @ForAll("units") BigInteger out,
            @ForAll("units") BigInteger reserveIn,
            @ForAll("units") BigInteger reserveOut,
            @ForAll @IntRange(min = 0, max = 1000) int feeBps) {
        Assume.that(out.compareTo(reserveOut) < 0);
        var in = AmmMath.amountIn(out, reserveIn, reserveOut, feeBps);
        assertThat(AmmMath.keepsK(in, out, reserveIn, reserveOut, feeBps)).isTrue();
        assertThat(k(reserveIn.add(in), reserveOut.subtract(out))).isGreaterThanOrEqualTo(k(reserveIn, reserveOut));
        // v2's getAmountIn is floor(x) + 1 for the exact need x = rIn·out·10000 / ((rOut − out)·(10000 − fee)):
        // the least input when x is not whole, one unit more than it when x is whole
        var need = reserveIn.multiply(out).multiply(BigInteger.valueOf(10_000));
        var per = reserveOut.subtract(out).multiply(BigInteger.valueOf(10_000 - feeBps));
        boolean whole = need.mod(per).signum() == 0;
        if (in.compareTo(BigInteger.ONE) > 0) {
            assertThat(AmmMath.keepsK(in.subtract(BigInteger.ONE), out, reserveIn, reserveOut, feeBps))
                    .as("one unit less in keeps k only when the exact need is whole")
                    .isEqualTo(whole);
        }
        if (in.compareTo(BigInteger.TWO) > 0) {
            assertThat(AmmMath.keepsK(in.subtract(BigInteger.TWO), out, reserveIn, reserveOut, feeBps))
                    .as("two units less in breaks k")
                    .isFalse();
        }
    }

    @Property
    void addingThenRemovingNeverReturnsMoreThanWasPutIn(
            @ForAll("units") BigInteger reserveA,
            @ForAll("units") BigInteger reserveB,
            @ForAll("units") BigInteger desiredA,
            @ForAll("units") BigInteger desiredB) {
        // a pool whose supply was minted by a first deposit of its reserves
        var supply = reserveA.multiply(reserveB).sqrt();
        Assume.that(supply.compareTo(AmmMath.MINIMUM_LIQUIDITY) > 0);
        var deposit = AmmMath.optimalDeposit(desiredA, desiredB, BigInteger.ZERO, BigInteger.ZERO, reserveA, reserveB);
        assertThat(deposit.amountA()).isLessThanOrEqualTo(desiredA);
        assertThat(deposit.amountB()).isLessThanOrEqualTo(desiredB);
        BigInteger shares;
        try {
            shares = AmmMath.liquidity(deposit.amountA(), deposit.amountB(), reserveA, reserveB, supply);
        } catch (DomainProblem tooSmall) {
            return;
        }
        var a = reserveA.add(deposit.amountA());
        var b = reserveB.add(deposit.amountB());
        var total = supply.add(shares);
        assertThat(AmmMath.removal(shares, a, total)).isLessThanOrEqualTo(deposit.amountA());
        assertThat(AmmMath.removal(shares, b, total)).isLessThanOrEqualTo(deposit.amountB());
    }

    @Property
    void aRoundTripLosesOnlyTheFeesAndRounding(
            @ForAll("units") BigInteger in,
            @ForAll("units") BigInteger reserveIn,
            @ForAll("units") BigInteger reserveOut,
            @ForAll @IntRange(min = 0, max = 1000) int feeBps) {
        BigInteger back;
        BigInteger backWithoutFee;
        try {
            back = roundTrip(in, reserveIn, reserveOut, feeBps);
            backWithoutFee = roundTrip(in, reserveIn, reserveOut, 0);
        } catch (DomainProblem nothingOut) {
            return;
        }
        assertThat(back).as("a round trip never gains").isLessThanOrEqualTo(in);
        assertThat(back).as("fees only take").isLessThanOrEqualTo(backWithoutFee);
        // Without a fee the loss is rounding alone: under (reserveIn + in)/reserveOut + 1 units.
        var roundingBound = reserveIn.add(in).divide(reserveOut).add(BigInteger.TWO);
        assertThat(in.subtract(backWithoutFee)).isLessThanOrEqualTo(roundingBound);
    }

    private static BigInteger roundTrip(BigInteger in, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
        var out = AmmMath.amountOut(in, reserveIn, reserveOut, feeBps);
        return AmmMath.amountOut(out, reserveOut.subtract(out), reserveIn.add(in), feeBps);
    }

    sealed interface Step permits Add, Swap, Remove {}

    record Add(int who, BigInteger a, BigInteger b) implements Step {}

    record Swap(int who, boolean aToB, BigInteger in) implements Step {}

    record Remove(int who, int percent) implements Step {}

    @Provide
    Arbitrary<Step> steps() {
        var who = Arbitraries.integers().between(0, 2);
        var amount = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(21));
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(who, amount, amount).as(Add::new),
                net.jqwik.api.Combinators.combine(who, Arbitraries.of(true, false), amount)
                        .as(Swap::new),
                net.jqwik.api.Combinators.combine(who, Arbitraries.integers().between(1, 100))
                        .as(Remove::new));
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return steps().list().ofMaxSize(40);
    }

    /** Holders 0..2, the pool, and the locked minimum: every unit of A, B and shares is somewhere. */
    @Property
    void sumsAreConservedAndSharesAlwaysClaimTheReserves(@ForAll("histories") List<Step> steps) {
        var start = BigInteger.TEN.pow(22);
        var a = new BigInteger[] {start, start, start};
        var b = new BigInteger[] {start, start, start};
        var shares = new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        var reserveA = BigInteger.ZERO;
        var reserveB = BigInteger.ZERO;
        var supply = BigInteger.ZERO;
        for (var step : steps) {
            try {
                if (step instanceof Add add) {
                    var desiredA = add.a().min(a[add.who()]);
                    var desiredB = add.b().min(b[add.who()]);
                    var d = AmmMath.optimalDeposit(
                            desiredA, desiredB, BigInteger.ZERO, BigInteger.ZERO, reserveA, reserveB);
                    var minted = AmmMath.liquidity(d.amountA(), d.amountB(), reserveA, reserveB, supply);
                    if (supply.signum() == 0) {
                        supply = supply.add(AmmMath.MINIMUM_LIQUIDITY);
                    }
                    a[add.who()] = a[add.who()].subtract(d.amountA());
                    b[add.who()] = b[add.who()].subtract(d.amountB());
                    reserveA = reserveA.add(d.amountA());
                    reserveB = reserveB.add(d.amountB());
                    shares[add.who()] = shares[add.who()].add(minted);
                    supply = supply.add(minted);
                } else if (step instanceof Swap swap) {
                    var before = reserveA.multiply(reserveB);
                    if (swap.aToB()) {
                        var in = swap.in().min(a[swap.who()]);
                        var out = AmmMath.amountOut(in, reserveA, reserveB, 30);
                        a[swap.who()] = a[swap.who()].subtract(in);
                        b[swap.who()] = b[swap.who()].add(out);
                        reserveA = reserveA.add(in);
                        reserveB = reserveB.subtract(out);
                    } else {
                        var in = swap.in().min(b[swap.who()]);
                        var out = AmmMath.amountOut(in, reserveB, reserveA, 30);
                        b[swap.who()] = b[swap.who()].subtract(in);
                        a[swap.who()] = a[swap.who()].add(out);
                        reserveB = reserveB.add(in);
                        reserveA = reserveA.subtract(out);
                    }
                    assertThat(reserveA.multiply(reserveB)).isGreaterThanOrEqualTo(before);
                } else if (step instanceof Remove remove) {
                    var burned = shares[remove.who()]
                            .multiply(BigInteger.valueOf(remove.percent()))
                            .divide(BigInteger.valueOf(100));
                    if (burned.signum() == 0) {
                        continue;
                    }
                    var outA = AmmMath.removal(burned, reserveA, supply);
                    var outB = AmmMath.removal(burned, reserveB, supply);
                    shares[remove.who()] = shares[remove.who()].subtract(burned);
                    supply = supply.subtract(burned);
                    reserveA = reserveA.subtract(outA);
                    reserveB = reserveB.subtract(outB);
                    a[remove.who()] = a[remove.who()].add(outA);
                    b[remove.who()] = b[remove.who()].add(outB);
                }
            } catch (DomainProblem | IllegalArgumentException refused) {
                // a refused step changes nothing
            }
            var totalA = a[0].add(a[1]).add(a[2]).add(reserveA);
            var totalB = b[0].add(b[1]).add(b[2]).add(reserveB);
            assertThat(totalA).isEqualTo(start.multiply(BigInteger.valueOf(3)));
            assertThat(totalB).isEqualTo(start.multiply(BigInteger.valueOf(3)));
            var held = shares[0].add(shares[1]).add(shares[2]);
            assertThat(supply).isEqualTo(supply.signum() == 0 ? held : held.add(AmmMath.MINIMUM_LIQUIDITY));
            if (supply.signum() > 0) {
                assertThat(reserveA.signum())
                        .as("the locked minimum keeps reserves")
                        .isPositive();
                assertThat(reserveB.signum()).isPositive();
            }
            for (var i : a) {
                assertThat(i.signum()).isNotNegative();
            }
            for (var i : b) {
                assertThat(i.signum()).isNotNegative();
            }
        }
    }
}
