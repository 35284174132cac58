package io.bta.tokenomics.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffAndSignatureTest {

    /** A generator that always answers the lowest or the highest value it may. */
    private static RandomGenerator fixed(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long origin, long bound) {
                return highest ? bound - 1 : origin;
            }
        };
    }

    @Test
    void delaysGrowExponentiallyUpToTheMaximum() {
        var backoff = new Backoff(Duration.ofSeconds(5), 4, Duration.ofHours(10), 0, fixed(false));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9).stream()
                        .map(backoff::delay)
                        .toList())
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(320),
                        Duration.ofSeconds(1280),
                        Duration.ofSeconds(5120),
                        Duration.ofSeconds(20480),
                        Duration.ofHours(10),
                        Duration.ofHours(10));
    }

    @Test
    void jitterStaysWithinItsShareOfTheDelay() {
        var low = new Backoff(Duration.ofSeconds(10), 2, Duration.ofHours(1), 20, fixed(false));
        var high = new Backoff(Duration.ofSeconds(10), 2, Duration.ofHours(1), 20, fixed(true));
        assertThat(low.delay(1)).isEqualTo(Duration.ofSeconds(8));
        assertThat(high.delay(1)).isEqualTo(Duration.ofSeconds(12));
        assertThat(low.delay(2)).isEqualTo(Duration.ofSeconds(16));
        assertThat(high.delay(2)).isEqualTo(Duration.ofSeconds(24));
        var real = new Backoff(Duration.ofSeconds(10), 2, Duration.ofHours(1), 20, RandomGenerator.getDefault());
        for (int i = 0; i < 200; i++) {
            assertThat(real.delay(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        }
    }

    @Test
    void aBackoffNeedsAPositiveStart() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofHours(1), 0, fixed(false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The example of the Standard Webhooks specification's reference libraries. */
    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        var secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long timestamp = 1614265330;
        var body = "{\"test\": 2432232314}";
        assertThat(Signatures.sign(secret, id, timestamp, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        var a = Signatures.newSecret();
        var b = Signatures.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    }
}
