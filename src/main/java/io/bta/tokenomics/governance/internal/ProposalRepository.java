package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.Proposal;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.Tally;
import io.bta.tokenomics.governance.Vote;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Proposals, votes and tallies. A proposal's state is computed by the database function {@code governance_status}. */
@Repository
public class ProposalRepository {

    private static final String COLUMNS =
            """
            p.id, p.title, p.description, p.proposer_id, p.actions::text as actions, p.snapshot_sequence,
            p.delegation_sequence, p.quorum,
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
                            delegation_sequence, quorum, created_at, voting_starts_at, voting_ends_at, executable_at,
                            expires_at)
                        values (:id, :title, :description, :proposer, :actions::jsonb, :snapshot, :delegations, :quorum,
                            :created, :starts, :ends, :executable, :expires)
                        """)
                .param("id", p.id().value())
                .param("title", p.title())
                .param("description", p.description())
                .param("proposer", p.proposerId().value())
                .param("actions", json.writeValueAsString(p.actions()))
                .param("snapshot", p.snapshotSequence())
                .param("delegations", p.delegationSequence())
                .param("quorum", p.quorum())
                .param("created", ts(p.createdAt()))
                .param("starts", ts(p.votingStartsAt()))
                .param("ends", ts(p.votingEndsAt()))
                .param("executable", ts(p.executableAt()))
                .param("expires", ts(p.expiresAt()))
                .update();
    }

    /** The proposal as of {@code now}; with {@code lock}, its row stays locked until the transaction ends. */
    public Optional<Proposal> find(ProposalId id, Instant now, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from governance_proposals p where p.id = :id"
                        + (lock ? " for update" : ""))
                .param("id", id.value())
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

    /**
     * Records votes, in order, in one statement; a voter who already voted on the proposal (also
     * earlier in the same list) is skipped. Returns the recorded ones as {@code proposalId|voterId}.
     */
    public java.util.Set<String> insertVotes(List<Vote> votes) {
        var recorded = new java.util.HashSet<String>();
        jdbc.sql(
                        """
                        insert into governance_votes (proposal_id, voter_id, support, voting_power, trust_score, weight,
                            reason, created_at)
                        select p::uuid, v, s, vp::numeric, ts::numeric, w::numeric, r, c::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[]) with ordinality as x(p, v, s, vp, ts, w, r, c, n)
                        order by n
                        on conflict (proposal_id, voter_id) do nothing
                        returning proposal_id, voter_id
                        """)
                .param(votes.stream().map(v -> v.proposalId().toString()).toArray(String[]::new))
                .param(votes.stream().map(v -> v.voterId().value()).toArray(String[]::new))
                .param(votes.stream().map(v -> v.support().name()).toArray(String[]::new))
                .param(votes.stream().map(v -> v.votingPower().toString()).toArray(String[]::new))
                .param(votes.stream().map(v -> v.trustScore().toPlainString()).toArray(String[]::new))
                .param(votes.stream().map(v -> v.weight().toPlainString()).toArray(String[]::new))
                .param(votes.stream().map(Vote::reason).toArray(String[]::new))
                .param(votes.stream().map(v -> v.createdAt().toString()).toArray(String[]::new))
                .query(rs -> {
                    recorded.add(rs.getString(1) + "|" + rs.getString(2));
                });
        return recorded;
    }

    /**
     * Adds recorded votes to the proposal's tally if the proposal is still ACTIVE at the latest of
     * their times; false when it is not (canceled, executed or outside its voting window
     * since the votes were checked). This takes the proposal row's lock, so the caller runs it as the
     * last statement before commit: votes on one proposal then hold the lock for the commit only.
     */
    public boolean countVotes(ProposalId proposalId, List<Vote> votes) {
        var at = votes.stream().map(Vote::createdAt).max(Instant::compareTo).orElseThrow();
        var added = Tally.NONE;
        for (var v : votes) {
            added = added.plus(v.support(), v.weight());
        }
        return jdbc.sql(
                                """
                        update governance_proposals p
                        set for_votes = for_votes + :for, against_votes = against_votes + :against,
                            abstain_votes = abstain_votes + :abstain, voter_count = voter_count + :count
                        where p.id = :id and governance_status(p, :now) = 'ACTIVE'
                        """)
                        .param("for", added.forVotes())
                        .param("against", added.againstVotes())
                        .param("abstain", added.abstainVotes())
                        .param("count", votes.size())
                        .param("id", proposalId.value())
                        .param("now", ts(at))
                        .update()
                == 1;
    }

    public Optional<Vote> findVote(ProposalId proposalId, EntityId voter) {
        return jdbc.sql("select * from governance_votes where proposal_id = ? and voter_id = ?")
                .param(proposalId.value())
                .param(voter.value())
                .query(ProposalRepository::vote)
                .optional();
    }

    /** Votes in the order they were cast, after position {@code afterSeq}; each row with its position. */
    public List<Map.Entry<Long, Vote>> votes(ProposalId proposalId, long afterSeq, int limit) {
        return jdbc.sql("select * from governance_votes where proposal_id = ? and seq > ? order by seq limit ?")
                .param(proposalId.value())
                .param(afterSeq)
                .param(limit)
                .query((rs, n) -> Map.entry(rs.getLong("seq"), vote(rs, n)))
                .list();
    }

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

    /** The tally recomputed from the proposal's votes, and their number. */
    public record Recount(Tally tally, int voterCount) {}

    public Recount recount(ProposalId proposalId) {
        return jdbc.sql(
                        """
                        select coalesce(sum(weight) filter (where support = 'FOR'), 0),
                               coalesce(sum(weight) filter (where support = 'AGAINST'), 0),
                               coalesce(sum(weight) filter (where support = 'ABSTAIN'), 0),
                               count(*)
                        from governance_votes where proposal_id = ?
                        """)
                .param(proposalId.value())
                .query((rs, n) -> new Recount(
                        new Tally(
                                Decimals.plain(rs.getBigDecimal(1)),
                                Decimals.plain(rs.getBigDecimal(2)),
                                Decimals.plain(rs.getBigDecimal(3))),
                        rs.getInt(4)))
                .single();
    }

    public void markExecuted(ProposalId id, Instant at, EntityId by) {
        jdbc.sql(
                        "update governance_proposals set executed_at = ?, executed_by = ? where id = ? and executed_at is null")
                .param(ts(at))
                .param(by.value())
                .param(id.value())
                .update();
    }

    public void markCanceled(ProposalId id, Instant at, EntityId by) {
        jdbc.sql(
                        "update governance_proposals set canceled_at = ?, canceled_by = ? where id = ? and canceled_at is null")
                .param(ts(at))
                .param(by.value())
                .param(id.value())
                .update();
    }

    private Proposal proposal(ResultSet rs, int row) throws SQLException {
        ProposalAction[] actions = json.readValue(rs.getString("actions"), ProposalAction[].class);
        return new Proposal(
                new ProposalId(rs.getObject("id", UUID.class)),
                rs.getString("title"),
                rs.getString("description"),
                EntityId.of(rs.getString("proposer_id")),
                ProposalStatus.valueOf(rs.getString("status")),
                List.of(actions),
                rs.getLong("snapshot_sequence"),
                rs.getLong("delegation_sequence"),
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
                new ProposalId(rs.getObject("proposal_id", UUID.class)),
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
