package io.bta.tokenomics.auctions.internal;

import io.bta.tokenomics.auctions.AuctionId;
import io.bta.tokenomics.auctions.AuctionStatus;
import io.bta.tokenomics.auctions.ParticipationStatus;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Auctions and their participants, as rows. */
@Repository
public class AuctionStore {

    public record AuctionRow(
            AuctionId id,
            Amount baseBond,
            Amount participationFee,
            Instant closesAt,
            boolean registered,
            AuctionStatus status,
            EntityId winnerId,
            Instant createdAt,
            Instant settledAt) {}

    public record ParticipantRow(
            AuctionId auctionId,
            EntityId bidderId,
            Amount bond,
            BigDecimal trustScore,
            ParticipationStatus status,
            Amount charged,
            Instant joinedAt,
            Instant settledAt) {}

    private final JdbcClient jdbc;

    AuctionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers an auction's terms, or replaces them while it is OPEN; true if written. */
    public boolean upsertTerms(AuctionId id, Amount baseBond, Amount fee, Instant closesAt, Instant now) {
        return jdbc.sql(
                                """
                        insert into auctions (id, base_bond, participation_fee, closes_at, registered, status,
                            created_at, updated_at)
                        values (?, ?, ?, ?, true, 'OPEN', ?, ?)
                        on conflict (id) do update set base_bond = excluded.base_bond,
                            participation_fee = excluded.participation_fee, closes_at = excluded.closes_at,
                            registered = true, updated_at = excluded.updated_at
                        where auctions.status = 'OPEN'
                        """)
                        .param(id.value())
                        .param(baseBond.toBigDecimal())
                        .param(new SqlParameterValue(Types.NUMERIC, fee == null ? null : fee.toBigDecimal()))
                        .param(new SqlParameterValue(
                                Types.TIMESTAMP, closesAt == null ? null : Timestamp.from(closesAt)))
                        .param(Timestamp.from(now))
                        .param(Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Creates the row of an auction never registered, with the default terms; nothing if it exists. */
    public void insertDefault(AuctionId id, Amount baseBond, Instant now) {
        jdbc.sql(
                        """
                        insert into auctions (id, base_bond, registered, status, created_at, updated_at)
                        values (?, ?, false, 'OPEN', ?, ?)
                        on conflict (id) do nothing
                        """)
                .param(id.value())
                .param(baseBond.toBigDecimal())
                .param(Timestamp.from(now))
                .param(Timestamp.from(now))
                .update();
    }

    public Optional<AuctionRow> auction(AuctionId id, boolean lock) {
        return jdbc.sql("select * from auctions where id = ?" + (lock ? " for update" : ""))
                .param(id.value())
                .query(AuctionStore::auctionRow)
                .optional();
    }

    public int participantCount(AuctionId id) {
        return jdbc.sql("select count(*) from auction_participants where auction_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    public void settle(AuctionId id, EntityId winner, Instant at) {
        jdbc.sql("update auctions set status = 'SETTLED', winner_id = ?, settled_at = ?, updated_at = ? where id = ?")
                .param(new SqlParameterValue(Types.VARCHAR, winner == null ? null : winner.value()))
                .param(Timestamp.from(at))
                .param(Timestamp.from(at))
                .param(id.value())
                .update();
    }

    public void insertParticipant(ParticipantRow p) {
        jdbc.sql(
                        """
                        insert into auction_participants (auction_id, bidder_id, bond, trust_score, status, joined_at)
                        values (?, ?, ?, ?, 'JOINED', ?)
                        """)
                .param(p.auctionId().value())
                .param(p.bidderId().value())
                .param(p.bond().toBigDecimal())
                .param(p.trustScore())
                .param(Timestamp.from(p.joinedAt()))
                .update();
    }

    public Optional<ParticipantRow> participant(AuctionId auctionId, EntityId bidder) {
        return jdbc.sql("select * from auction_participants where auction_id = ? and bidder_id = ?")
                .param(auctionId.value())
                .param(bidder.value())
                .query(AuctionStore::participantRow)
                .optional();
    }

    /** An auction's participants in the order they joined. */
    public List<ParticipantRow> participants(AuctionId auctionId) {
        return jdbc.sql("select * from auction_participants where auction_id = ? order by joined_at, bidder_id")
                .param(auctionId.value())
                .query(AuctionStore::participantRow)
                .list();
    }

    /** Records each bidder's outcome, set-based. */
    public void settleParticipants(
            AuctionId auctionId,
            List<EntityId> bidders,
            List<ParticipationStatus> statuses,
            List<Amount> charged,
            Instant at) {
        if (bidders.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update auction_participants p set status = v.status, charged = v.charged::numeric, settled_at = ?
                        from unnest(?::text[], ?::text[], ?::text[]) as v(bidder_id, status, charged)
                        where p.auction_id = ? and p.bidder_id = v.bidder_id and p.status = 'JOINED'
                        """)
                .param(Timestamp.from(at))
                .param(bidders.stream().map(EntityId::value).toArray(String[]::new))
                .param(statuses.stream().map(ParticipationStatus::name).toArray(String[]::new))
                .param(charged.stream().map(Amount::toString).toArray(String[]::new))
                .param(auctionId.value())
                .update();
    }

    private static AuctionRow auctionRow(ResultSet rs, int n) throws SQLException {
        var fee = rs.getBigDecimal("participation_fee");
        var closes = rs.getTimestamp("closes_at");
        var winner = rs.getString("winner_id");
        var settled = rs.getTimestamp("settled_at");
        return new AuctionRow(
                new AuctionId(rs.getString("id")),
                Amount.of(rs.getBigDecimal("base_bond")),
                fee == null ? null : Amount.of(fee),
                closes == null ? null : closes.toInstant(),
                rs.getBoolean("registered"),
                AuctionStatus.valueOf(rs.getString("status")),
                winner == null ? null : EntityId.of(winner),
                rs.getTimestamp("created_at").toInstant(),
                settled == null ? null : settled.toInstant());
    }

    private static ParticipantRow participantRow(ResultSet rs, int n) throws SQLException {
        var settled = rs.getTimestamp("settled_at");
        return new ParticipantRow(
                new AuctionId(rs.getString("auction_id")),
                EntityId.of(rs.getString("bidder_id")),
                Amount.of(rs.getBigDecimal("bond")),
                Decimals.plain(rs.getBigDecimal("trust_score")),
                ParticipationStatus.valueOf(rs.getString("status")),
                Amount.of(rs.getBigDecimal("charged")),
                rs.getTimestamp("joined_at").toInstant(),
                settled == null ? null : settled.toInstant());
    }
}
