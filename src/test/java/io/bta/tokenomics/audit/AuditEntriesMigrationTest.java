package io.bta.tokenomics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bta.tokenomics.support.PostgresNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V40 keeps an audit entry's sequence and txHash only, in place, on a database whose blocks were
 * sealed before: every entry is kept with its hash, its block and leaf index still follow from its
 * sequence, and from then on storage takes entries one sealed block's whole range at a time.
 */
class AuditEntriesMigrationTest {

    static final String ENTRIES_OF_BLOCK =
            """
            select e.sequence - b.first_sequence || ':' || encode(e.tx_hash, 'hex')
            from audit_entries e join audit_blocks b on e.sequence between b.first_sequence and b.last_sequence
            where b.height = ? order by e.sequence
            """;

    @Test
    void entriesKeepTheirHashesAndBlocksAndNewOnesComeOneWholeBlockAtATime() {
        var name = "audit-entries-" + UUID.randomUUID().toString().substring(0, 8);
        try (var postgres = PostgresNode.primary(name)) {
            var flyway = postgres.flyway();
            flyway.target("39").load().migrate(); // the entries as they were before V40
            var jdbc = JdbcClient.create(postgres.dataSource());
            // two sealed blocks of 3 and 2 leaves, in the old shape (id, block, leaf index per row)
            insertBlock(jdbc, 1, 1, 3);
            insertBlock(jdbc, 2, 4, 5);
            jdbc.sql(
                            """
                    insert into audit_entries (sequence, transaction_id, block_height, leaf_index, tx_hash)
                    select s, gen_random_uuid(), case when s <= 3 then 1 else 2 end,
                           case when s <= 3 then s - 1 else s - 4 end, sha256(int8send(s))
                    from generate_series(1, 5) s
                    """)
                    .update();
            var before1 =
                    jdbc.sql(ENTRIES_OF_BLOCK).param(1).query(String.class).list();
            var before2 =
                    jdbc.sql(ENTRIES_OF_BLOCK).param(2).query(String.class).list();

            flyway.target("latest").load().migrate();

            assertThat(jdbc.sql(ENTRIES_OF_BLOCK).param(1).query(String.class).list())
                    .hasSize(3)
                    .isEqualTo(before1);
            assertThat(jdbc.sql(ENTRIES_OF_BLOCK).param(2).query(String.class).list())
                    .hasSize(2)
                    .isEqualTo(before2);
            assertThat(jdbc.sql(
                                    """
                            select string_agg(column_name, ',' order by ordinal_position)
                            from information_schema.columns where table_name = 'audit_entries'
                            """)
                            .query(String.class)
                            .single())
                    .isEqualTo("sequence,tx_hash");

            // a third block: its whole range goes in; part of it, or a range without a block, does not
            insertBlock(jdbc, 3, 6, 9);
            assertThat(catchThrowable(() -> insertEntries(jdbc, 6, 8)))
                    .hasMessageContaining("audit entries 6 to 8 (3 rows) are not the whole range of one sealed block");
            assertThat(catchThrowable(() -> insertEntries(jdbc, 10, 11)))
                    .hasMessageContaining("not the whole range of one sealed block");
            assertThat(catchThrowable(() -> insertEntries(jdbc, 5, 9)))
                    .as("a sequence already sealed")
                    .hasMessageContaining("audit_entries_pkey");
            insertEntries(jdbc, 6, 9);
            assertThat(jdbc.sql(ENTRIES_OF_BLOCK).param(3).query(String.class).list())
                    .hasSize(4);
            assertThat(catchThrowable(() -> jdbc.sql("delete from audit_entries where sequence = 6")
                            .update()))
                    .hasMessageContaining("append-only");
        }
    }

    private static void insertBlock(JdbcClient jdbc, long height, long first, long last) {
        jdbc.sql(
                        """
                insert into audit_blocks (height, first_sequence, last_sequence, tx_count, merkle_root, previous_hash,
                                          block_hash, sealed_at)
                values (?, ?, ?, ?, sha256('root'), sha256('previous'), sha256(int8send(?)), now())
                """)
                .param(height)
                .param(first)
                .param(last)
                .param((int) (last - first + 1))
                .param(height)
                .update();
    }

    private static void insertEntries(JdbcClient jdbc, long first, long last) {
        jdbc.sql(
                        "insert into audit_entries (sequence, tx_hash) select s, sha256(int8send(s)) from generate_series(?, ?) s")
                .param(first)
                .param(last)
                .update();
    }
}
