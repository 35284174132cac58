package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    static final Instant NOON = Instant.parse("2026-01-31T12:00:00Z");
    static final Instant ONE_PM = Instant.parse("2026-01-31T13:00:00Z");

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new TimeRange(ONE_PM, NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be before to");
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> new TimeRange(NOON, NOON)).hasMessage("must be before to");
    }

    @Test
    void eitherEndMayBeOpen() {
        assertThat(new TimeRange(NOON, ONE_PM).to()).isEqualTo(ONE_PM);
        assertThat(new TimeRange(NOON, null).from()).isEqualTo(NOON);
        assertThat(new TimeRange(null, NOON).to()).isEqualTo(NOON);
        assertThat(TimeRange.ALL).isEqualTo(new TimeRange(null, null));
    }
}
