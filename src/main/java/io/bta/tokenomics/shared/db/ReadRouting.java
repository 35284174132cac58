package io.bta.tokenomics.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The service's {@code DataSource} when read replicas are configured: the primary, unless the
 * current thread is serving a read that {@link Replicas} sent to a replica. Everything else
 * (writes, jobs, migrations, reads not marked {@link ReplicaRead}) takes the primary.
 */
public final class ReadRouting extends AbstractRoutingDataSource implements Closeable {

    static final String PRIMARY = "primary";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** One replica's pool and its name ({@code replica-0}, ...). */
    record Pool(String name, HikariDataSource dataSource) {}

    private final DataSource primary;
    private final List<Pool> replicas;

    ReadRouting(DataSource primary, ReplicaProperties properties) {
        this.primary = primary;
        var pools = new ArrayList<Pool>();
        for (int i = 0; i < properties.replicas().size(); i++) {
            var r = properties.replicas().get(i);
            var config = new HikariConfig();
            config.setJdbcUrl(r.url());
            config.setUsername(r.username() == null ? "postgres" : r.username());
            config.setPassword(r.password());
            config.setReadOnly(true);
            config.setPoolName("replica-" + i);
            config.setMaximumPoolSize(properties.replicaPoolSize());
            config.setMinimumIdle(0);
            config.setConnectionTimeout(2_000);
            config.setInitializationFailTimeout(-1); // a replica that is down does not stop the start
            pools.add(new Pool("replica-" + i, new HikariDataSource(config)));
        }
        this.replicas = List.copyOf(pools);
        var targets = new HashMap<Object, Object>();
        targets.put(PRIMARY, primary);
        replicas.forEach(p -> targets.put(p.name(), p.dataSource()));
        setTargetDataSources(targets);
        setDefaultTargetDataSource(primary);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    DataSource primary() {
        return primary;
    }

    List<Pool> replicas() {
        return replicas;
    }

    /** Serves this thread's next transactions from {@code replica} until {@link #clear()}. */
    static void use(String replica) {
        CURRENT.set(replica);
    }

    static void clear() {
        CURRENT.remove();
    }

    static String current() {
        var name = CURRENT.get();
        return name == null ? PRIMARY : name;
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return current();
    }

    @Override
    public void close() {
        replicas.forEach(p -> p.dataSource().close());
        if (primary instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
