package io.bta.tokenomics.rewards;

import io.bta.tokenomics.rewards.RewardProblems.EmissionBudgetExceeded;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.web.PlainDecimalNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One emission epoch of BTA-REWARD: its budget, fixed when it opened ({@link EmissionRule}), what
 * was minted from it and what pending rewards reserve in it; {@code remaining = budget − minted −
 * reserved}, never negative. The transitions check the budget, so a refusal has one message
 * wherever it comes from: distributing a reward, or any mint that no reservation pays for.
 */
public record EmissionState(
        int epoch,
        Instant startsAt,
        Instant endsAt,
        Amount supplyAtStart,
        @JsonSerialize(using = PlainDecimalNumber.class) BigDecimal inflationRate,
        Amount budget,
        Amount minted,
        Amount reserved,
        Amount remaining) {

    public EmissionState {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(supplyAtStart, "supplyAtStart");
        Objects.requireNonNull(inflationRate, "inflationRate");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(minted, "minted");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(remaining, "remaining");
        if (epoch < 0) {
            throw new IllegalArgumentException("an epoch is not negative");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("epoch " + epoch + " ends after it starts");
        }
        if (minted.isNegative() || reserved.isNegative() || remaining.isNegative()) {
            throw new IllegalArgumentException("epoch " + epoch + " spends more than its budget of " + budget);
        }
        if (!remaining.equals(budget.minus(minted).minus(reserved))) {
            throw new IllegalArgumentException("remaining must be budget − minted − reserved");
        }
    }

    /** The state with {@code remaining} computed. */
    public static EmissionState of(
            int epoch,
            Instant startsAt,
            Instant endsAt,
            Amount supplyAtStart,
            BigDecimal inflationRate,
            Amount budget,
            Amount minted,
            Amount reserved) {
        return new EmissionState(
                epoch,
                startsAt,
                endsAt,
                supplyAtStart,
                inflationRate,
                budget,
                minted,
                reserved,
                budget.minus(minted).minus(reserved));
    }

    /** A reward's amount set aside; refused ({@code EMISSION_BUDGET_EXCEEDED}) beyond what remains. */
    public EmissionState reserving(Amount amount) {
        refuseBeyondRemaining(amount);
        return with(minted, reserved.plus(amount));
    }

    /** A mint that no reservation pays for; refused ({@code EMISSION_BUDGET_EXCEEDED}) beyond what remains. */
    public EmissionState minting(Amount amount) {
        refuseBeyondRemaining(amount);
        return with(minted.plus(amount), reserved);
    }

    /** A claim's mint, paid from its reward's reservation: what remains does not change. */
    public EmissionState claiming(Amount amount) {
        return with(minted.plus(amount), reserved.minus(amount));
    }

    /** An expired reward's reservation given back. */
    public EmissionState releasing(Amount amount) {
        return with(minted, reserved.minus(amount));
    }

    private void refuseBeyondRemaining(Amount amount) {
        if (amount.isGreaterThan(remaining)) {
            throw EmissionBudgetExceeded.of(epoch, budget, remaining, amount);
        }
    }

    private EmissionState with(Amount minted, Amount reserved) {
        return of(epoch, startsAt, endsAt, supplyAtStart, inflationRate, budget, minted, reserved);
    }
}
