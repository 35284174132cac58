package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.Proposal;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.Vote;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Proposals, votes and tallies. A proposal's state is computed by the database function {@code governance_status}. */
@Repository
public class ProposalRepository {

    private static final String COLUMNS =
            """
            p.id, p.title, p.description, p.proposer_id, p.actions::text as actions, p.snapshot_sequence, p.quorum,
            p.created_at, p.voting_starts_at, p.voting_ends_at, p.executable_at, p.expires_at, p.for_votes,
            p.against_votes, p.abstain_votes, p.voter_count, p.executed_at, p.canceled_at,
            governance_status(p, :now) as status""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProposalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Proposal p) {
        jdbc.sql(
                        """
                        insert into governance_proposals (id, title, description, proposer_id, actions, snapshot_sequence,
                            quorum, created_at, voting_starts_at, voting_ends_at, executable_at, expires_at)
                        values (:id, :title, :description, :proposer, :actions::jsonb, :snapshot, :quorum, :created,
                            :starts, :ends, :executable, :expires)
                        """)
                .param("id", p.id())
                .param("title", p.title())
                .param("description", p.description())
                .param("proposer", p.proposerId().value())
                .param("actions", json.writeValueAsString(p.actions()))
                .param("snapshot", p.snapshotSequence())
                .param("quorum", p.quorum())
                .param("created", ts(p.createdAt()))
                .param("starts", ts(p.votingStartsAt()))
                .param("ends", ts(p.votingEndsAt()))
                .param("executable", ts(p.executableAt()))
                .param("expires", ts(p.expiresAt()))
                .update();
    }

    /** The proposal as of {@code now}; with {@code lock}, its row stays locked until the transaction ends. */
    public Optional<Proposal> find(UUID id, Instant now, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from governance_proposals p where p.id = :id"
                        + (lock ? " for update" : ""))
                .param("id", id)
                .param("now", ts(now))
                .query(this::proposal)
                .optional();
    }

    public List<Proposal> list(
            Instant now, ProposalStatus status, EntityId proposer, Instant beforeCreatedAt, UUID beforeId, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from governance_proposals p where true");
        if (status != null) {
            sql.append(" and governance_status(p, :now) = :status");
        }
        if (proposer != null) {
            sql.append(" and p.proposer_id = :proposer");
        }
        if (beforeCreatedAt != null) {
            sql.append(" and (p.created_at, p.id) < (:beforeCreated, :beforeId)");
        }
        sql.append(" order by p.created_at desc, p.id desc limit :limit");
        var statement = jdbc.sql(sql.toString()).param("now", ts(now)).param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        if (proposer != null) {
            statement = statement.param("proposer", proposer.value());
        }
        if (beforeCreatedAt != null) {
            statement = statement.param("beforeCreated", ts(beforeCreatedAt)).param("beforeId", beforeId);
        }
        return statement.query(this::proposal).list();
    }

    /** Records a vote and adds its weight to the tally; false if the voter had already voted. */
    /** Stores the vote; false when the voter has already voted on the proposal. */
    public boolean insertVote(Vote vote) {
        return jdbc.sql(
                                """
                        insert into governance_votes (proposal_id, voter_id, support, voting_power, trust_score, weight,
                            reason, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (proposal_id, voter_id) do nothing
                        """)
                        .param(vote.proposalId())
                        .param(vote.voterId().value())
                        .param(vote.support().name())
                        .param(vote.votingPower().toBigDecimal())
                        .param(vote.trustScore())
                        .param(vote.weight())
                        .param(new SqlParameterValue(Types.VARCHAR, vote.reason()))
                        .param(ts(vote.createdAt()))
                        .update()
                == 1;
    }

    /**
     * Adds the vote to the proposal's tally if the proposal is still ACTIVE at the vote's time; false
     * when it is not (canceled, executed or outside its voting window since it was read). This takes
     * the proposal row's lock, so the caller runs it as the last statement before commit: votes on one
     * proposal then hold the lock for the commit only, not for the whole vote.
     */
    public boolean countVote(Vote vote) {
        var column =
                switch (vote.support()) {
                    case FOR -> "for_votes";
                    case AGAINST -> "against_votes";
                    case ABSTAIN -> "abstain_votes";
                };
        return jdbc.sql("update governance_proposals p set " + column + " = " + column
                                + " + :weight, voter_count = voter_count + 1"
                                + " where p.id = :id and governance_status(p, :now) = 'ACTIVE'")
                        .param("weight", vote.weight())
                        .param("id", vote.proposalId())
                        .param("now", ts(vote.createdAt()))
                        .update()
                == 1;
    }

    public Optional<Vote> findVote(UUID proposalId, EntityId voter) {
        return jdbc.sql("select * from governance_votes where proposal_id = ? and voter_id = ?")
                .param(proposalId)
                .param(voter.value())
                .query(ProposalRepository::vote)
                .optional();
    }

    /** Votes in the order they were cast, after position {@code afterSeq}; each row with its position. */
    public List<Map.Entry<Long, Vote>> votes(UUID proposalId, long afterSeq, int limit) {
        return jdbc.sql("select * from governance_votes where proposal_id = ? and seq > ? order by seq limit ?")
                .param(proposalId)
                .param(afterSeq)
                .param(limit)
                .query((rs, n) -> Map.entry(rs.getLong("seq"), vote(rs, n)))
                .list();
    }

    /** The tallies recomputed from the votes themselves: {FOR, AGAINST, ABSTAIN, count}. */
    /** The number of proposals in each status at {@code now} (statuses without proposals are absent). */
    public Map<ProposalStatus, Long> countByStatus(Instant now) {
        var counts = new java.util.EnumMap<ProposalStatus, Long>(ProposalStatus.class);
        jdbc.sql("select governance_status(p, ?) as status, count(*) from governance_proposals p group by 1")
                .param(Timestamp.from(now))
                .query((rs, n) -> counts.put(ProposalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** The votes cast on all proposals, and the distinct entities that cast them. */
    public long[] voteCounts() {
        return jdbc.sql("select count(*), count(distinct voter_id) from governance_votes")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    public Map<String, BigDecimal> recount(UUID proposalId) {
        return jdbc.sql(
                        """
                        select coalesce(sum(weight) filter (where support = 'FOR'), 0),
                               coalesce(sum(weight) filter (where support = 'AGAINST'), 0),
                               coalesce(sum(weight) filter (where support = 'ABSTAIN'), 0),
                               count(*)
                        from governance_votes where proposal_id = ?
                        """)
                .param(proposalId)
                .query((rs, n) -> {
                    var m = new LinkedHashMap<String, BigDecimal>();
                    m.put("FOR", rs.getBigDecimal(1));
                    m.put("AGAINST", rs.getBigDecimal(2));
                    m.put("ABSTAIN", rs.getBigDecimal(3));
                    m.put("COUNT", rs.getBigDecimal(4));
                    return (Map<String, BigDecimal>) m;
                })
                .single();
    }

    public void markExecuted(UUID id, Instant at, EntityId by) {
        jdbc.sql(
                        "update governance_proposals set executed_at = ?, executed_by = ? where id = ? and executed_at is null")
                .param(ts(at))
                .param(by.value())
                .param(id)
                .update();
    }

    public void markCanceled(UUID id, Instant at, EntityId by) {
        jdbc.sql(
                        "update governance_proposals set canceled_at = ?, canceled_by = ? where id = ? and canceled_at is null")
                .param(ts(at))
                .param(by.value())
                .param(id)
                .update();
    }

    private Proposal proposal(ResultSet rs, int row) throws SQLException {
        ProposalAction[] actions = json.readValue(rs.getString("actions"), ProposalAction[].class);
        return new Proposal(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                EntityId.of(rs.getString("proposer_id")),
                ProposalStatus.valueOf(rs.getString("status")),
                List.of(actions),
                rs.getLong("snapshot_sequence"),
                instant(rs, "created_at"),
                instant(rs, "voting_starts_at"),
                instant(rs, "voting_ends_at"),
                instant(rs, "executable_at"),
                instant(rs, "expires_at"),
                Decimals.plain(rs.getBigDecimal("quorum")),
                Decimals.plain(rs.getBigDecimal("for_votes")),
                Decimals.plain(rs.getBigDecimal("against_votes")),
                Decimals.plain(rs.getBigDecimal("abstain_votes")),
                rs.getInt("voter_count"),
                instant(rs, "executed_at"),
                instant(rs, "canceled_at"));
    }

    private static Vote vote(ResultSet rs, int row) throws SQLException {
        return new Vote(
                rs.getObject("proposal_id", UUID.class),
                EntityId.of(rs.getString("voter_id")),
                Support.valueOf(rs.getString("support")),
                Amount.of(rs.getBigDecimal("voting_power")),
                Decimals.plain(rs.getBigDecimal("trust_score")),
                Decimals.plain(rs.getBigDecimal("weight")),
                rs.getString("reason"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
