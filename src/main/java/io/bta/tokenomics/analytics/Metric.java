package io.bta.tokenomics.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * A figure of the token series. A {@link Kind#STOCK stock} is a level at the snapshot's moment, so
 * a bucket shows the last value in it; a {@link Kind#FLOW flow} counts what happened since the
 * previous snapshot, so a bucket shows the sum of its snapshots.
 */
public enum Metric {
    TOTAL_SUPPLY("totalSupply", Kind.STOCK),
    CIRCULATING("circulating", Kind.STOCK),
    LOCKED("locked", Kind.STOCK),
    STAKED("staked", Kind.STOCK),
    HOLDERS("holders", Kind.STOCK),
    TRANSACTIONS("transactions", Kind.FLOW),
    VOLUME("volume", Kind.FLOW),
    MINTED("minted", Kind.FLOW),
    BURNED("burned", Kind.FLOW),
    REWARDS_MINTED("rewardsMinted", Kind.FLOW);

    public enum Kind {
        STOCK,
        FLOW
    }

    private final String key;
    private final Kind kind;

    Metric(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The name used in the API ({@code totalSupply}, {@code rewardsMinted}, ...), in JSON too. */
    @JsonValue
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The metric named by its key, ignoring case ({@code totalSupply}, {@code totalsupply}). */
    public static Optional<Metric> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equalsIgnoreCase(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Metric::key).toList());
    }
}
