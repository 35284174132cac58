package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which account the bridge signs with (ADR 0030), and the configurations refused at start. */
class BridgeKeyTest {

    static final String CHAIN = "0x" + "a1".repeat(32);
    static final String BRIDGE = "0x" + "b2".repeat(32);

    @Test
    void itsOwnKeyWhenGivenWhetherAnchoringIsOnOrOff() {
        assertThat(BridgeKey.choose(BRIDGE, CHAIN, true)).isEqualTo(BRIDGE);
        assertThat(BridgeKey.choose(BRIDGE, CHAIN, false)).isEqualTo(BRIDGE);
    }

    @Test
    void theChainsKeyOnlyWhileAnchoringIsOff() {
        assertThat(BridgeKey.choose(null, CHAIN, false)).isEqualTo(CHAIN);
        assertThatThrownBy(() -> BridgeKey.choose(null, CHAIN, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKENOMICS_BRIDGE_PRIVATE_KEY")
                .hasMessageContaining("tokenomics.chain.anchoring-enabled=false");
    }

    @Test
    void anchoringsOwnAccountGivenAsTheBridgesIsRefusedWhileAnchoringIsOn() {
        // the same key spelled with or without 0x, in either case
        var same = CHAIN.substring(2).toUpperCase(java.util.Locale.ROOT);
        assertThatThrownBy(() -> BridgeKey.choose(same, CHAIN, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same account");
        assertThat(BridgeKey.choose(same, CHAIN, false)).isEqualTo(same);
    }
}
