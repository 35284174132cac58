package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.NumberText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.boot.convert.DurationStyle;

/**
 * What a governed setting accepts: its bounds in words, the parser that reads its text into the
 * typed value, and the validator that refuses a value out of bounds. {@code SET_PARAMETER} and the
 * parameter list show the bounds; both refusals carry them, so a proposer reads the same words
 * wherever a value is refused. Built with the factories below, one per kind of value, so a module
 * with a new governed setting states its range and inherits the messages.
 *
 * @param bounds the values accepted, in words ({@code a whole number from 1 to 50})
 * @param parser reads the text, refusing what is no value of the kind with an
 *     {@link IllegalArgumentException} whose message ends with {@code must be <bounds>}
 * @param validator refuses a value out of bounds with an {@link IllegalArgumentException}
 */
public record SettingRule<T>(String bounds, Function<String, T> parser, Consumer<? super T> validator) {

    public SettingRule {
        if (bounds == null || bounds.isBlank() || parser == null || validator == null) {
            throw new IllegalArgumentException("a setting rule needs its bounds, a parser and a validator");
        }
    }

    /** The value the text stands for, unchecked against the bounds (a stored or configured value). */
    public T parse(String text) {
        return parser.apply(text);
    }

    /** The value the text stands for, refused unless it is readable and within the bounds. */
    public T validate(String text) {
        var value = parse(text);
        validator.accept(value);
        return value;
    }

    /**
     * The general form: reads the text with {@code read}, refusing what it cannot read (an
     * {@link IllegalArgumentException}, {@link NumberFormatException} included) with
     * {@code unreadable}'s words followed by {@code ; must be <bounds>}, and refuses a value that
     * {@code accepts} does not accept with {@code must be <bounds>}.
     */
    public static <T> SettingRule<T> of(
            String bounds,
            Function<String, T> read,
            BiFunction<String, IllegalArgumentException, String> unreadable,
            Predicate<? super T> accepts) {
        return new SettingRule<>(
                bounds,
                text -> {
                    try {
                        return read.apply(text);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(unreadable.apply(text, e) + "; must be " + bounds, e);
                    }
                },
                value -> {
                    if (!accepts.test(value)) {
                        throw new IllegalArgumentException("must be " + bounds);
                    }
                });
    }

    /**
     * A value whose own type reads and checks it, with its own messages ({@code QuorumFraction::of}):
     * the parser refuses malformed text and values out of bounds alike.
     */
    public static <T> SettingRule<T> custom(String bounds, Function<String, T> parseAndCheck) {
        return new SettingRule<>(bounds, parseAndCheck, value -> {});
    }

    /** An amount from {@code min} to {@code max} inclusive; unreadable text is refused with {@link Amount#parse}'s words. */
    public static SettingRule<Amount> amount(Amount min, Amount max) {
        return amount("an amount from " + min + " to " + max, a -> !a.isLessThan(min) && !a.isGreaterThan(max));
    }

    /** An amount of zero or more. */
    public static SettingRule<Amount> nonNegativeAmount() {
        return amount("an amount of zero or more", a -> !a.isNegative());
    }

    /** An amount greater than zero. */
    public static SettingRule<Amount> positiveAmount() {
        return amount("an amount greater than zero", Amount::isPositive);
    }

    private static SettingRule<Amount> amount(String bounds, Predicate<Amount> accepts) {
        return of(bounds, Amount::parse, (text, e) -> e.getMessage(), accepts);
    }

    /**
     * A decimal from {@code min} to {@code max} inclusive, written with at most {@code maxDecimals}
     * decimals (trailing zeros not counted: {@code 0.10} has one), in the digits 0 to 9.
     */
    public static SettingRule<BigDecimal> decimal(BigDecimal min, BigDecimal max, int maxDecimals) {
        if (maxDecimals < 0) {
            throw new IllegalArgumentException("maxDecimals must be zero or more");
        }
        return decimal(
                "a decimal from " + min.toPlainString() + " to " + max.toPlainString() + ", at most " + maxDecimals
                        + " decimals",
                d -> d.compareTo(min) >= 0
                        && d.compareTo(max) <= 0
                        && d.stripTrailingZeros().scale() <= maxDecimals);
    }

    /** A decimal from {@code min} to {@code max} inclusive, with any number of decimals, in the digits 0 to 9. */
    public static SettingRule<BigDecimal> decimal(BigDecimal min, BigDecimal max) {
        return decimal(
                "a decimal from " + min.toPlainString() + " to " + max.toPlainString(),
                d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0);
    }

    private static SettingRule<BigDecimal> decimal(String bounds, Predicate<BigDecimal> accepts) {
        return of(bounds, NumberText::parseDecimal, (text, e) -> "'" + text + "' is not a decimal number", accepts);
    }

    /** A whole number from {@code min} to {@code max} inclusive, in the digits 0 to 9. */
    public static SettingRule<Integer> wholeNumber(int min, int max) {
        return of(
                "a whole number from " + min + " to " + max,
                NumberText::parseInt,
                (text, e) -> "'" + text + "' is not a whole number",
                n -> n >= min && n <= max);
    }

    /**
     * A duration from {@code min} to {@code max} inclusive, written as Spring Boot reads durations
     * ({@code 3s}, {@code 7d}, {@code PT12H}); the bounds name them in ISO-8601
     * ({@code a duration from PT1S to PT2160H}).
     */
    public static SettingRule<Duration> duration(Duration min, Duration max) {
        return of(
                "a duration from " + min + " to " + max,
                DurationStyle::detectAndParse,
                (text, e) -> "'" + text + "' is not a duration such as 3s, 7d or PT12H",
                d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0);
    }
}
