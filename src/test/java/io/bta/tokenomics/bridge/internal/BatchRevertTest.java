package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which reverts of a withdrawal batch the sender retries, and which refuse the batch. */
class BatchRevertTest {

    @Test
    void aPauseOrARevertWithoutAKnownErrorIsRetriedAndANamedErrorRefusesTheBatch() {
        assertThat(BridgeWorker.retryable(new ContractReverted("withdrawBatch", "EnforcedPause()", "0xd93c0665", null)))
                .isTrue();
        assertThat(BridgeWorker.retryable(new ContractReverted("withdrawBatch", null, null, "execution reverted")))
                .isTrue();
        assertThat(BridgeWorker.retryable(new ContractReverted("withdrawBatch", "UnknownToken(address)", "0x0a", null)))
                .isFalse();
    }
}
