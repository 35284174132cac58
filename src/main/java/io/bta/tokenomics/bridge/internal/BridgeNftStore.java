package io.bta.tokenomics.bridge.internal;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bridge's NFT tables ({@code V38__bridge_nft_*}), in explicit SQL. */
@Repository
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
public class BridgeNftStore {

    /** An NFT withdrawal with what the sender and confirmer need. */
    public record NftWithdrawalRow(
            UUID id,
            long sequence,
            String withdrawalId,
            EntityId entityId,
            UUID collectionId,
            String collectionSymbol,
            long tokenNumber,
            BigInteger chainTokenId,
            String toAddress,
            String status,
            String chainTxHash,
            Long chainBlockNumber,
            String chainBlockHash,
            Instant createdAt) {}

    /** An NFT deposit read from the chain. */
    public record NftDepositRow(
            UUID id,
            BigInteger depositId,
            BigInteger chainTokenId,
            String entityId,
            String fromAddress,
            String chainTxHash,
            long blockNumber,
            String blockHash,
            long logIndex,
            String status,
            String heldReason) {}

    private final JdbcClient jdbc;

    BridgeNftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the contract

    public Optional<String> contract(long chainId) {
        return jdbc.sql("select address from bridge_nft_contracts where chain_id = ?")
                .param(chainId)
                .query(String.class)
                .optional();
    }

    public void insertContract(long chainId, String address, boolean deployedHere, Instant at) {
        jdbc.sql("insert into bridge_nft_contracts (chain_id, address, deployed_here, created_at) values (?, ?, ?, ?)")
                .params(chainId, address, deployedHere, Timestamp.from(at))
                .update();
    }

    // ---- withdrawals

    public long nextSequence() {
        return jdbc.sql("select nextval('bridge_nft_withdrawal_sequence')")
                .query(Long.class)
                .single();
    }

    public void insertWithdrawal(NftWithdrawalRow w, long chainId) {
        jdbc.sql(
                        """
                        insert into bridge_nft_withdrawals (id, sequence, withdrawal_id, chain_id, entity_id, collection_id,
                            collection_symbol, token_number, chain_token_id, to_address, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)
                        """)
                .params(
                        w.id(),
                        w.sequence(),
                        w.withdrawalId(),
                        chainId,
                        w.entityId().value(),
                        w.collectionId(),
                        w.collectionSymbol(),
                        w.tokenNumber(),
                        new BigDecimal(w.chainTokenId()),
                        w.toAddress(),
                        Timestamp.from(w.createdAt()),
                        Timestamp.from(w.createdAt()))
                .update();
    }

    public Optional<NftWithdrawalRow> withdrawal(UUID id) {
        return jdbc.sql("select " + WITHDRAWAL_COLUMNS + " from bridge_nft_withdrawals where id = ?")
                .param(id)
                .query(BridgeNftStore::withdrawal)
                .optional();
    }

    /** REQUESTED withdrawals, oldest first. */
    public List<NftWithdrawalRow> requested(int limit) {
        return jdbc.sql("select " + WITHDRAWAL_COLUMNS
                        + " from bridge_nft_withdrawals where status = 'REQUESTED' order by sequence limit ?")
                .param(limit)
                .query(BridgeNftStore::withdrawal)
                .list();
    }

    public List<NftWithdrawalRow> submitted(int limit) {
        return jdbc.sql("select " + WITHDRAWAL_COLUMNS
                        + " from bridge_nft_withdrawals where status = 'SUBMITTED' order by sequence limit ?")
                .param(limit)
                .query(BridgeNftStore::withdrawal)
                .list();
    }

    /** Records where a withdrawal was minted (again, where a reorg moved it); not once CONFIRMED. */
    public boolean markSubmitted(UUID id, String txHash, long blockNumber, String blockHash, Instant at) {
        return jdbc.sql(
                                """
                                update bridge_nft_withdrawals set status = 'SUBMITTED', chain_tx_hash = lower(?),
                                    chain_block_number = ?, chain_block_hash = lower(?), updated_at = ?
                                where id = ? and status in ('REQUESTED', 'SUBMITTED')
                                """)
                        .params(txHash, blockNumber, blockHash, Timestamp.from(at), id)
                        .update()
                > 0;
    }

    public boolean markConfirmed(UUID id, Instant at) {
        return jdbc.sql(
                                "update bridge_nft_withdrawals set status = 'CONFIRMED', updated_at = ? where id = ? and status = 'SUBMITTED'")
                        .params(Timestamp.from(at), id)
                        .update()
                > 0;
    }

    /** A SUBMITTED withdrawal whose block left the chain, and that the chain no longer shows minted. */
    public boolean markRequestedAgain(UUID id, Instant at) {
        return jdbc.sql(
                                """
                                update bridge_nft_withdrawals set status = 'REQUESTED', chain_tx_hash = null,
                                    chain_block_number = null, chain_block_hash = null, updated_at = ?
                                where id = ? and status = 'SUBMITTED'
                                """)
                        .params(Timestamp.from(at), id)
                        .update()
                > 0;
    }

    private static final String WITHDRAWAL_COLUMNS =
            """
            id, sequence, withdrawal_id, entity_id, collection_id, collection_symbol, token_number, chain_token_id,
            to_address, status, chain_tx_hash, chain_block_number, chain_block_hash, created_at
            """;

    private static NftWithdrawalRow withdrawal(ResultSet rs, int n) throws SQLException {
        return new NftWithdrawalRow(
                rs.getObject(1, UUID.class),
                rs.getLong(2),
                rs.getString(3),
                EntityId.of(rs.getString(4)),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getLong(7),
                rs.getBigDecimal(8).toBigIntegerExact(),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getObject(12, Long.class),
                rs.getString(13),
                rs.getTimestamp(14).toInstant());
    }

    // ---- deposits

    /**
     * Records a deposit read from the chain as SEEN; one SEEN at another place (its block was
     * replaced and the same deposit id reappeared) takes the new place; one credited or held stays
     * as it is: the deposit id is unique per chain, so reading a block twice records nothing twice.
     */
    public boolean upsertSeen(long chainId, NftDepositRow d, Instant at) {
        return jdbc.sql(
                                """
                                insert into bridge_nft_deposits (id, chain_id, deposit_id, chain_token_id, entity_id,
                                    from_address, chain_tx_hash, block_number, block_hash, log_index, status, seen_at)
                                values (?, ?, ?, ?, ?, ?, lower(?), ?, lower(?), ?, 'SEEN', ?)
                                on conflict (chain_id, deposit_id) do update
                                set chain_token_id = excluded.chain_token_id, entity_id = excluded.entity_id,
                                    from_address = excluded.from_address, chain_tx_hash = excluded.chain_tx_hash,
                                    block_number = excluded.block_number, block_hash = excluded.block_hash,
                                    log_index = excluded.log_index
                                where bridge_nft_deposits.status = 'SEEN'
                                    and bridge_nft_deposits.block_hash <> excluded.block_hash
                                """)
                        .params(
                                d.id(),
                                chainId,
                                new BigDecimal(d.depositId()),
                                new BigDecimal(d.chainTokenId()),
                                d.entityId(),
                                d.fromAddress(),
                                d.chainTxHash(),
                                d.blockNumber(),
                                d.blockHash(),
                                d.logIndex(),
                                Timestamp.from(at))
                        .update()
                > 0;
    }

    public List<NftDepositRow> seenBetween(long chainId, long from, long to) {
        return jdbc.sql(
                        "select " + DEPOSIT_COLUMNS
                                + " from bridge_nft_deposits where chain_id = ? and status = 'SEEN' and block_number between ? and ?")
                .params(chainId, from, to)
                .query(BridgeNftStore::deposit)
                .list();
    }

    public List<NftDepositRow> seenUpTo(long chainId, long maxBlock, int limit) {
        return jdbc.sql("select " + DEPOSIT_COLUMNS
                        + " from bridge_nft_deposits where chain_id = ? and status = 'SEEN' and block_number <= ?"
                        + " order by block_number, log_index limit ?")
                .params(chainId, maxBlock, limit)
                .query(BridgeNftStore::deposit)
                .list();
    }

    public boolean deleteSeen(UUID id) {
        return jdbc.sql("delete from bridge_nft_deposits where id = ? and status = 'SEEN'")
                        .param(id)
                        .update()
                > 0;
    }

    /** SEEN → CREDITED, once: false where another pass settled it first. */
    public boolean markCredited(UUID id, Instant at) {
        return jdbc.sql(
                                "update bridge_nft_deposits set status = 'CREDITED', settled_at = ? where id = ? and status = 'SEEN'")
                        .params(Timestamp.from(at), id)
                        .update()
                > 0;
    }

    public boolean markHeld(UUID id, String reason, Instant at) {
        return jdbc.sql(
                                "update bridge_nft_deposits set status = 'HELD', held_reason = ?, settled_at = ? where id = ? and status = 'SEEN'")
                        .params(reason, Timestamp.from(at), id)
                        .update()
                > 0;
    }

    private static final String DEPOSIT_COLUMNS =
            """
            id, deposit_id, chain_token_id, entity_id, from_address, chain_tx_hash, block_number, block_hash,
            log_index, status, held_reason
            """;

    private static NftDepositRow deposit(ResultSet rs, int n) throws SQLException {
        return new NftDepositRow(
                rs.getObject(1, UUID.class),
                rs.getBigDecimal(2).toBigIntegerExact(),
                rs.getBigDecimal(3).toBigIntegerExact(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getString(8),
                rs.getLong(9),
                rs.getString(10),
                rs.getString(11));
    }
}
