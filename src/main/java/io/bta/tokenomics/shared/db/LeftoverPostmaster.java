package io.bta.tokenomics.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service killed with SIGKILL leaves its embedded PostgreSQL running, holding the data
 * directory, and the next start would fail. Before starting, stop such a leftover server: it is
 * ours (it runs on our data directory), and its own crash-safe shutdown keeps every commit.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LeftoverPostmaster() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        var process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // a stale file: PostgreSQL itself recovers from it
        }
        log.warn("stopping a PostgreSQL (pid {}) left running on {} by a previous run", pid, dataDirectory);
        var handle = process.get();
        handle.destroy(); // SIGTERM: a smart shutdown, which the dead service's sessions no longer hold up
        try {
            handle.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL left running on " + dataDirectory + " (pid " + pid
                    + ") did not stop within " + WAIT.toSeconds() + "s; stop it and start again");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a leftover PostgreSQL", e);
        }
    }
}
