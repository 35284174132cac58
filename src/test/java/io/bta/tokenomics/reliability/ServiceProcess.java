package io.bta.tokenomics.reliability;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The service in a JVM of its own, as an operator runs it, so that it can be killed with SIGKILL.
 * Its output goes to {@code target/reliability/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service with {@code args} (after the JWT secret the tests sign with), once it listens. */
    public static ServiceProcess start(String name, List<String> args) throws IOException {
        var log = Path.of("target/reliability/" + name + ".log");
        Files.createDirectories(log.getParent());
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                TokenomicsApplication.class.getName(),
                "--tokenomics.security.jwt-secret=" + Api.SECRET,
                // The suites' clients all act as one admin: the per-caller rate limit is not under test here.
                "--tokenomics.limits.rate-limit.enabled=false"));
        command.addAll(args);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var port = new CompletableFuture<Integer>();
        var out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        var reader = new Thread(() -> {
            try (out;
                    var in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    var m = STARTED.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            port.completeExceptionally(new IllegalStateException("the service exited before it listened; see " + log));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServiceProcess(process, port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the service " + name + " did not start; see " + log, e);
        }
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static final java.net.http.HttpClient PROBE = java.net.http.HttpClient.newHttpClient();

    /**
     * One read of the service on {@code port} with a one-second timeout: its status, or "no answer
     * within 1 s" (what the fault suites collect while something is down).
     */
    static String probe(int port) {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/tokens/balances/probe"))
                .header("Authorization", "Bearer " + Api.adminToken())
                .timeout(Duration.ofSeconds(1))
                .build();
        try {
            return Integer.toString(PROBE.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode());
        } catch (IOException e) {
            return "no answer within 1 s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A connection to the embedded PostgreSQL of a service started with a fixed port. */
    static DataSource database(int postgresPort) {
        var ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
        ds.setUser("postgres");
        return ds;
    }

    /** The process id in the embedded PostgreSQL's {@code postmaster.pid}. */
    static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(0)
                .strip());
    }
}
