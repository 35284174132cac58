package io.bta.tokenomics.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The rewards module's own invariants, checked against its tables. */
final class RewardInvariants {

    private RewardInvariants() {}

    static void assertHold(JdbcClient jdbc) {
        var reservationMismatches = jdbc.sql(
                        """
                select e.epoch from rewards_epochs e
                where e.reserved <> coalesce((select sum(r.amount) from rewards r
                                              where r.epoch = e.epoch and r.status = 'PENDING'), 0)
                   or e.minted < coalesce((select sum(r.amount) from rewards r
                                           where r.epoch = e.epoch and r.status = 'CLAIMED'), 0)
                   or e.minted + e.reserved > e.budget
                """)
                .query(Integer.class)
                .list();
        assertThat(reservationMismatches)
                .as("epochs whose reservations differ from their pending rewards, or that overspend")
                .isEmpty();
        var claimedMints = jdbc.sql(
                        """
                select count(*) from rewards r
                where r.status = 'CLAIMED' and not exists (
                    select 1 from ledger_transactions x
                    where x.id = r.transaction_id and x.type = 'MINT' and x.to_entity_id = r.recipient_id
                      and x.amount = r.amount and x.token_id = r.token_id)
                """)
                .query(Long.class)
                .single();
        assertThat(claimedMints).as("claimed rewards without their mint").isZero();
    }
}
