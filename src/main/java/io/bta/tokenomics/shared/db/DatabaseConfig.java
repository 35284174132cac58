package io.bta.tokenomics.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The database: the one named by {@code spring.datasource.url}, or else an embedded PostgreSQL 17
 * whose files live in the data directory, so that a restart keeps every balance.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    DataDirectory dataDirectory(@Value("${tokenomics.data-dir:./data}") String dataDir) {
        return new DataDirectory(Path.of(dataDir));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoDatasourceUrl.class)
    static class Embedded {

        /**
         * {@code tokenomics.embedded-postgres.port}: 0 (the default) lets the server take any free
         * port; a fixed port lets tools outside the service reach it (the benchmark suite runs
         * {@code pgbench} against the same server).
         */
        /**
         * The server's settings beyond those fixed here ({@code fsync} and {@code synchronous_commit}
         * on, which no setting may turn off; the listen address and connection limit, which the
         * service sets): {@code tokenomics.embedded-postgres.server-config.<name>=<value>}, any of
         * postgresql.conf's; PostgreSQL's defaults apply to the rest (docs/operations.md).
         */
        static final String SERVER_CONFIG = "tokenomics.embedded-postgres.server-config";

        /** Settings a ledger must never run without: its commits reach the disk before they are acknowledged. */
        static final java.util.Map<String, String> FIXED = java.util.Map.of("fsync", "on", "synchronous_commit", "on");

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres(
                DataDirectory dataDirectory,
                @Value("${tokenomics.embedded-postgres.port:0}") int port,
                Environment environment)
                throws IOException {
            if (port < 0 || port > 65_535) {
                throw new IllegalStateException("tokenomics.embedded-postgres.port must be 0 to 65535, not " + port);
            }
            var settings = Binder.get(environment)
                    .bind(
                            SERVER_CONFIG,
                            org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                    .orElse(java.util.Map.of());
            settings.forEach((name, value) -> {
                var fixed = FIXED.get(name);
                if (fixed != null && !fixed.equalsIgnoreCase(value)) {
                    throw new IllegalStateException(SERVER_CONFIG + "." + name + " must stay " + fixed
                            + ": a ledger's commit must reach the disk before it is acknowledged");
                }
                if ("listen_addresses".equals(name) || "max_connections".equals(name)) {
                    throw new IllegalStateException(SERVER_CONFIG + "." + name + " is set by the service");
                }
            });
            Files.createDirectories(dataDirectory.postgres());
            LeftoverPostmaster.stopIfRunning(dataDirectory.postgres());
            var builder = EmbeddedPostgres.builder();
            settings.forEach(builder::setServerConfig);
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.setDataDirectory(dataDirectory.postgres())
                    .setCleanDataDirectory(false)
                    // stopped by the context, after the pool that uses it: its own JVM hook would
                    // race the context's shutdown and leave the pool talking to a stopped server
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The library starts PostgreSQL with fsync off (it is made for throwaway test
                    // databases); a ledger's commit must reach the disk before it is acknowledged.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(
                EmbeddedPostgres postgres, @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
            var config = new HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
            config.setUsername("postgres");
            config.setMaximumPoolSize(poolSize);
            config.setPoolName("tokenomics");
            return new HikariDataSource(config);
        }
    }

    /**
     * With read replicas configured ({@code tokenomics.datasource.replicas[...]}), the service's
     * {@code DataSource} routes each transaction to the primary or, for a read sent there by
     * {@link Replicas}, to a replica ({@link ReadRouting}); without, it is left as it is.
     */
    @Bean
    static BeanPostProcessor readReplicaRouting(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource primary && name.equals("dataSource") && !(bean instanceof ReadRouting)) {
                    var properties = Binder.get(environment)
                            .bind("tokenomics.datasource", ReplicaProperties.class)
                            .orElse(null);
                    if (properties != null && !properties.replicas().isEmpty()) {
                        return new ReadRouting(primary, properties);
                    }
                }
                return bean;
            }
        };
    }

    /** Embedded only when no datasource URL is configured. */
    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
