package io.bta.tokenomics.bridge;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.bridge.*}: the bridge is off unless {@code enabled}, and then needs the chain
 * settings anchoring uses ({@code tokenomics.chain.rpc-url}, the key from
 * {@code TOKENOMICS_CHAIN_PRIVATE_KEY}). A deposit is credited once its block is
 * {@code confirmations} deep (the block that holds it counts as one). The sender mints pending
 * withdrawals every {@code send-interval}, at most {@code batch-size} per token in one chain
 * transaction; the follower reads deposits and confirms withdrawals every {@code follow-interval}.
 * Contracts deployed elsewhere are given as {@code bridge-address} and {@code token-addresses}
 * (by symbol), read from {@code start-block}; otherwise {@code POST /api/bridge/deploy} deploys
 * them. The limits' defaults ({@code withdrawal-max}, {@code daily-outflow-max}, per token, in
 * tokens) are governed parameters from then on. One instance at a time sends and follows: it
 * holds the {@code bridge} job of {@code job_runs}, renewed on each pass; another instance takes
 * it over once it has not been renewed for {@code lease} (longer than both intervals and than a
 * pass may take; unset, three times the longer interval and at least two minutes).
 *
 * <p>The bridge signs with its own account, {@code private-key} (set it through {@code
 * TOKENOMICS_BRIDGE_PRIVATE_KEY}, never in a file): anchoring's and the bridge's transactions would
 * otherwise race for one account's nonces. Unset, the bridge uses the chain's key, which is allowed
 * only while anchoring is off (ADR 0030).
 *
 * <p>Transferable NFTs go on chain through one {@code BtaBadges} contract, deployed with the others
 * (or given as {@code badges-address}); its {@code tokenURI}s are {@code nft-base-uri} + symbol +
 * {@code /} + number + {@code /metadata}, so {@code nft-base-uri} is the service's public {@code
 * /api/nft/} (ADR 0038).
 */
@ConfigurationProperties("tokenomics.bridge")
public record BridgeProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("12") int confirmations,
        @DefaultValue("5s") Duration sendInterval,
        @DefaultValue("5s") Duration followInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("5000") int logRange,
        @DefaultValue("bridge-escrow") String escrowEntityId,
        String bridgeAddress,
        Map<String, String> tokenAddresses,
        @DefaultValue("0") long startBlock,
        @DefaultValue("1000000") String withdrawalMax,
        @DefaultValue("10000000") String dailyOutflowMax,
        Duration lease,
        String privateKey,
        String badgesAddress,
        String nftBaseUri) {

    /** Where the NFT contract's {@code tokenURI}s point when {@code nft-base-uri} is not set: a local service. */
    public static final String DEFAULT_NFT_BASE_URI = "http://localhost:8080/api/nft/";

    public BridgeProperties {
        if (confirmations < 1 || confirmations > 1000) {
            throw new IllegalArgumentException("tokenomics.bridge.confirmations must be between 1 and 1000");
        }
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("tokenomics.bridge.batch-size must be between 1 and 500");
        }
        if (logRange < 1) {
            throw new IllegalArgumentException("tokenomics.bridge.log-range must be at least 1");
        }
        for (var d : new Duration[] {sendInterval, followInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("tokenomics.bridge intervals must be positive");
            }
        }
        if (lease == null) {
            // unset: three of the longer interval, and at least two minutes
            var longer = sendInterval.compareTo(followInterval) >= 0 ? sendInterval : followInterval;
            lease = longer.multipliedBy(3).compareTo(Duration.ofMinutes(2)) > 0
                    ? longer.multipliedBy(3)
                    : Duration.ofMinutes(2);
        }
        if (lease.compareTo(sendInterval) <= 0 || lease.compareTo(followInterval) <= 0) {
            throw new IllegalArgumentException(
                    "tokenomics.bridge.lease must be longer than the send and follow intervals");
        }
        if (startBlock < 0) {
            throw new IllegalArgumentException("tokenomics.bridge.start-block must not be negative");
        }
        if (bridgeAddress != null && bridgeAddress.isBlank()) {
            bridgeAddress = null;
        }
        if (privateKey != null && privateKey.isBlank()) {
            privateKey = null;
        }
        if (privateKey != null && !privateKey.matches("(0x)?[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("tokenomics.bridge.private-key must be 32 bytes of hex");
        }
        tokenAddresses = tokenAddresses == null ? Map.of() : Map.copyOf(tokenAddresses);
        if (badgesAddress != null && badgesAddress.isBlank()) {
            badgesAddress = null;
        }
        if (badgesAddress != null) {
            EvmAddress.of(badgesAddress);
        }
        if (nftBaseUri == null || nftBaseUri.isBlank()) {
            nftBaseUri = DEFAULT_NFT_BASE_URI;
        }
        if (!nftBaseUri.matches("https?://[^\\s\"<>]{1,1900}/")) {
            throw new IllegalArgumentException(
                    "tokenomics.bridge.nft-base-uri must be an http: or https: URI ending with /"
                            + " (the service's /api/nft/ as the chain's users reach it)");
        }
        if (bridgeAddress != null) {
            EvmAddress.of(bridgeAddress);
            tokenAddresses.values().forEach(EvmAddress::of);
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "BridgeProperties[enabled=" + enabled + ", confirmations=" + confirmations + ", bridgeAddress="
                + bridgeAddress + ", privateKey=" + (privateKey == null ? "unset" : "(set)") + "]";
    }
}
