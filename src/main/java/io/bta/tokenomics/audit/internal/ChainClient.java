package io.bta.tokenomics.audit.internal;

import java.util.Optional;

/** What the anchorer needs from an EVM chain. */
public interface ChainClient extends AutoCloseable {

    /** A mined transaction: its block, and whether it succeeded. */
    record Receipt(long blockNumber, boolean succeeded) {}

    /**
     * Sends a transaction that carries {@code data} as its input and answers its hash
     * ({@code 0x} + 64 lowercase hex digits) once the node has accepted it.
     */
    String sendAnchor(byte[] data) throws Exception;

    /** The receipt of a sent transaction; empty while it is not in a block. */
    Optional<Receipt> receipt(String transactionHash) throws Exception;

    @Override
    default void close() {}
}
