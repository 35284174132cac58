package io.bta.tokenomics.vesting.internal;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.vesting.VestingId;
import io.bta.tokenomics.vesting.VestingSchedule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vesting grants, as rows. */
@Repository
public class VestingStore {

    /** A grant's row. */
    public record GrantRow(
            VestingId id,
            EntityId beneficiaryId,
            TokenId tokenId,
            VestingSchedule schedule,
            boolean revocable,
            Amount released,
            Instant revokedAt,
            Amount vestedAtRevoke,
            EntityId createdBy,
            Instant createdAt) {}

    private static final String COLUMNS =
            """
            id, beneficiary_id, token_id, total, start_at, cliff_micros, duration_micros, revocable, released, revoked_at,
            vested_at_revoke, created_by, created_at""";

    private final JdbcClient jdbc;

    VestingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(GrantRow g) {
        jdbc.sql(
                        """
                        insert into vesting_grants (id, beneficiary_id, token_id, total, start_at, cliff_micros,
                            duration_micros, revocable, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(g.id().value())
                .param(g.beneficiaryId().value())
                .param(g.tokenId().value())
                .param(g.schedule().total().toBigDecimal())
                .param(Timestamp.from(g.schedule().start()))
                .param(g.schedule().cliff().toNanos() / 1000)
                .param(g.schedule().duration().toNanos() / 1000)
                .param(g.revocable())
                .param(g.createdBy().value())
                .param(Timestamp.from(g.createdAt()))
                .update();
    }

    public Optional<GrantRow> grant(VestingId id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from vesting_grants where id = ?" + (forUpdate ? " for update" : ""))
                .param(id.value())
                .query(VestingStore::row)
                .optional();
    }

    /** A beneficiary's grants, newest first. */
    public List<GrantRow> grantsOf(EntityId beneficiary, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from vesting_grants where beneficiary_id = ? order by created_at desc, id desc limit ?")
                .param(beneficiary.value())
                .param(limit)
                .query(VestingStore::row)
                .list();
    }

    public void addReleased(VestingId id, Amount amount) {
        jdbc.sql("update vesting_grants set released = released + ? where id = ?")
                .param(amount.toBigDecimal())
                .param(id.value())
                .update();
    }

    public void markRevoked(VestingId id, Instant at, Amount vested) {
        jdbc.sql("update vesting_grants set revoked_at = ?, vested_at_revoke = ? where id = ?")
                .param(Timestamp.from(at))
                .param(vested.toBigDecimal())
                .param(id.value())
                .update();
    }

    private static GrantRow row(ResultSet rs, int n) throws SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        BigDecimal vestedAtRevoke = rs.getBigDecimal("vested_at_revoke");
        return new GrantRow(
                new VestingId(rs.getObject("id", UUID.class)),
                EntityId.of(rs.getString("beneficiary_id")),
                new TokenId(rs.getObject("token_id", UUID.class)),
                new VestingSchedule(
                        Amount.of(rs.getBigDecimal("total")),
                        rs.getTimestamp("start_at").toInstant(),
                        Duration.ofNanos(rs.getLong("cliff_micros") * 1000),
                        Duration.ofNanos(rs.getLong("duration_micros") * 1000)),
                rs.getBoolean("revocable"),
                Amount.of(rs.getBigDecimal("released")),
                revoked == null ? null : revoked.toInstant(),
                vestedAtRevoke == null ? null : Amount.of(vestedAtRevoke),
                EntityId.of(rs.getString("created_by")),
                rs.getTimestamp("created_at").toInstant());
    }
}
