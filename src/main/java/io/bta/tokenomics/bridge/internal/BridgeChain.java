package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.audit.ChainProperties;
import io.bta.tokenomics.bridge.BridgeProblems;
import io.bta.tokenomics.bridge.BridgeProperties;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The bridge's connection to the chain: the contracts' client, signing with the key anchoring
 * uses ({@code tokenomics.chain.private-key}, from {@code TOKENOMICS_CHAIN_PRIVATE_KEY}). The
 * client sends one transaction at a time, so the sender, the deployer and pause never take the
 * same nonce. The bridge does not start without a chain.
 */
@Component
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
public class BridgeChain implements AutoCloseable {

    private final BridgeContracts contracts;
    private final Long configuredChainId;

    BridgeChain(ChainProperties chain, BridgeProperties bridge) {
        if (!chain.enabled()) {
            throw new IllegalStateException(
                    "tokenomics.bridge.enabled needs tokenomics.chain.rpc-url and the key (TOKENOMICS_CHAIN_PRIVATE_KEY)");
        }
        var key = BridgeKey.choose(bridge.privateKey(), chain.privateKey(), chain.anchoring());
        this.contracts = BridgeContracts.connect(chain.rpcUrl(), key, chain.rpcTimeout());
        this.configuredChainId = chain.chainId();
    }

    public BridgeContracts contracts() {
        return contracts;
    }

    /** The chain's id: the configured one, else the node's; a node that does not answer is a 503. */
    public long chainId() {
        if (configuredChainId != null) {
            return configuredChainId;
        }
        try {
            return contracts.chainId();
        } catch (IOException e) {
            throw BridgeProblems.chainUnavailable(e.getMessage());
        }
    }

    @Override
    public void close() {
        contracts.close();
    }
}
