package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.shared.EntityId;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delegations now, and as checkpoints by the ledger sequence from which each takes effect. */
@Repository
public class DelegationRepository {

    private final JdbcClient jdbc;

    DelegationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EntityId> currentDelegatee(EntityId delegator) {
        return jdbc.sql("select delegatee_id from governance_delegations where delegator_id = ? for update")
                .param(delegator.value())
                .query(String.class)
                .optional()
                .map(EntityId::of);
    }

    /** Records the change, effective from {@code sequence}; a null delegatee means "votes for itself again". */
    public void change(EntityId delegator, EntityId delegatee, long sequence, Instant at) {
        if (delegatee == null) {
            jdbc.sql("delete from governance_delegations where delegator_id = ?")
                    .param(delegator.value())
                    .update();
        } else {
            jdbc.sql(
                            """
                            insert into governance_delegations (delegator_id, delegatee_id, updated_at) values (?, ?, ?)
                            on conflict (delegator_id) do update set delegatee_id = excluded.delegatee_id,
                                updated_at = excluded.updated_at
                            """)
                    .param(delegator.value())
                    .param(delegatee.value())
                    .param(Timestamp.from(at))
                    .update();
        }
        // Several changes before the ledger moves on share one effective sequence: the last one wins,
        // and no snapshot can yet have been taken at that sequence.
        jdbc.sql(
                        """
                        insert into governance_delegation_checkpoints (delegator_id, sequence, delegatee_id, changed_at)
                        values (?, ?, ?, ?)
                        on conflict (delegator_id, sequence) do update set delegatee_id = excluded.delegatee_id,
                            changed_at = excluded.changed_at
                        """)
                .param(delegator.value())
                .param(sequence)
                .param(new SqlParameterValue(Types.VARCHAR, delegatee == null ? null : delegatee.value()))
                .param(Timestamp.from(at))
                .update();
    }

    /** Whom {@code delegator} had delegated to as of {@code sequence} (empty: nobody, it votes itself). */
    public Optional<EntityId> delegateeAt(EntityId delegator, long sequence) {
        return jdbc.sql(
                        """
                        select delegatee_id from governance_delegation_checkpoints
                        where delegator_id = ? and sequence <= ? order by sequence desc limit 1
                        """)
                .param(delegator.value())
                .param(sequence)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(o -> o)
                .map(EntityId::of);
    }

    /** Who had delegated to {@code delegatee} as of {@code sequence}. */
    public List<EntityId> delegatorsAt(EntityId delegatee, long sequence) {
        return jdbc
                .sql(
                        """
                        select delegator_id from (
                            select distinct on (delegator_id) delegator_id, delegatee_id
                            from governance_delegation_checkpoints
                            where sequence <= ? and delegator_id in (
                                select delegator_id from governance_delegation_checkpoints where delegatee_id = ?)
                            order by delegator_id, sequence desc) latest
                        where delegatee_id = ?
                        """)
                .param(sequence)
                .param(delegatee.value())
                .param(delegatee.value())
                .query(String.class)
                .list()
                .stream()
                .map(EntityId::of)
                .toList();
    }
}
