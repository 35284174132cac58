package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bta.tokenomics.support.PostgresNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V28 converts the ledger's history into partitions by sequence range in place, on a database that
 * already holds transactions: {@code -Dledger.partition-migration.rows} of them (100,000 by
 * default; docs/SCALING.md gives the time for a million). Afterwards every row is still there, a
 * keyset page reads the same rows, new sequences land in partitions made ahead, and UPDATE, DELETE
 * and TRUNCATE are refused on the tables and on every partition.
 */
class HistoryPartitioningMigrationTest {

    static final int ROWS = Integer.getInteger("ledger.partition-migration.rows", 100_000);
    static final String TOKEN = "00000000-0000-0000-0000-000000000001";
    static final String PAGE =
            """
            select id::text || ':' || sequence from ledger_transactions
            where from_entity_id = 'acct-7' and sequence < ? order by sequence desc limit 20
            """;

    @Test
    void theHistoryIsPartitionedInPlaceWithEveryRowKept() throws Exception {
        var name = "partitions-" + UUID.randomUUID().toString().substring(0, 8);
        try (var postgres = PostgresNode.primary(name)) {
            var flyway = postgres.flyway();
            var before = java.util.Arrays.stream(flyway.load().info().all())
                    .map(m -> m.getVersion())
                    .filter(v -> v.isNewerThan("0") && !v.isAtLeast("28"))
                    .max(Comparable::compareTo)
                    .orElseThrow();
            flyway.target(before).load().migrate(); // the schema as it was before V28
            var jdbc = JdbcClient.create(postgres.dataSource());
            jdbc.sql("insert into ledger_tokens (id, symbol, name, type, decimals, initial_supply, created_at)"
                            + " values (?::uuid, 'BTA-UTIL', 'Utility', 'UTILITY', 18, 0, now())")
                    .param(TOKEN)
                    .update();
            jdbc.sql(
                            """
                    insert into ledger_transactions
                        (id, sequence, type, token_id, from_entity_id, to_entity_id, amount, actor, created_at)
                    select gen_random_uuid(), g, 'TRANSFER', ?::uuid, 'acct-' || (g % 1000), 'acct-' || ((g + 1) % 1000),
                           1, 'admin', now()
                    from generate_series(1, ?) g
                    """)
                    .param(TOKEN)
                    .param(ROWS)
                    .update();
            jdbc.sql(
                            """
                    insert into ledger_balance_checkpoints (entity_id, token_id, sequence, balance)
                    select 'acct-' || (g % 1000), ?::uuid, g, g from generate_series(1, ?) g
                    """)
                    .param(TOKEN)
                    .param(ROWS)
                    .update();
            jdbc.sql("update ledger_head set last_sequence = ?").param(ROWS).update();
            var pageBefore = jdbc.sql(PAGE).param(ROWS / 2).query(String.class).list();

            var started = Instant.now();
            flyway.target("latest").load().migrate();
            var took = Duration.between(started, Instant.now());
            System.out.printf(
                    "history partitioning: %,d transactions and %,d balance checkpoints converted in %d ms%n",
                    ROWS, ROWS, took.toMillis());

            assertThat(jdbc.sql("select count(*) from ledger_transactions")
                            .query(Long.class)
                            .single())
                    .isEqualTo(ROWS);
            assertThat(jdbc.sql("select count(*) from ledger_balance_checkpoints")
                            .query(Long.class)
                            .single())
                    .isEqualTo(ROWS);
            assertThat(jdbc.sql(PAGE).param(ROWS / 2).query(String.class).list())
                    .hasSize(20)
                    .isEqualTo(pageBefore);
            for (var table :
                    List.of("ledger_transactions", "ledger_balance_checkpoints", "ledger_supply_checkpoints")) {
                var partitions = jdbc.sql("select count(*) from pg_inherits where inhparent = ?::regclass")
                        .param(table)
                        .query(Integer.class)
                        .single();
                assertThat(partitions)
                        .as(table + ": the old table and two made ahead")
                        .isEqualTo(3);
            }

            // the next sequence, and one far ahead, land in partitions made ahead
            long next = ROWS + 1;
            long far = 10_000_001 + 5;
            for (long sequence : new long[] {next, far}) {
                jdbc.sql(
                                """
                        insert into ledger_transactions
                            (id, sequence, type, token_id, from_entity_id, to_entity_id, amount, actor, created_at)
                        values (gen_random_uuid(), ?, 'MINT', ?::uuid, null, 'acct-1', 1, 'admin', now())
                        """)
                        .param(sequence)
                        .param(TOKEN)
                        .update();
            }
            assertThat(jdbc.sql("select tableoid::regclass::text from ledger_transactions where sequence = ?")
                            .param(far)
                            .query(String.class)
                            .single())
                    .isEqualTo("ledger_transactions_p10000001");

            // append-only on the table and on each partition, old and new
            for (var statement : List.of(
                    "update ledger_transactions set memo = 'x' where sequence = 1",
                    "delete from ledger_transactions where sequence = " + far,
                    "update ledger_transactions_p0 set amount = 2 where sequence = 2",
                    "delete from ledger_balance_checkpoints where sequence = 3",
                    "truncate ledger_transactions",
                    "truncate ledger_transactions_p0",
                    "truncate ledger_transactions_p10000001",
                    "truncate ledger_supply_checkpoints_p20000001")) {
                assertThat(catchThrowable(() -> jdbc.sql(statement).update()))
                        .as(statement)
                        .hasMessageContaining("append-only");
            }

            // a second call makes nothing new; past the head by a partition, it makes the next one
            assertThat(jdbc.sql("select ledger_ensure_partitions(2)")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            jdbc.sql("update ledger_head set last_sequence = ?").param(far).update();
            assertThat(jdbc.sql("select ledger_ensure_partitions(2)")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select to_regclass('ledger_transactions_p30000001') is not null")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
    }
}
