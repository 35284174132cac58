package io.bta.tokenomics.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for the servers a test starts (PostgreSQL nodes, service processes). */
public final class Ports {

    private Ports() {}

    /** A port nothing listens on now, as the operating system picks it. */
    public static int free() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
