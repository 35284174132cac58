package io.bta.tokenomics.farms.internal;

import io.bta.tokenomics.farms.FarmAccrual;
import io.bta.tokenomics.farms.FarmId;
import io.bta.tokenomics.farms.FarmPosition;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The farm program, farms and positions, as rows. Amounts and the accrual are integers of base units. */
@Repository
public class FarmStore {

    /** The program: the emission per second (base units) and the sum of the farms' weights. */
    public record ProgramRow(BigInteger rewardPerSecond, long totalAllocPoint) {}

    /** A farm's row: its terms and its accrual. */
    public record FarmRow(
            FarmId id,
            TokenId stakeToken,
            long allocPoint,
            Instant startsAt,
            Instant endsAt,
            BigInteger totalStaked,
            FarmAccrual accrual,
            Instant createdAt) {}

    /** A position's row. */
    public record PositionRow(FarmId farmId, EntityId entityId, FarmPosition position, BigDecimal trustScore) {}

    private static final String FARM_COLUMNS =
            """
            id, stake_token_id, alloc_point, starts_at, ends_at, total_staked, acc_reward_per_share, total_working,
            last_reward_at, emitted, split_carry, index_carry, created_at""";

    private final JdbcClient jdbc;

    FarmStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The program's row, created with {@code initialRate} if it is not there; locked as asked. */
    public ProgramRow program(BigInteger initialRate, Instant now, String lock) {
        jdbc.sql(
                        """
                        insert into farm_program (id, reward_per_second, total_alloc_point, updated_at)
                        values (true, ?, 0, ?) on conflict (id) do nothing
                        """)
                .param(new BigDecimal(initialRate))
                .param(Timestamp.from(now))
                .update();
        return jdbc.sql("select reward_per_second, total_alloc_point from farm_program" + lock)
                .query((rs, n) -> new ProgramRow(rs.getBigDecimal(1).toBigIntegerExact(), rs.getLong(2)))
                .single();
    }

    public void updateProgram(BigInteger rewardPerSecond, long totalAllocPoint, Instant now) {
        jdbc.sql("update farm_program set reward_per_second = ?, total_alloc_point = ?, updated_at = ?")
                .param(new BigDecimal(rewardPerSecond))
                .param(totalAllocPoint)
                .param(Timestamp.from(now))
                .update();
    }

    public void insertFarm(FarmRow f) {
        var a = f.accrual();
        jdbc.sql(
                        """
                        insert into farms (id, stake_token_id, alloc_point, starts_at, ends_at, acc_reward_per_share,
                            total_staked, total_working, last_reward_at, emitted, split_carry, index_carry, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(f.id().value())
                .param(f.stakeToken().value())
                .param(f.allocPoint())
                .param(Timestamp.from(f.startsAt()))
                .param(f.endsAt() == null ? null : Timestamp.from(f.endsAt()))
                .param(new BigDecimal(a.accRewardPerShare()))
                .param(new BigDecimal(f.totalStaked()))
                .param(new BigDecimal(a.totalWorking()))
                .param(a.lastRewardAt())
                .param(new BigDecimal(a.emitted()))
                .param(new BigDecimal(a.splitCarry()))
                .param(new BigDecimal(a.indexCarry()))
                .param(Timestamp.from(f.createdAt()))
                .update();
    }

    public void updateFarm(FarmRow f) {
        var a = f.accrual();
        jdbc.sql(
                        """
                        update farms set alloc_point = ?, acc_reward_per_share = ?, total_staked = ?, total_working = ?,
                            last_reward_at = ?, emitted = ?, split_carry = ?, index_carry = ?
                        where id = ?
                        """)
                .param(f.allocPoint())
                .param(new BigDecimal(a.accRewardPerShare()))
                .param(new BigDecimal(f.totalStaked()))
                .param(new BigDecimal(a.totalWorking()))
                .param(a.lastRewardAt())
                .param(new BigDecimal(a.emitted()))
                .param(new BigDecimal(a.splitCarry()))
                .param(new BigDecimal(a.indexCarry()))
                .param(f.id().value())
                .update();
    }

    public Optional<FarmRow> farm(FarmId id, boolean forUpdate) {
        return jdbc.sql("select " + FARM_COLUMNS + " from farms where id = ?" + (forUpdate ? " for update" : ""))
                .param(id.value())
                .query(FarmStore::farmRow)
                .optional();
    }

    public Optional<FarmRow> farmOfToken(TokenId token) {
        return jdbc.sql("select " + FARM_COLUMNS + " from farms where stake_token_id = ?")
                .param(token.value())
                .query(FarmStore::farmRow)
                .optional();
    }

    /** Every farm, oldest first; locked in id order when asked (to settle them all). */
    public List<FarmRow> farms(boolean forUpdate) {
        return jdbc.sql("select " + FARM_COLUMNS + " from farms order by "
                        + (forUpdate ? "id for update" : "created_at, id"))
                .query(FarmStore::farmRow)
                .list();
    }

    public Optional<PositionRow> position(FarmId farm, EntityId entity, boolean forUpdate) {
        return jdbc.sql(
                        """
                        select farm_id, entity_id, amount, working_amount, reward_debt, carry, pending, harvested,
                            trust_score
                        from farm_positions where farm_id = ? and entity_id = ?"""
                                + (forUpdate ? " for update" : ""))
                .param(farm.value())
                .param(entity.value())
                .query(FarmStore::positionRow)
                .optional();
    }

    public List<PositionRow> positionsOf(EntityId entity) {
        return jdbc.sql(
                        """
                        select farm_id, entity_id, amount, working_amount, reward_debt, carry, pending, harvested,
                            trust_score
                        from farm_positions where entity_id = ? order by farm_id
                        """)
                .param(entity.value())
                .query(FarmStore::positionRow)
                .list();
    }

    public void savePosition(PositionRow p, Instant now) {
        var x = p.position();
        jdbc.sql(
                        """
                        insert into farm_positions (farm_id, entity_id, amount, working_amount, reward_debt, carry,
                            pending, harvested, trust_score, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (farm_id, entity_id) do update set amount = excluded.amount,
                            working_amount = excluded.working_amount, reward_debt = excluded.reward_debt,
                            carry = excluded.carry, pending = excluded.pending, harvested = excluded.harvested,
                            trust_score = excluded.trust_score, updated_at = excluded.updated_at
                        """)
                .param(p.farmId().value())
                .param(p.entityId().value())
                .param(new BigDecimal(x.amount()))
                .param(new BigDecimal(x.workingAmount()))
                .param(new BigDecimal(x.rewardDebt()))
                .param(new BigDecimal(x.carry()))
                .param(new BigDecimal(x.pending()))
                .param(new BigDecimal(x.harvested()))
                .param(p.trustScore())
                .param(Timestamp.from(now))
                .update();
    }

    private static BigInteger integer(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }

    private static FarmRow farmRow(ResultSet rs, int n) throws SQLException {
        var ends = rs.getTimestamp("ends_at");
        return new FarmRow(
                new FarmId(rs.getObject("id", UUID.class)),
                new TokenId(rs.getObject("stake_token_id", UUID.class)),
                rs.getLong("alloc_point"),
                rs.getTimestamp("starts_at").toInstant(),
                ends == null ? null : ends.toInstant(),
                integer(rs, "total_staked"),
                new FarmAccrual(
                        integer(rs, "acc_reward_per_share"),
                        integer(rs, "total_working"),
                        rs.getLong("last_reward_at"),
                        integer(rs, "emitted"),
                        integer(rs, "split_carry"),
                        integer(rs, "index_carry")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static PositionRow positionRow(ResultSet rs, int n) throws SQLException {
        return new PositionRow(
                new FarmId(rs.getObject("farm_id", UUID.class)),
                EntityId.of(rs.getString("entity_id")),
                new FarmPosition(
                        integer(rs, "amount"),
                        integer(rs, "working_amount"),
                        integer(rs, "reward_debt"),
                        integer(rs, "carry"),
                        integer(rs, "pending"),
                        integer(rs, "harvested")),
                rs.getBigDecimal("trust_score"));
    }
}
