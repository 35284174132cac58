package io.bta.tokenomics.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server in a process of its own, made from the embedded distribution's binaries
 * ({@code initdb}, {@code pg_ctl}, {@code postgres}), as an operator runs one: a primary, or a
 * streaming standby of one made with {@code pg_backup_start}/{@code pg_backup_stop} and a file
 * copy (the distribution has no {@code pg_basebackup}) behind a replication slot, optionally
 * synchronous. It can be stopped, killed with SIGKILL and promoted.
 */
public final class PostgresNode implements AutoCloseable {

    private static final Set<String> NOT_COPIED =
            Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot", "pg_stat_tmp", "log", "server.log");

    private final Path dir;
    private final int port;
    private final String name;

    private PostgresNode(Path dir, int port, String name) {
        this.dir = dir;
        this.port = port;
        this.name = name;
    }

    /** The directory that holds {@code initdb}, {@code pg_ctl} and {@code postgres}, extracted once. */
    public static synchronized Path binaries() {
        var root = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        var found = find(root);
        if (found == null) {
            try (var extracted = EmbeddedPostgres.builder().start()) {
                // started once so that the library extracts its binaries
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            found = find(root);
        }
        if (found == null) {
            throw new IllegalStateException("no PostgreSQL binaries under " + root);
        }
        return found;
    }

    private static Path find(Path root) {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "PG-*")) {
            for (var d : dirs) {
                if (Files.isExecutable(d.resolve("bin/pg_ctl")) && Files.isExecutable(d.resolve("bin/initdb"))) {
                    return d.resolve("bin");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /**
     * A new primary of a test's own in {@code target/test-data/<name>-pg} (a name not used before:
     * the test's, with a random part), started, listening on a free port.
     */
    public static PostgresNode primary(String name) {
        return primary(Path.of("target/test-data/" + name + "-pg"), Ports.free());
    }

    /** A new primary in {@code dir} (which must not exist yet), started, listening on {@code port}. */
    public static PostgresNode primary(Path dir, int port) {
        var node = new PostgresNode(dir.toAbsolutePath(), port, "primary");
        run(List.of(
                binaries().resolve("initdb").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF-8",
                "--locale=C",
                "-D",
                node.dir.toString()));
        node.appendConfig(
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = ''",
                "fsync = on",
                "synchronous_commit = on",
                "wal_level = replica",
                "max_wal_senders = 8",
                "max_replication_slots = 8",
                "hot_standby = on",
                "max_connections = 100",
                "shared_buffers = 64MB");
        node.start();
        return node;
    }

    /**
     * A streaming standby of {@code primary} in {@code dir}, started and replaying. It streams
     * through a replication slot named {@code name}, so the primary keeps every WAL segment the
     * standby has not received.
     */
    public static PostgresNode standbyOf(PostgresNode primary, Path dir, int port, String name) {
        var node = new PostgresNode(dir.toAbsolutePath(), port, name);
        try (var c = primary.connect()) {
            try (var s = c.prepareStatement("select pg_create_physical_replication_slot(?, true)")) {
                s.setString(1, name);
                s.execute();
            }
            try (var s = c.prepareStatement("select pg_backup_start(?, true)")) {
                s.setString(1, name);
                s.execute();
            }
            copy(primary.dir, node.dir);
            Files.setPosixFilePermissions(node.dir, PosixFilePermissions.fromString("rwx------"));
            String label;
            try (var s = c.createStatement();
                    var r = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                r.next();
                label = r.getString(1);
            }
            Files.writeString(node.dir.resolve("backup_label"), label, StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a base backup of the primary", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node.appendConfig(
                "port = " + port,
                "primary_conninfo = 'host=127.0.0.1 port=" + primary.port + " user=postgres application_name=" + name
                        + "'",
                "primary_slot_name = '" + name + "'");
        try {
            Files.createFile(node.dir.resolve("standby.signal"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node.start();
        return node;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                var relative = from.relativize(d);
                Files.createDirectories(to.resolve(relative));
                if (relative.getNameCount() == 1 && NOT_COPIED.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(to.resolve("pg_wal/archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE; // made empty: the standby streams its WAL
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                var relative = from.relativize(file);
                if (relative.getNameCount() == 1 && NOT_COPIED.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(relative));
                } catch (NoSuchFileException gone) {
                    // removed while copied (a temporary file): the backup's WAL replay does not need it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished between listing and reading
            }
        });
    }

    /** Makes every commit wait until {@code standby} has flushed it (remote flush). */
    public void requireSynchronousStandby(String standby) {
        try (var c = connect();
                var s = c.createStatement()) {
            s.execute("alter system set synchronous_standby_names = '" + standby + "'");
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (var c = connect();
                    var s = c.createStatement();
                    var r = s.executeQuery(
                            "select count(*) from pg_stat_replication where sync_state = 'sync' and application_name = '"
                                    + standby + "'")) {
                r.next();
                if (r.getInt(1) == 1) {
                    return;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(standby + " did not become a synchronous standby");
    }

    public void start() {
        run(List.of(
                binaries().resolve("pg_ctl").toString(),
                "-D",
                dir.toString(),
                "-l",
                dir.resolveSibling(dir.getFileName() + ".log").toString(),
                "-w",
                "-t",
                "120",
                "start"));
    }

    /** The standby becomes a primary; returns once it accepts writes. */
    public void promote() {
        run(List.of(binaries().resolve("pg_ctl").toString(), "-D", dir.toString(), "-w", "-t", "120", "promote"));
    }

    /** SIGKILL of the postmaster: its backends die with it, nothing is flushed. */
    public void kill() {
        try {
            var pid = Long.parseLong(
                    Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
            var handle = ProcessHandle.of(pid).orElseThrow();
            var children = handle.descendants().toList();
            handle.destroyForcibly();
            handle.onExit().get(30, TimeUnit.SECONDS);
            children.forEach(ProcessHandle::destroyForcibly); // backends exit on their own; do not wait for it
        } catch (Exception e) {
            throw new IllegalStateException("cannot kill the postmaster of " + name, e);
        }
    }

    public void stop() {
        if (Files.exists(dir.resolve("postmaster.pid"))) {
            run(List.of(binaries().resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "-w", "stop"));
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // already gone (killed): nothing to stop
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public DataSource dataSource() {
        var ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser("postgres");
        return ds;
    }

    /** Flyway on this node's database with the service's migrations, to migrate step by step. */
    public FluentConfiguration flyway() {
        return Flyway.configure().dataSource(jdbcUrl(), "postgres", "").locations("classpath:db/migration");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private void appendConfig(String... lines) {
        try {
            Files.writeString(
                    dir.resolve("postgresql.conf"),
                    "\n" + String.join("\n", lines) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a PostgreSQL program; as root, inside a user namespace of its own ({@code unshare -U}),
     * as the embedded library does, since PostgreSQL refuses to run as root.
     */
    private static void run(List<String> command) {
        var full = new ArrayList<String>();
        if (LinuxUtils.isUnshareAvailable()) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        try {
            var process = new ProcessBuilder(full).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // polling the server's replication state, not business time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
