package io.bta.tokenomics.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.error.DomainProblem;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published vectors of Uniswap v2-core, to the base unit, and their {@code +1} refused. */
class AmmMathTest {

    private static final int V2_FEE_BPS = 30;

    private static BigInteger tokens(long whole) {
        return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(whole));
    }

    /** v2-core test/UniswapV2Pair.spec.ts, swapTestCases: [swapAmount, token0Amount, token1Amount, expectedOutputAmount]. */
    @ParameterizedTest
    @CsvSource({
        "1, 5, 10, 1662497915624478906",
        "1, 10, 5, 453305446940074565",
        "2, 5, 10, 2851015155847869602",
        "2, 10, 5, 831248957812239453",
        "1, 10, 10, 906610893880149131",
        "1, 100, 100, 987158034397061298",
        "1, 1000, 1000, 996006981039903216"
    })
    void swapGivesV2sOutputAndOneUnitMoreBreaksK(long swap, long reserveIn, long reserveOut, String expected) {
        var out = AmmMath.amountOut(tokens(swap), tokens(reserveIn), tokens(reserveOut), V2_FEE_BPS);

        assertThat(out).isEqualTo(new BigInteger(expected));
        assertThat(AmmMath.keepsK(tokens(swap), out, tokens(reserveIn), tokens(reserveOut), V2_FEE_BPS))
                .isTrue();
        assertThat(AmmMath.keepsK(
                        tokens(swap), out.add(BigInteger.ONE), tokens(reserveIn), tokens(reserveOut), V2_FEE_BPS))
                .as("one unit more than v2 gives is refused by the k check")
                .isFalse();
    }

    @Test
    void theVectorsReadAsDecimals() {
        assertThat(io.bta.tokenomics.shared.Amount.ofUnits(
                                AmmMath.amountOut(tokens(1), tokens(5), tokens(10), V2_FEE_BPS))
                        .toString())
                .isEqualTo("1.662497915624478906");
        assertThat(io.bta.tokenomics.shared.Amount.ofUnits(
                                AmmMath.amountOut(tokens(1), tokens(1000), tokens(1000), V2_FEE_BPS))
                        .toString())
                .isEqualTo("0.996006981039903216");
    }

    @Test
    void exactOutTakesTheLeastInputThatGivesIt() {
        var out = new BigInteger("1662497915624478906");
        var in = AmmMath.amountIn(out, tokens(5), tokens(10), V2_FEE_BPS);

        assertThat(AmmMath.amountOut(in, tokens(5), tokens(10), V2_FEE_BPS)).isGreaterThanOrEqualTo(out);
        assertThat(AmmMath.keepsK(in, out, tokens(5), tokens(10), V2_FEE_BPS)).isTrue();
        assertThat(AmmMath.keepsK(in.subtract(BigInteger.ONE), out, tokens(5), tokens(10), V2_FEE_BPS))
                .as("one unit less in breaks k")
                .isFalse();
    }

    @Test
    void firstLiquidityOfOneAndFourMintsTwoLessTheLockedMinimum() {
        var shares = AmmMath.liquidity(tokens(1), tokens(4), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

        assertThat(shares).isEqualTo(new BigInteger("1999999999999999000"));
        assertThat(shares.add(AmmMath.MINIMUM_LIQUIDITY)).isEqualTo(tokens(2));
    }

    @Test
    void aFirstDepositWorthNoMoreThanTheMinimumIsRefused() {
        assertThatThrownBy(() -> AmmMath.liquidity(
                        BigInteger.valueOf(1000),
                        BigInteger.valueOf(1000),
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        BigInteger.ZERO))
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.code()).isEqualTo("INSUFFICIENT_LIQUIDITY"));
    }

    @Test
    void laterLiquidityMintsTheSmallerShareAndRefusesNone() {
        var supply = tokens(2);
        var shares = AmmMath.liquidity(tokens(1), tokens(8), tokens(1), tokens(4), supply);
        assertThat(shares).isEqualTo(tokens(2)); // min(1·2/1, 8·2/4) = min(2, 4)

        assertThatThrownBy(
                        () -> AmmMath.liquidity(BigInteger.ONE, BigInteger.ONE, tokens(10), tokens(10), BigInteger.ONE))
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.code()).isEqualTo("INSUFFICIENT_LIQUIDITY"));
    }

    @Test
    void removalPaysItsShareRoundedDown() {
        assertThat(AmmMath.removal(BigInteger.ONE, BigInteger.valueOf(5), BigInteger.valueOf(3)))
                .isEqualTo(BigInteger.ONE);
    }

    @Test
    void theRouterTakesTheRatioOfTheReserves() {
        var deposit =
                AmmMath.optimalDeposit(tokens(10), tokens(10), BigInteger.ZERO, BigInteger.ZERO, tokens(1), tokens(4));
        assertThat(deposit).isEqualTo(new AmmMath.Deposit(new BigInteger("2500000000000000000"), tokens(10)));

        assertThatThrownBy(() -> AmmMath.optimalDeposit(
                        tokens(10), tokens(10), tokens(3), BigInteger.ZERO, tokens(1), tokens(4)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("SLIPPAGE_EXCEEDED");
                    assertThat(p.properties()).containsEntry("amount", "2.5").containsEntry("amountAMin", "3");
                });
    }

    @Test
    void theProtocolFeeIsOneSixthOfTheGrowthOfRootK() {
        // √k grew from 100 to 106: supply·6/(5·106+100) = 1000·6/630 = 9 (rounded down)
        var fee = AmmMath.protocolFee(
                BigInteger.valueOf(1000), BigInteger.valueOf(106), BigInteger.valueOf(106), BigInteger.valueOf(10_000));
        assertThat(fee).isEqualTo(BigInteger.valueOf(9));
        assertThat(AmmMath.protocolFee(
                        BigInteger.valueOf(1000), BigInteger.valueOf(106), BigInteger.valueOf(106), BigInteger.ZERO))
                .as("off")
                .isZero();
    }

    @Test
    void anEmptyPoolRefusesASwap() {
        assertThatThrownBy(() -> AmmMath.amountOut(tokens(1), BigInteger.ZERO, BigInteger.ZERO, V2_FEE_BPS))
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.code()).isEqualTo("INSUFFICIENT_LIQUIDITY"));
        assertThatThrownBy(() -> AmmMath.amountIn(tokens(10), tokens(5), tokens(10), V2_FEE_BPS))
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.code()).isEqualTo("INSUFFICIENT_LIQUIDITY"));
    }
}
