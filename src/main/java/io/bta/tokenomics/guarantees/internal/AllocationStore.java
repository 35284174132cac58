package io.bta.tokenomics.guarantees.internal;

import io.bta.tokenomics.guarantees.AllocationStatus;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Guarantee allocations, as rows. */
@Repository
public class AllocationStore {

    /** An allocation row; {@code collateralTokenId} and {@code collateralAmount} are both null or both set. */
    public record AllocationRow(
            UUID id,
            String guaranteeId,
            EntityId guarantorId,
            EntityId beneficiaryId,
            Amount amount,
            AllocationStatus status,
            TokenId collateralTokenId,
            Amount collateralAmount,
            Instant createdAt,
            Instant expiresAt,
            Instant closedAt) {}

    private final JdbcClient jdbc;

    AllocationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts an ACTIVE allocation unless the guarantee already has one; true if inserted. A
     * concurrent insert for the same guarantee waits on the unique index and then inserts nothing.
     */
    public boolean insertIfNoneActive(AllocationRow r) {
        return jdbc.sql(
                                """
                        insert into guarantee_allocations (id, guarantee_id, guarantor_id, beneficiary_id, amount, status,
                            collateral_token_id, collateral_amount, created_at, expires_at)
                        values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)
                        on conflict (guarantee_id) where status = 'ACTIVE' do nothing
                        """)
                        .param(r.id())
                        .param(r.guaranteeId())
                        .param(r.guarantorId().value())
                        .param(r.beneficiaryId().value())
                        .param(r.amount().toBigDecimal())
                        .param(new SqlParameterValue(
                                Types.OTHER,
                                r.collateralTokenId() == null
                                        ? null
                                        : r.collateralTokenId().value()))
                        .param(new SqlParameterValue(
                                Types.NUMERIC,
                                r.collateralAmount() == null
                                        ? null
                                        : r.collateralAmount().toBigDecimal()))
                        .param(Timestamp.from(r.createdAt()))
                        .param(new SqlParameterValue(
                                Types.TIMESTAMP, r.expiresAt() == null ? null : Timestamp.from(r.expiresAt())))
                        .update()
                == 1;
    }

    public Optional<AllocationRow> find(UUID id, boolean lock) {
        return jdbc.sql("select * from guarantee_allocations where id = ?" + (lock ? " for update" : ""))
                .param(id)
                .query(AllocationStore::row)
                .optional();
    }

    /** Closes an ACTIVE allocation; false if it was not ACTIVE (the caller holds its row lock, so it is). */
    public boolean close(UUID id, AllocationStatus status, Instant at, EntityId by) {
        return jdbc.sql(
                                """
                        update guarantee_allocations set status = ?, closed_at = ?, closed_by = ?
                        where id = ? and status = 'ACTIVE'
                        """)
                        .param(status.name())
                        .param(Timestamp.from(at))
                        .param(by.value())
                        .param(id)
                        .update()
                == 1;
    }

    /**
     * Allocations, newest first, filtered by whichever of guarantor, beneficiary and status is given;
     * {@code party}, when given, keeps those where it is the guarantor or the beneficiary.
     */
    public List<AllocationRow> list(
            EntityId guarantor, EntityId beneficiary, AllocationStatus status, EntityId party, int limit) {
        return jdbc.sql(
                        """
                        select * from guarantee_allocations
                        where (cast(? as text) is null or guarantor_id = ?)
                          and (cast(? as text) is null or beneficiary_id = ?)
                          and (cast(? as text) is null or status = ?)
                          and (cast(? as text) is null or guarantor_id = ? or beneficiary_id = ?)
                        order by created_at desc, id desc
                        limit ?
                        """)
                .param(text(guarantor == null ? null : guarantor.value()))
                .param(text(guarantor == null ? null : guarantor.value()))
                .param(text(beneficiary == null ? null : beneficiary.value()))
                .param(text(beneficiary == null ? null : beneficiary.value()))
                .param(text(status == null ? null : status.name()))
                .param(text(status == null ? null : status.name()))
                .param(text(party == null ? null : party.value()))
                .param(text(party == null ? null : party.value()))
                .param(text(party == null ? null : party.value()))
                .param(limit)
                .query(AllocationStore::row)
                .list();
    }

    /** Ids of ACTIVE allocations whose {@code expiresAt} is at or before {@code now}, after a cursor, in id order. */
    public List<UUID> dueIds(Instant now, UUID after, int limit) {
        return jdbc.sql(
                        """
                        select id from guarantee_allocations
                        where status = 'ACTIVE' and expires_at is not null and expires_at <= ? and id > ?
                        order by id limit ?
                        """)
                .param(Timestamp.from(now))
                .param(after)
                .param(limit)
                .query(UUID.class)
                .list();
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static AllocationRow row(ResultSet rs, int n) throws SQLException {
        var collateralToken = rs.getObject("collateral_token_id", UUID.class);
        var collateralAmount = rs.getBigDecimal("collateral_amount");
        var expires = rs.getTimestamp("expires_at");
        var closed = rs.getTimestamp("closed_at");
        return new AllocationRow(
                rs.getObject("id", UUID.class),
                rs.getString("guarantee_id"),
                EntityId.of(rs.getString("guarantor_id")),
                EntityId.of(rs.getString("beneficiary_id")),
                Amount.of(rs.getBigDecimal("amount")),
                AllocationStatus.valueOf(rs.getString("status")),
                collateralToken == null ? null : new TokenId(collateralToken),
                collateralAmount == null ? null : Amount.of(collateralAmount),
                rs.getTimestamp("created_at").toInstant(),
                expires == null ? null : expires.toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
