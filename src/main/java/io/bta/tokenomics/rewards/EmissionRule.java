package io.bta.tokenomics.rewards;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * BTA-REWARD's emission calendar and budget (ADR 0009). Epoch {@code n} runs from {@code origin +
 * n × epochLength} to the start of epoch {@code n + 1}; an epoch opens with {@code budget =
 * max(inflationRate × supply then, bootstrapEmission)}, the product rounded down so that a rounding
 * never emits more than the rate allows. The emission budget reads its rows and settings and asks
 * this type; it holds no state of its own.
 *
 * @param origin BTA-REWARD's creation: the start of epoch 0
 * @param epochLength how long each epoch lasts
 */
public record EmissionRule(Instant origin, Duration epochLength) {

    public EmissionRule {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(epochLength, "epochLength");
        if (epochLength.isZero() || epochLength.isNegative()) {
            throw new IllegalArgumentException("an epoch lasts a positive time");
        }
    }

    /** The epoch an instant falls in; before the origin there is only epoch 0. */
    public int epochAt(Instant instant) {
        var elapsed = Duration.between(origin, instant);
        return elapsed.isNegative() ? 0 : Math.toIntExact(elapsed.dividedBy(epochLength));
    }

    public Instant startOf(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("an epoch is not negative");
        }
        return origin.plus(epochLength.multipliedBy(epoch));
    }

    /** The end of an epoch, exclusive: the start of the next, so that the epochs leave no gap. */
    public Instant endOf(int epoch) {
        return startOf(epoch + 1);
    }

    /** {@code max(inflationRate × supplyAtStart rounded down, bootstrapEmission)}. */
    public static Amount budget(Amount supplyAtStart, BigDecimal inflationRate, Amount bootstrapEmission) {
        if (supplyAtStart.isNegative() || inflationRate.signum() < 0 || bootstrapEmission.isNegative()) {
            throw new IllegalArgumentException("a supply, a rate and a bootstrap emission are not negative");
        }
        var byRate = supplyAtStart.timesRoundedDown(inflationRate);
        return byRate.isGreaterThan(bootstrapEmission) ? byRate : bootstrapEmission;
    }

    /** An epoch as it opens with this supply and these settings: nothing minted or reserved yet. */
    public EmissionState opening(int epoch, Amount supplyAtStart, BigDecimal inflationRate, Amount bootstrapEmission) {
        return EmissionState.of(
                epoch,
                startOf(epoch),
                endOf(epoch),
                supplyAtStart,
                inflationRate,
                budget(supplyAtStart, inflationRate, bootstrapEmission),
                Amount.ZERO,
                Amount.ZERO);
    }
}
