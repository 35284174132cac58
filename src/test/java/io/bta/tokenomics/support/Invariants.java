package io.bta.tokenomics.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's invariants, checked against the database itself, to the last unit. */
public final class Invariants {

    private Invariants() {}

    /** The ledger's last committed sequence: unchanged across a refused request. */
    public static long ledgerHead(JdbcClient jdbc) {
        return jdbc.sql("select last_sequence from ledger_head")
                .query(Long.class)
                .single();
    }

    public static void assertHold(JdbcClient jdbc) {
        var negative = jdbc.sql("select count(*) from ledger_balances where available < 0 or locked < 0")
                .query(Long.class)
                .single();
        assertThat(negative).as("balances with a negative part").isZero();

        var supplyMismatches = jdbc.sql(
                        """
                select t.symbol, t.total_supply, coalesce(sum(b.available + b.locked), 0) as held
                from ledger_tokens t left join ledger_balances b on b.token_id = t.id
                group by t.id, t.symbol, t.total_supply
                having t.total_supply <> coalesce(sum(b.available + b.locked), 0)
                """)
                .query((rs, n) -> rs.getString(1) + ": supply " + rs.getBigDecimal(2) + " held " + rs.getBigDecimal(3))
                .list();
        assertThat(supplyMismatches)
                .as("tokens whose balances do not add up to the supply")
                .isEmpty();

        var overMax = jdbc.sql(
                        "select count(*) from ledger_tokens where max_supply is not null and total_supply > max_supply")
                .query(Long.class)
                .single();
        assertThat(overMax).as("tokens over their max supply").isZero();

        var mintedMinusBurned = jdbc.sql(
                        """
                select t.symbol from ledger_tokens t
                where t.total_supply <> t.total_minted - t.total_burned
                   or t.total_minted <> coalesce((select sum(amount) from ledger_transactions x
                                                  where x.token_id = t.id and x.type = 'MINT'), 0)
                   or t.total_burned <> coalesce((select sum(amount) from ledger_transactions x
                                                  where x.token_id = t.id and x.type = 'BURN'), 0)
                """)
                .query(String.class)
                .list();
        assertThat(mintedMinusBurned)
                .as("tokens where minted - burned differs from the supply")
                .isEmpty();

        // one statement, one snapshot: the three figures agree even while other writers commit
        var figures = jdbc.sql(
                        """
                select (select last_sequence from ledger_head),
                       (select count(*) from ledger_transactions),
                       (select coalesce(max(sequence), 0) from ledger_transactions)
                """)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        var head = figures[0];
        var count = figures[1];
        var max = figures[2];
        assertThat(count).as("transactions = head (no gap, no duplicate)").isEqualTo(head);
        assertThat(max).as("highest sequence = head").isEqualTo(head);
    }

    /** Every balance equals what the history says it should be: the history is complete. */
    public static void assertHistoryReplaysToBalances(JdbcClient jdbc) {
        var mismatches = jdbc.sql(
                        """
                with moves as (
                    select to_entity_id as e, token_id, amount as avail, 0::numeric as lck
                      from ledger_transactions where type in ('TRANSFER', 'MINT')
                    union all
                    select from_entity_id, token_id, -amount, 0 from ledger_transactions where type in ('TRANSFER', 'BURN')
                    union all
                    select from_entity_id, token_id, -amount, amount from ledger_transactions where type = 'LOCK'
                    union all
                    select from_entity_id, token_id, amount, -amount from ledger_transactions where type = 'UNLOCK'
                ), replayed as (
                    select e, token_id, sum(avail) as available, sum(lck) as locked from moves group by e, token_id
                )
                select b.entity_id from ledger_balances b
                left join replayed r on r.e = b.entity_id and r.token_id = b.token_id
                where b.available <> coalesce(r.available, 0) or b.locked <> coalesce(r.locked, 0)
                """)
                .query(String.class)
                .list();
        assertThat(mismatches)
                .as("balances that differ from the replayed history")
                .isEmpty();
    }
}
