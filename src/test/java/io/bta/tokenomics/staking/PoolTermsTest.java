package io.bta.tokenomics.staking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.error.InvalidInput.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pool's terms, each refusing what is invalid when built: no Spring, no database. */
class PoolTermsTest {

    static final TokenId UTIL = new TokenId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    static final TokenId REWARD = new TokenId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    static final Apy APY_12_5 = Apy.ofPercent("12.5");
    static final LockPeriod DAYS_30 = new LockPeriod(30);
    static final Amount MIN_10 = Amount.of(10);
    static final Amount CAP_1000 = Amount.of(1000);

    static PoolTerms terms(Amount minStake, Amount cap) {
        return new PoolTerms(UTIL, REWARD, "pool", APY_12_5, minStake, DAYS_30, MinTrustScore.NONE, cap, null);
    }

    static void refused(Runnable build, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void apyIsAPercentFromZeroToOneThousandWithAtMostSixDecimals() {
        assertThat(Apy.ofPercent("0").percent()).isEqualByComparingTo("0");
        assertThat(Apy.ofPercent("1000").percent()).isEqualByComparingTo("1000");
        assertThat(Apy.ofPercent("0.000001").toString()).isEqualTo("0.000001");
        assertThat(Apy.ofPercent(new BigDecimal("1E+2")).toString()).isEqualTo("100");
        assertThat(Apy.ofPercent("12.500").toString()).isEqualTo("12.5");
        refused(() -> Apy.ofPercent("-0.000001"), Apy.OUT_OF_RANGE);
        refused(() -> Apy.ofPercent("1000.000001"), Apy.OUT_OF_RANGE);
        refused(() -> Apy.ofPercent("0.0000001"), Apy.OUT_OF_RANGE);
        refused(() -> Apy.ofPercent("1e400"), Apy.OUT_OF_RANGE);
        refused(() -> Apy.ofPercent("twelve"), Apy.NOT_A_NUMBER);
        refused(() -> Apy.ofPercent(" "), Apy.REQUIRED);
        refused(() -> Apy.ofPercent((BigDecimal) null), Apy.REQUIRED);
    }

    @Test
    void theEarlyUnstakePenaltyIsAFractionAndRoundsInThePlatformsFavour() {
        var third = EarlyUnstakePenalty.of("0.333333");
        assertThat(third.on(Amount.of(100))).isEqualTo(Amount.of("33.3333"));
        assertThat(third.on(Amount.of("0.000000000000000001"))).isEqualTo(Amount.of("0.000000000000000001"));
        assertThat(EarlyUnstakePenalty.of("1").on(MIN_10)).isEqualTo(MIN_10);
        assertThat(EarlyUnstakePenalty.of("0").on(MIN_10)).isEqualTo(Amount.ZERO);
        refused(() -> EarlyUnstakePenalty.of("1.000001"), EarlyUnstakePenalty.OUT_OF_RANGE);
        refused(() -> EarlyUnstakePenalty.of("-0.1"), EarlyUnstakePenalty.OUT_OF_RANGE);
        refused(() -> EarlyUnstakePenalty.of("0.1234567"), EarlyUnstakePenalty.OUT_OF_RANGE);
        refused(() -> EarlyUnstakePenalty.of("half"), EarlyUnstakePenalty.NOT_A_NUMBER);
    }

    @Test
    void theLockPeriodIsWholeDaysFromZeroToTenYears() {
        var staked = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(DAYS_30.unlocksAt(staked)).isEqualTo(staked.plus(Duration.ofDays(30)));
        assertThat(LockPeriod.ofDays("0").duration()).isEqualTo(Duration.ZERO);
        assertThat(LockPeriod.ofDays(3650).days()).isEqualTo(3650);
        refused(() -> LockPeriod.ofDays(3651), LockPeriod.OUT_OF_RANGE);
        refused(() -> LockPeriod.ofDays(-1), LockPeriod.OUT_OF_RANGE);
        refused(() -> LockPeriod.ofDays("1.5"), LockPeriod.OUT_OF_RANGE);
        refused(() -> LockPeriod.ofDays((Integer) null), LockPeriod.REQUIRED);
        refused(() -> LockPeriod.ofDays(""), LockPeriod.REQUIRED);
    }

    @Test
    void theMinimumTrustScoreFollowsTheTrustScoresOwnRule() {
        var sixty = MinTrustScore.of("60");
        assertThat(sixty.admits(new BigDecimal("60"))).isTrue();
        assertThat(sixty.admits(new BigDecimal("59.999999"))).isFalse();
        assertThat(MinTrustScore.NONE.admits(BigDecimal.ZERO)).isTrue();
        refused(() -> MinTrustScore.of("100.5"), "score must be between 0 and 100");
        refused(() -> MinTrustScore.of("1.0000001"), "score has more than 6 decimal places");
        refused(() -> MinTrustScore.of("high"), MinTrustScore.NOT_A_NUMBER);
    }

    @Test
    void aStatusIsNamedInAnyCase() {
        assertThat(PoolStatus.parse(" paused ")).isEqualTo(PoolStatus.PAUSED);
        refused(() -> PoolStatus.parse("OPEN"), PoolStatus.UNKNOWN);
        refused(() -> PoolStatus.parse(null), PoolStatus.UNKNOWN);
    }

    @Test
    void validTermsAreKeptAsGiven() {
        var t = terms(MIN_10, CAP_1000);
        assertThat(t.apy()).isEqualTo(APY_12_5);
        assertThat(t.lockPeriod()).isEqualTo(DAYS_30);
        assertThat(terms(MIN_10, MIN_10).maxTotalStake()).isEqualTo(MIN_10);
        assertThat(terms(Amount.ZERO, null).maxTotalStake()).isNull();
    }

    @Test
    void termsRefuseEveryBreachAtOnceNamingEachField() {
        assertThatThrownBy(() ->
                        new PoolTerms(UTIL, REWARD, " ", APY_12_5, Amount.of(-1), DAYS_30, null, Amount.ZERO, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("name", PoolTerms.REQUIRED),
                                new FieldError("minStakeAmount", PoolTerms.NEGATIVE_MIN_STAKE),
                                new FieldError("maxTotalStake", PoolTerms.CAP_NOT_POSITIVE)));
        assertThatThrownBy(() -> terms(null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("minStakeAmount", PoolTerms.REQUIRED)));
        assertThatThrownBy(
                        () -> new PoolTerms(UTIL, REWARD, "x".repeat(201), APY_12_5, MIN_10, DAYS_30, null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("name", PoolTerms.NAME_TOO_LONG)));
    }

    @Test
    void aCapBelowTheMinimumStakeIsRefusedBecauseNoStakeCouldEnter() {
        assertThatThrownBy(() -> terms(CAP_1000, MIN_10))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("maxTotalStake", PoolTerms.CAP_BELOW_MIN_STAKE)));
    }

    @Test
    void theFacadeCannotBeGivenUncheckedTerms() {
        // Staking.createPool takes PoolTerms and updatePool takes Apy and MinTrustScore: an
        // invalid value cannot reach them because it cannot be built.
        refused(() -> new Apy(new BigDecimal("1001")), Apy.OUT_OF_RANGE);
        refused(() -> new LockPeriod(4000), LockPeriod.OUT_OF_RANGE);
        refused(() -> new EarlyUnstakePenalty(new BigDecimal("2")), EarlyUnstakePenalty.OUT_OF_RANGE);
        refused(() -> new MinTrustScore(new BigDecimal("101")), "score must be between 0 and 100");
        assertThatThrownBy(() -> new PoolTerms(UTIL, REWARD, "p", null, MIN_10, DAYS_30, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
