package io.bta.tokenomics.bridge.internal;

import java.util.Locale;

/**
 * Which account the bridge signs with (ADR 0030): its own key when one is given, which must not be
 * anchoring's while anchoring is on; without one, the chain's key, only while anchoring is off. Two
 * senders on one account would race for its nonces.
 */
final class BridgeKey {

    private BridgeKey() {}

    /**
     * The key to sign with; refuses, with a message that says what to set, a configuration where
     * the bridge and anchoring would sign with one account.
     */
    static String choose(String bridgeKey, String chainKey, boolean anchoring) {
        if (bridgeKey == null) {
            if (anchoring) {
                throw new IllegalStateException(
                        "the bridge needs its own key while anchoring is on: set TOKENOMICS_BRIDGE_PRIVATE_KEY"
                                + " (tokenomics.bridge.private-key) to another account than"
                                + " TOKENOMICS_CHAIN_PRIVATE_KEY, or turn anchoring off with"
                                + " tokenomics.chain.anchoring-enabled=false");
            }
            return chainKey;
        }
        if (anchoring && chainKey != null && normalized(bridgeKey).equals(normalized(chainKey))) {
            throw new IllegalStateException(
                    "TOKENOMICS_BRIDGE_PRIVATE_KEY is the same account as TOKENOMICS_CHAIN_PRIVATE_KEY while"
                            + " anchoring is on: their transactions would race for one account's nonces;"
                            + " give the bridge another account");
        }
        return bridgeKey;
    }

    private static String normalized(String key) {
        var lower = key.toLowerCase(Locale.ROOT);
        return lower.startsWith("0x") ? lower.substring(2) : lower;
    }
}
