package io.bta.tokenomics.bridge.internal;

import io.bta.tokenomics.bridge.BridgeViews.BridgeToken;
import io.bta.tokenomics.bridge.BridgeViews.Deposit;
import io.bta.tokenomics.bridge.BridgeViews.DepositStatus;
import io.bta.tokenomics.bridge.BridgeViews.Withdrawal;
import io.bta.tokenomics.bridge.BridgeViews.WithdrawalStatus;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bridge's tables ({@code V21__bridge_*}), in explicit SQL. */
@Repository
@ConditionalOnProperty(prefix = "tokenomics.bridge", name = "enabled", havingValue = "true")
public class BridgeStore {

    /** Where the contracts are on one chain. */
    public record DeploymentRow(long chainId, String bridgeAddress, boolean deployedHere, boolean paused) {}

    /** A withdrawal with what the sender and confirmer need. */
    public record WithdrawalRow(
            UUID id,
            long sequence,
            String withdrawalId,
            EntityId entityId,
            TokenId tokenId,
            Amount amount,
            String toAddress,
            WithdrawalStatus status,
            String chainTxHash,
            Long chainBlockNumber,
            String chainBlockHash,
            Instant createdAt) {

        public Withdrawal view() {
            return new Withdrawal(
                    id, entityId, tokenId, amount, toAddress, status, chainTxHash, chainBlockNumber, createdAt);
        }
    }

    /** A deposit with where it is on chain. */
    public record DepositRow(
            UUID id,
            BigInteger depositId,
            String tokenAddress,
            TokenId tokenId,
            String entityId,
            Amount amount,
            String fromAddress,
            String chainTxHash,
            long blockNumber,
            String blockHash,
            long logIndex,
            DepositStatus status,
            UUID transactionId,
            String heldReason) {

        public Deposit view() {
            return new Deposit(
                    id,
                    depositId.toString(),
                    entityId,
                    tokenId,
                    amount,
                    fromAddress,
                    chainTxHash,
                    blockNumber,
                    status,
                    transactionId,
                    heldReason);
        }
    }

    private final JdbcClient jdbc;

    BridgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- deployment

    public Optional<DeploymentRow> deployment(long chainId, boolean forUpdate) {
        return jdbc.sql(
                        "select chain_id, bridge_address, deployed_here, paused from bridge_deployments where chain_id = ?"
                                + (forUpdate ? " for update" : ""))
                .param(chainId)
                .query((rs, n) -> new DeploymentRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
                .optional();
    }

    public void insertDeployment(long chainId, String bridgeAddress, boolean deployedHere, Instant at) {
        jdbc.sql(
                        """
                        insert into bridge_deployments (chain_id, bridge_address, deployed_here, paused, created_at)
                        values (?, ?, ?, false, ?)
                        """)
                .param(chainId)
                .param(bridgeAddress)
                .param(deployedHere)
                .param(Timestamp.from(at))
                .update();
    }

    public void insertToken(long chainId, BridgeToken token) {
        jdbc.sql("insert into bridge_tokens (chain_id, token_id, symbol, contract_address) values (?, ?, ?, ?)")
                .param(chainId)
                .param(token.tokenId().value())
                .param(token.symbol())
                .param(token.contractAddress())
                .update();
    }

    public List<BridgeToken> tokens(long chainId) {
        return jdbc.sql(
                        "select token_id, symbol, contract_address from bridge_tokens where chain_id = ? order by symbol")
                .param(chainId)
                .query((rs, n) ->
                        new BridgeToken(new TokenId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Whether the flag changed. */
    public boolean setPaused(long chainId, boolean paused) {
        return jdbc.sql("update bridge_deployments set paused = ? where chain_id = ? and paused <> ?")
                        .param(paused)
                        .param(chainId)
                        .param(paused)
                        .update()
                > 0;
    }

    // ---- withdrawals

    public long nextSequence() {
        return jdbc.sql("select nextval('bridge_withdrawal_sequence')")
                .query(Long.class)
                .single();
    }

    public void insertWithdrawal(WithdrawalRow w, long chainId, UUID transactionId) {
        jdbc.sql(
                        """
                        insert into bridge_withdrawals (id, sequence, withdrawal_id, chain_id, entity_id, token_id,
                            amount, to_address, status, transaction_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)
                        """)
                .param(w.id())
                .param(w.sequence())
                .param(w.withdrawalId())
                .param(chainId)
                .param(w.entityId().value())
                .param(w.tokenId().value())
                .param(w.amount().toBigDecimal())
                .param(w.toAddress())
                .param(transactionId)
                .param(Timestamp.from(w.createdAt()))
                .param(Timestamp.from(w.createdAt()))
                .update();
    }

    private static final String WITHDRAWAL_COLUMNS =
            """
            id, sequence, withdrawal_id, entity_id, token_id, amount, to_address, status,
            chain_tx_hash, chain_block_number, chain_block_hash, created_at
            """;

    public Optional<WithdrawalRow> withdrawal(UUID id) {
        return jdbc.sql("select " + WITHDRAWAL_COLUMNS + " from bridge_withdrawals where id = ?")
                .param(id)
                .query(BridgeStore::withdrawal)
                .optional();
    }

    /** An entity's withdrawals, newest first, those before {@code beforeSequence} when it is given. */
    public List<WithdrawalRow> withdrawalsOf(EntityId entity, Long beforeSequence, int limit) {
        return jdbc.sql(
                        "select " + WITHDRAWAL_COLUMNS
                                + " from bridge_withdrawals where entity_id = ? and sequence < ? order by sequence desc limit ?")
                .param(entity.value())
                .param(beforeSequence == null ? Long.MAX_VALUE : beforeSequence)
                .param(limit)
                .query(BridgeStore::withdrawal)
                .list();
    }

    /** Withdrawals of a token not minted yet, oldest first. */
    public List<WithdrawalRow> requested(TokenId token, int limit) {
        return jdbc.sql(
                        "select " + WITHDRAWAL_COLUMNS
                                + " from bridge_withdrawals where status = 'REQUESTED' and token_id = ? order by sequence limit ?")
                .param(token.value())
                .param(limit)
                .query(BridgeStore::withdrawal)
                .list();
    }

    public List<WithdrawalRow> submitted(int limit) {
        return jdbc.sql("select " + WITHDRAWAL_COLUMNS
                        + " from bridge_withdrawals where status = 'SUBMITTED' order by sequence limit ?")
                .param(limit)
                .query(BridgeStore::withdrawal)
                .list();
    }

    /** Marks a requested or submitted withdrawal minted at {@code txHash}; whether it was one of those. */
    public boolean markSubmitted(UUID id, String txHash, long blockNumber, String blockHash, Instant at) {
        return jdbc.sql(
                                """
                                update bridge_withdrawals
                                set status = 'SUBMITTED', chain_tx_hash = ?, chain_block_number = ?, chain_block_hash = ?,
                                    updated_at = ?
                                where id = ? and status in ('REQUESTED', 'SUBMITTED')
                                """)
                        .param(txHash.toLowerCase(Locale.ROOT))
                        .param(blockNumber)
                        .param(blockHash.toLowerCase(Locale.ROOT))
                        .param(Timestamp.from(at))
                        .param(id)
                        .update()
                > 0;
    }

    public boolean markConfirmed(UUID id, Instant at) {
        return jdbc.sql(
                                "update bridge_withdrawals set status = 'CONFIRMED', updated_at = ? where id = ? and status = 'SUBMITTED'")
                        .param(Timestamp.from(at))
                        .param(id)
                        .update()
                > 0;
    }

    /** A submitted withdrawal whose block was replaced and that the chain no longer shows minted: send again. */
    public boolean markRequestedAgain(UUID id, Instant at) {
        return jdbc.sql(
                                """
                                update bridge_withdrawals
                                set status = 'REQUESTED', chain_tx_hash = null, chain_block_number = null,
                                    chain_block_hash = null, updated_at = ?
                                where id = ? and status = 'SUBMITTED'
                                """)
                        .param(Timestamp.from(at))
                        .param(id)
                        .update()
                > 0;
    }

    public boolean markFailed(UUID id, String failure, UUID refundTransactionId, Instant at) {
        return jdbc.sql(
                                """
                                update bridge_withdrawals
                                set status = 'FAILED', failure = ?, refund_transaction_id = ?, updated_at = ?
                                where id = ? and status = 'REQUESTED'
                                """)
                        .param(failure)
                        .param(refundTransactionId)
                        .param(Timestamp.from(at))
                        .param(id)
                        .update()
                > 0;
    }

    /** What was withdrawn of a token since {@code since}, failed withdrawals aside. */
    public Amount outflowSince(TokenId token, Instant since) {
        var total = jdbc.sql(
                        "select coalesce(sum(amount), 0) from bridge_withdrawals where token_id = ? and created_at > ? and status <> 'FAILED'")
                .param(token.value())
                .param(Timestamp.from(since))
                .query(BigDecimal.class)
                .single();
        return Amount.of(total);
    }

    /** Escrowed, not minted yet. */
    public Amount withdrawalsInFlight(TokenId token) {
        var total = jdbc.sql(
                        "select coalesce(sum(amount), 0) from bridge_withdrawals where token_id = ? and status = 'REQUESTED'")
                .param(token.value())
                .query(BigDecimal.class)
                .single();
        return Amount.of(total);
    }

    private static WithdrawalRow withdrawal(ResultSet rs, int n) throws SQLException {
        long block = rs.getLong(10);
        Long blockNumber = rs.wasNull() ? null : block;
        return new WithdrawalRow(
                rs.getObject(1, UUID.class),
                rs.getLong(2),
                rs.getString(3),
                EntityId.of(rs.getString(4)),
                new TokenId(rs.getObject(5, UUID.class)),
                Amount.of(rs.getBigDecimal(6)),
                rs.getString(7),
                WithdrawalStatus.valueOf(rs.getString(8)),
                rs.getString(9),
                blockNumber,
                rs.getString(11),
                rs.getTimestamp(12).toInstant());
    }

    // ---- deposits

    /**
     * Records a deposit read from the chain as SEEN; one already SEEN at another place (its block
     * was replaced and the same deposit id reappeared) takes the new place; one credited or held
     * stays as it is. Whether a row was written.
     */
    public boolean upsertSeen(long chainId, DepositRow d, Instant at) {
        return jdbc.sql(
                                """
                                insert into bridge_deposits (id, chain_id, deposit_id, token_address, token_id, entity_id,
                                    amount, from_address, chain_tx_hash, block_number, block_hash, log_index, status, seen_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SEEN', ?)
                                on conflict (chain_id, deposit_id) do update
                                set token_address = excluded.token_address, token_id = excluded.token_id,
                                    entity_id = excluded.entity_id, amount = excluded.amount,
                                    from_address = excluded.from_address, chain_tx_hash = excluded.chain_tx_hash,
                                    block_number = excluded.block_number, block_hash = excluded.block_hash,
                                    log_index = excluded.log_index
                                where bridge_deposits.status = 'SEEN' and bridge_deposits.block_hash <> excluded.block_hash
                                """)
                        .param(d.id())
                        .param(chainId)
                        .param(new BigDecimal(d.depositId()))
                        .param(d.tokenAddress())
                        .param(d.tokenId() == null ? null : d.tokenId().value())
                        .param(d.entityId())
                        .param(d.amount().toBigDecimal())
                        .param(d.fromAddress())
                        .param(d.chainTxHash().toLowerCase(Locale.ROOT))
                        .param(d.blockNumber())
                        .param(d.blockHash().toLowerCase(Locale.ROOT))
                        .param(d.logIndex())
                        .param(Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Deposits still SEEN in blocks {@code from} to {@code to}. */
    public List<DepositRow> seenBetween(long chainId, long from, long to) {
        return jdbc.sql(
                        "select " + DEPOSIT_COLUMNS
                                + " from bridge_deposits where chain_id = ? and status = 'SEEN' and block_number between ? and ?")
                .param(chainId)
                .param(from)
                .param(to)
                .query(BridgeStore::deposit)
                .list();
    }

    /** Deposits still SEEN whose block is at or below {@code maxBlock}, oldest first. */
    public List<DepositRow> seenUpTo(long chainId, long maxBlock, int limit) {
        return jdbc.sql("select " + DEPOSIT_COLUMNS
                        + " from bridge_deposits where chain_id = ? and status = 'SEEN' and block_number <= ?"
                        + " order by block_number, log_index limit ?")
                .param(chainId)
                .param(maxBlock)
                .param(limit)
                .query(BridgeStore::deposit)
                .list();
    }

    /** Forgets a deposit that was only SEEN: its block was replaced before it was deep enough. */
    public boolean deleteSeen(UUID id) {
        return jdbc.sql("delete from bridge_deposits where id = ? and status = 'SEEN'")
                        .param(id)
                        .update()
                > 0;
    }

    public boolean markCredited(UUID id, UUID transactionId, Instant at) {
        return jdbc.sql(
                                "update bridge_deposits set status = 'CREDITED', transaction_id = ?, settled_at = ? where id = ? and status = 'SEEN'")
                        .param(transactionId)
                        .param(Timestamp.from(at))
                        .param(id)
                        .update()
                > 0;
    }

    /** One deposit, locked for the rest of the transaction. */
    public Optional<DepositRow> depositForUpdate(UUID id) {
        return jdbc.sql("select " + DEPOSIT_COLUMNS + " from bridge_deposits where id = ? for update")
                .param(id)
                .query(BridgeStore::deposit)
                .optional();
    }

    /** A HELD deposit credited by an admin: CREDITED with its ledger transaction, once. */
    public boolean markReleased(UUID id, UUID transactionId, Instant at) {
        return jdbc.sql(
                                "update bridge_deposits set status = 'CREDITED', transaction_id = ?, held_reason = null, settled_at = ? where id = ? and status = 'HELD'")
                        .param(transactionId)
                        .param(Timestamp.from(at))
                        .param(id)
                        .update()
                > 0;
    }

    public boolean markHeld(UUID id, String reason, Instant at) {
        return jdbc.sql(
                                "update bridge_deposits set status = 'HELD', held_reason = ?, settled_at = ? where id = ? and status = 'SEEN'")
                        .param(reason)
                        .param(Timestamp.from(at))
                        .param(id)
                        .update()
                > 0;
    }

    public List<DepositRow> depositsOf(String entityId, int limit) {
        return jdbc.sql(
                        "select " + DEPOSIT_COLUMNS
                                + " from bridge_deposits where entity_id = ? order by block_number desc, log_index desc limit ?")
                .param(entityId)
                .param(limit)
                .query(BridgeStore::deposit)
                .list();
    }

    /** Burned on chain, not credited: SEEN and HELD deposits of a token contract. */
    public Amount depositsInFlight(long chainId, String tokenAddress) {
        var total = jdbc.sql(
                        "select coalesce(sum(amount), 0) from bridge_deposits where chain_id = ? and token_address = ? and status <> 'CREDITED'")
                .param(chainId)
                .param(tokenAddress)
                .query(BigDecimal.class)
                .single();
        return Amount.of(total);
    }

    private static final String DEPOSIT_COLUMNS =
            """
            id, deposit_id, token_address, token_id, entity_id, amount, from_address, chain_tx_hash,
            block_number, block_hash, log_index, status, transaction_id, held_reason
            """;

    private static DepositRow deposit(ResultSet rs, int n) throws SQLException {
        var token = rs.getObject(4, UUID.class);
        return new DepositRow(
                rs.getObject(1, UUID.class),
                rs.getBigDecimal(2).toBigIntegerExact(),
                rs.getString(3),
                token == null ? null : new TokenId(token),
                rs.getString(5),
                Amount.of(rs.getBigDecimal(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getLong(9),
                rs.getString(10),
                rs.getLong(11),
                DepositStatus.valueOf(rs.getString(12)),
                rs.getObject(13, UUID.class),
                rs.getString(14));
    }

    // ---- follower cursor

    public Optional<Long> nextBlock(long chainId) {
        return jdbc.sql("select next_block from bridge_follower where chain_id = ?")
                .param(chainId)
                .query(Long.class)
                .optional();
    }

    public void setNextBlock(long chainId, long nextBlock, Instant at) {
        jdbc.sql(
                        """
                        insert into bridge_follower (chain_id, next_block, updated_at) values (?, ?, ?)
                        on conflict (chain_id) do update set next_block = excluded.next_block, updated_at = excluded.updated_at
                        """)
                .param(chainId)
                .param(nextBlock)
                .param(Timestamp.from(at))
                .update();
    }
}
