package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.Delegation;
import io.bta.tokenomics.shared.EntityId;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delegations now, and every change as a checkpoint numbered by the delegation sequence: gap-free
 * and in commit order, like the ledger's (ADR 0022).
 */
@Repository
public class DelegationRepository {

    private final JdbcClient jdbc;

    DelegationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next delegation sequence. The head row stays locked until the caller's transaction ends,
     * so a change holding a number commits before any change with a higher one, and a rolled-back
     * change leaves no gap.
     */
    public long nextSequence() {
        return jdbc.sql(
                        "update governance_delegation_head set last_sequence = last_sequence + 1 returning last_sequence")
                .query(Long.class)
                .single();
    }

    /**
     * The last committed delegation sequence: every change up to it is committed and visible, and
     * a change not yet committed has, or will get, a higher number.
     */
    public long lastSequence() {
        return jdbc.sql("select last_sequence from governance_delegation_head")
                .query(Long.class)
                .single();
    }

    /** Records the change; a null delegatee means "votes for itself again". */
    public void record(Delegation change) {
        var delegator = change.delegatorId().value();
        var at = Timestamp.from(change.changedAt());
        if (change.delegateeId() == null) {
            jdbc.sql("delete from governance_delegations where delegator_id = ?")
                    .param(delegator)
                    .update();
        } else {
            jdbc.sql(
                            """
                            insert into governance_delegations (delegator_id, delegatee_id, updated_at) values (?, ?, ?)
                            on conflict (delegator_id) do update set delegatee_id = excluded.delegatee_id,
                                updated_at = excluded.updated_at
                            """)
                    .param(delegator)
                    .param(change.delegateeId().value())
                    .param(at)
                    .update();
        }
        jdbc.sql(
                        """
                        insert into governance_delegation_checkpoints
                            (delegation_sequence, delegator_id, delegatee_id, ledger_sequence, changed_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .param(change.delegationSequence())
                .param(delegator)
                .param(new SqlParameterValue(
                        Types.VARCHAR,
                        change.delegateeId() == null
                                ? null
                                : change.delegateeId().value()))
                .param(change.effectiveFromSequence())
                .param(at)
                .update();
    }

    /** The delegator's last change, if it ever made one. */
    public Optional<Delegation> latest(EntityId delegator) {
        return jdbc.sql(
                        """
                        select delegation_sequence, delegatee_id, ledger_sequence, changed_at
                        from governance_delegation_checkpoints
                        where delegator_id = ? order by delegation_sequence desc limit 1
                        """)
                .param(delegator.value())
                .query((rs, n) -> new Delegation(
                        delegator,
                        rs.getString("delegatee_id") == null ? null : EntityId.of(rs.getString("delegatee_id")),
                        rs.getLong("delegation_sequence"),
                        rs.getLong("ledger_sequence"),
                        rs.getTimestamp("changed_at").toInstant()))
                .optional();
    }

    /**
     * An entity's delegations as of a delegation sequence: whether it had delegated its own power
     * away, and who had delegated theirs to it.
     */
    public record DelegationsAt(boolean delegatedAway, List<EntityId> delegators) {}

    /**
     * Both sides of an entity's delegations in one query (a vote's check needs both): the latest
     * checkpoint, as of {@code sequence}, of the entity itself (a delegatee: it delegated away) and
     * of every delegator that ever named it (those whose latest still names it delegated to it).
     */
    public DelegationsAt delegationsAt(EntityId entity, long sequence) {
        var delegatedAway = new boolean[1];
        var delegators = new java.util.ArrayList<EntityId>();
        jdbc.sql(
                        """
                        select delegator_id, delegatee_id from (
                            select distinct on (delegator_id) delegator_id, delegatee_id
                            from governance_delegation_checkpoints
                            where delegation_sequence <= ? and delegator_id in (
                                select ?::text
                                union select delegator_id from governance_delegation_checkpoints where delegatee_id = ?)
                            order by delegator_id, delegation_sequence desc) latest
                        where delegator_id = ? or delegatee_id = ?
                        """)
                .param(sequence)
                .param(entity.value())
                .param(entity.value())
                .param(entity.value())
                .param(entity.value())
                .query(rs -> {
                    var delegator = rs.getString(1);
                    var delegatee = rs.getString(2);
                    if (delegator.equals(entity.value())) {
                        delegatedAway[0] = delegatee != null;
                    } else {
                        delegators.add(EntityId.of(delegator));
                    }
                });
        return new DelegationsAt(delegatedAway[0], List.copyOf(delegators));
    }
}
