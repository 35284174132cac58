package io.bta.tokenomics.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token's expiry is checked against the clock give or take {@code tokenomics.security.clock-skew}
 * (5s by default), not Spring's default of 60 s: time is moved by choosing the decoder's clock.
 */
class ClockSkewTest {

    static final String SECRET = "skew-test-secret-that-is-long-enough-for-hs256-0123";
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** The default of {@code tokenomics.security.clock-skew}; SecurityTest checks the running service uses it. */
    static final Duration DEFAULT_SKEW = Duration.ofSeconds(5);

    static JwtDecoder decoderAt(Instant now, Duration skew) {
        return decoder(Clock.fixed(now, ZoneOffset.UTC), skew);
    }

    static JwtDecoder decoder(Clock clock, Duration skew) {
        var settings = TokenSettings.of(
                new TokenSettings.Provider(null, null, null, null, null, null, null, null),
                new SecurityProperties(SECRET, null, skew));
        return TokenChecks.decoder(
                settings, SECRET.getBytes(StandardCharsets.UTF_8), clock, clock, new SimpleMeterRegistry());
    }

    /** A token of one hour that expired {@code ago} before {@link #NOW} (negative: expires after it). */
    static String expiredAgo(Duration ago) {
        var expiry = NOW.minus(ago);
        return new TokenIssuer(SECRET.getBytes(StandardCharsets.UTF_8))
                .issue("alice", List.of(), expiry.minus(Duration.ofHours(1)), Duration.ofHours(1));
    }

    @Test
    void aTokenExpiredTenSecondsAgoIsRefused() {
        assertThatThrownBy(() -> decoderAt(NOW, DEFAULT_SKEW).decode(expiredAgo(Duration.ofSeconds(10))))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void theSkewIsTheBoundExactly() {
        var decoder = decoderAt(NOW, DEFAULT_SKEW);
        assertThat(decoder.decode(expiredAgo(Duration.ofSeconds(5))).getSubject())
                .isEqualTo("alice");
        assertThatThrownBy(() -> decoder.decode(expiredAgo(Duration.ofSeconds(6))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenIsAcceptedUntilItExpires() {
        var decoder = decoderAt(NOW, DEFAULT_SKEW);
        assertThat(decoder.decode(expiredAgo(Duration.ofSeconds(-1))).getSubject())
                .isEqualTo("alice");
        assertThat(decoder.decode(expiredAgo(Duration.ZERO)).getSubject()).isEqualTo("alice");
    }

    @Test
    void theSkewIsASetting() {
        var token = expiredAgo(Duration.ofSeconds(30));
        assertThat(decoderAt(NOW, Duration.ofMinutes(1)).decode(token).getSubject())
                .isEqualTo("alice");
        assertThatThrownBy(() -> decoderAt(NOW, Duration.ZERO).decode(expiredAgo(Duration.ofSeconds(1))))
                .isInstanceOf(JwtValidationException.class);
    }

    /** A token the cache has verified is checked against the clock again on its next use. */
    @Test
    void aCachedTokenExpiresWithTheClock() {
        var clock = new MutableClock(NOW.minusSeconds(60));
        var decoder = decoder(clock, DEFAULT_SKEW);
        var token = expiredAgo(Duration.ZERO); // expires at NOW
        decoder.decode(token);
        clock.set(NOW.plusSeconds(5));
        decoder.decode(token);
        clock.set(NOW.plusSeconds(6));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aNegativeSkewIsRefused() {
        assertThatThrownBy(() -> new SecurityProperties(null, null, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock-skew");
    }
}
