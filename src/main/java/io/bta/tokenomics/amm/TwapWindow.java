package io.bta.tokenomics.amm;

import java.time.Duration;
import java.util.regex.Pattern;

/** The window of a TWAP: a whole number of seconds, minutes, hours or days ({@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}), at most 30 days. */
public record TwapWindow(Duration duration) {

    public static final Duration MAX = Duration.ofDays(30);

    private static final Pattern TEXT = Pattern.compile("([0-9]{1,7})([smhd])");

    public TwapWindow {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("must be 1s to 30d, such as 15m, 1h or 7d");
        }
    }

    public static TwapWindow parse(String text) {
        var m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must be a whole number and a unit s, m, h or d, such as 15m, 1h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        var duration =
                switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
        return new TwapWindow(duration);
    }
}
