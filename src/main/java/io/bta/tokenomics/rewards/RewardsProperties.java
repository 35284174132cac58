package io.bta.tokenomics.rewards;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenomics.rewards.*}: the defaults of the reward policies and of the emission policy.
 * Governance may override the policies and the rate at run time ({@code rewards.*} parameters).
 *
 * @param claimWindow how long a reward may be claimed; null (the default) means forever
 * @param epochLength the length of an emission epoch, counted from BTA-REWARD's creation (365 days)
 * @param bootstrapEmission the smallest budget of an epoch (50,000,000)
 * @param inflationRate the emission rate per epoch; null means BTA-REWARD's rate on record (0.05)
 * @param expiryIntervalMs how often due rewards are expired
 */
@ConfigurationProperties("tokenomics.rewards")
public record RewardsProperties(
        Duration claimWindow,
        Duration epochLength,
        BigDecimal bootstrapEmission,
        BigDecimal inflationRate,
        Long expiryIntervalMs,
        Trigger learning,
        Trigger governance,
        Trigger referral,
        Trigger transaction) {

    /** A trigger's defaults; {@code rate} and {@code cap} are for transactions only. */
    public record Trigger(
            BigDecimal amount, BigDecimal rate, BigDecimal cap, BigDecimal minTrust, BigDecimal trustBoost) {

        Trigger orDefaults(Trigger defaults) {
            return new Trigger(
                    amount != null ? amount : defaults.amount,
                    rate != null ? rate : defaults.rate,
                    cap != null ? cap : defaults.cap,
                    minTrust != null ? minTrust : defaults.minTrust,
                    trustBoost != null ? trustBoost : defaults.trustBoost);
        }
    }

    private static Trigger fixed(String amount) {
        return new Trigger(new BigDecimal(amount), null, null, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public RewardsProperties {
        if (claimWindow != null && (claimWindow.isZero() || claimWindow.isNegative())) {
            throw new IllegalArgumentException("tokenomics.rewards.claim-window must be positive");
        }
        epochLength = epochLength != null ? epochLength : Duration.ofDays(365);
        if (epochLength.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("tokenomics.rewards.epoch-length must be at least a minute");
        }
        bootstrapEmission = bootstrapEmission != null ? bootstrapEmission : new BigDecimal("50000000");
        expiryIntervalMs = expiryIntervalMs != null ? expiryIntervalMs : 60_000L;
        learning = learning == null ? fixed("10") : learning.orDefaults(fixed("10"));
        governance = governance == null ? fixed("1") : governance.orDefaults(fixed("1"));
        referral = referral == null ? fixed("5") : referral.orDefaults(fixed("5"));
        var tx = new Trigger(null, new BigDecimal("0.001"), new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO);
        transaction = transaction == null ? tx : transaction.orDefaults(tx);
    }
}
