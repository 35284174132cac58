package io.bta.tokenomics.shared;

import java.math.BigDecimal;

/**
 * Numbers read from text, in the ASCII digits 0 to 9 only. Java's parsers take any Unicode digit
 * ({@link Character#isDigit}): {@code new BigDecimal("１")} (fullwidth) and
 * {@code Long.parseLong("١٠")} (Arabic-Indic) are 1 and 10, so a client could send a number that a
 * person, a log search or another service reads as no number, or as another one. JSON numbers are
 * ASCII by JSON's grammar; every number the service reads from a string (a field, a query
 * parameter, a path variable, a header, a governed parameter's value) is read here.
 *
 * <p>Each method throws {@link NumberFormatException}, as the parser it wraps does, for any text
 * that is not a number of that kind; the text is used as given (no trimming).
 */
public final class NumberText {

    private NumberText() {}

    /** A decimal as {@link BigDecimal#BigDecimal(String)} reads it ("12.5", "-3", "1e3"), in ASCII. */
    public static BigDecimal parseDecimal(String text) {
        return new BigDecimal(requireAscii(text));
    }

    /** A whole number as {@link Long#parseLong(String)} reads it (an optional sign, then digits), in ASCII. */
    public static long parseLong(String text) {
        return Long.parseLong(requireAscii(text));
    }

    /** A whole number as {@link Integer#parseInt(String)} reads it, in ASCII. */
    public static int parseInt(String text) {
        return Integer.parseInt(requireAscii(text));
    }

    private static String requireAscii(String text) {
        if (text == null) {
            throw new NumberFormatException("no number");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                // the JDK parsers take no other character beyond ASCII than a digit, so this refuses
                // exactly the digits that are not 0-9
                throw new NumberFormatException("a number is written with the digits 0 to 9");
            }
        }
        return text;
    }
}
