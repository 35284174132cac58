package io.bta.tokenomics.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.chain.*}: anchoring block hashes on an EVM chain. Off unless {@code rpc-url}
 * is set, and then {@code private-key} (hex, the account that pays for the anchors) is required.
 * {@code chain-id} is read from the node when unset. Every {@code anchor-every}-th block is anchored
 * (each block hash commits to all blocks before it). The anchorer runs every
 * {@code anchor-interval}; a failed attempt is retried after {@code retry-initial}, doubling up to
 * {@code retry-max}; a sent anchor not mined within {@code confirm-timeout} is sent again. With
 * {@code anchoring-enabled=false} the chain settings serve the bridge only and nothing is anchored.
 */
@ConfigurationProperties("tokenomics.chain")
public record ChainProperties(
        String rpcUrl,
        String privateKey,
        Long chainId,
        @DefaultValue("1") int anchorEvery,
        @DefaultValue("5s") Duration anchorInterval,
        @DefaultValue("5s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("10m") Duration confirmTimeout,
        @DefaultValue("10s") Duration rpcTimeout,
        @DefaultValue("true") boolean anchoringEnabled) {

    public ChainProperties {
        if (rpcUrl != null && rpcUrl.isBlank()) {
            rpcUrl = null;
        }
        if (privateKey != null && privateKey.isBlank()) {
            privateKey = null;
        }
        if (rpcUrl != null && privateKey == null) {
            throw new IllegalArgumentException(
                    "tokenomics.chain.private-key is required when tokenomics.chain.rpc-url is set");
        }
        if (privateKey != null && !privateKey.matches("(0x)?[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("tokenomics.chain.private-key must be 32 bytes of hex");
        }
        if (chainId != null && chainId < 1) {
            throw new IllegalArgumentException("tokenomics.chain.chain-id must be positive");
        }
        if (anchorEvery < 1) {
            throw new IllegalArgumentException("tokenomics.chain.anchor-every must be at least 1");
        }
        for (var d : new Duration[] {anchorInterval, retryInitial, retryMax, confirmTimeout, rpcTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("tokenomics.chain durations must be positive");
            }
        }
    }

    /** A chain is configured (rpc-url and key). */
    public boolean enabled() {
        return rpcUrl != null;
    }

    /** Block hashes are anchored on the chain: one is configured and anchoring is not turned off. */
    public boolean anchoring() {
        return enabled() && anchoringEnabled;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ChainProperties[rpcUrl=" + rpcUrl + ", privateKey=" + (privateKey == null ? "unset" : "(set)")
                + ", chainId=" + chainId + ", anchorEvery=" + anchorEvery + ", anchoringEnabled=" + anchoringEnabled
                + "]";
    }
}
