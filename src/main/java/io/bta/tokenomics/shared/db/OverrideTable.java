package io.bta.tokenomics.shared.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's table of governed overrides, {@code (key, value, updated_at)} with {@code key} unique:
 * read whole, written one key at a time. The reader and writer a {@code GovernedSettings} is built
 * over, where the module keeps nothing else beside a value.
 */
public final class OverrideTable {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String select;
    private final String upsert;

    /** {@code table} is a constant of the module's code, never a client's text. */
    public OverrideTable(JdbcClient jdbc, Clock clock, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.select = "select key, value from " + table;
        this.upsert = "insert into " + table + " (key, value, updated_at) values (?, ?, ?)"
                + " on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at";
    }

    /** Every override stored, by key. */
    public Map<String, String> read() {
        var stored = new HashMap<String, String>();
        jdbc.sql(select).query(rs -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        return stored;
    }

    /** Stores {@code value} for {@code key}, replacing an earlier one, at the clock's time. */
    public void write(String key, String value) {
        jdbc.sql(upsert)
                .param(key)
                .param(value)
                .param(Timestamp.from(clock.instant()))
                .update();
    }
}
