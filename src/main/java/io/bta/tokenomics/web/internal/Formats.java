package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * How the pages write values, used from the templates as {@code @fmt}: amounts exact, grouped by
 * thousands and followed by their symbol ({@code 1,000.5 BTA-UTIL}); times in UTC; time left on
 * the service's clock.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String amount(Amount amount, String symbol) {
        return amount == null ? "" : number(amount.toBigDecimal()) + (symbol == null ? "" : " " + symbol);
    }

    /** A plain exact number, grouped by thousands, without trailing zeros. */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        var plain = value.stripTrailingZeros().toPlainString();
        var negative = plain.startsWith("-");
        if (negative) {
            plain = plain.substring(1);
        }
        int dot = plain.indexOf('.');
        var whole = dot < 0 ? plain : plain.substring(0, dot);
        var fraction = dot < 0 ? "" : plain.substring(dot);
        var grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + grouped + fraction;
    }

    public String percent(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString() + " %";
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** "3d 4h left", "12m left", or "ended" once the moment has passed. */
    public String timeLeft(Instant until) {
        if (until == null) {
            return "";
        }
        var left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            return "ended";
        }
        if (left.toDays() > 0) {
            return left.toDays() + "d " + left.toHoursPart() + "h left";
        }
        if (left.toHours() > 0) {
            return left.toHours() + "h " + left.toMinutesPart() + "m left";
        }
        return Math.max(1, left.toMinutes()) + "m left";
    }

    public boolean isPast(Instant instant) {
        return instant != null && !instant.isAfter(clock.instant());
    }
}
