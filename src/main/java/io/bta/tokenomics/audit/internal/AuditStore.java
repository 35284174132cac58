package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.Anchor;
import io.bta.tokenomics.audit.AuditBlock;
import io.bta.tokenomics.audit.HistoryHead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The audit tables, and nothing else: the ledger is read through its facade. */
@Repository
public class AuditStore {

    /** The tip of the chain, as the head row holds it. */
    public record Head(long lastHeight, long lastSequence, byte[] lastBlockHash) {}

    /** A block as stored, hashes as bytes. */
    public record BlockRow(
            long height,
            long firstSequence,
            long lastSequence,
            int txCount,
            byte[] merkleRoot,
            byte[] previousHash,
            byte[] blockHash,
            Instant sealedAt,
            String chainTxHash,
            Instant chainSentAt,
            Long chainBlockNumber,
            Instant anchoredAt,
            int anchorAttempts,
            Instant nextAttemptAt,
            String lastError,
            int headerVersion,
            List<HistoryHead> histories) {

        public AuditBlock toBlock(boolean anchorScheduled) {
            Anchor.Status status;
            if (chainBlockNumber != null) {
                status = Anchor.Status.ANCHORED;
            } else if (chainTxHash != null) {
                status = Anchor.Status.SENT;
            } else if (anchorScheduled || anchorAttempts > 0) {
                status = Anchor.Status.PENDING;
            } else {
                status = Anchor.Status.NONE;
            }
            return new AuditBlock(
                    height,
                    firstSequence,
                    lastSequence,
                    txCount,
                    Hashes.hex(merkleRoot),
                    Hashes.hex(previousHash),
                    Hashes.hex(blockHash),
                    sealedAt,
                    headerVersion,
                    histories,
                    new Anchor(
                            status,
                            chainTxHash,
                            chainBlockNumber,
                            anchoredAt,
                            anchorAttempts,
                            nextAttemptAt,
                            lastError));
        }
    }

    /**
     * A sealed leaf: the ledger's sequence and the txHash sealed for it. Its block is the one whose
     * range holds the sequence, its leaf index the offset in that range (ADR 0042).
     */
    public record Entry(long sequence, byte[] txHash) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the head row, or answers empty at once when another sealer holds it: two sealers never
     * wait on each other, and never seal the same block.
     */
    public Optional<Head> lockHeadOrSkip() {
        return jdbc.sql(
                        """
                        select last_height, last_sequence, last_block_hash from audit_chain_head
                        for update skip locked
                        """)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getBytes(3)))
                .optional();
    }

    public Head head() {
        return jdbc.sql("select last_height, last_sequence, last_block_hash from audit_chain_head")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getBytes(3)))
                .single();
    }

    public void insertBlock(
            long height,
            long firstSequence,
            long lastSequence,
            byte[] merkleRoot,
            byte[] previousHash,
            byte[] blockHash,
            Instant sealedAt,
            List<HistoryHead> histories) {
        jdbc.sql(
                        """
                        insert into audit_blocks (height, first_sequence, last_sequence, tx_count, merkle_root,
                                                  previous_hash, block_hash, sealed_at, header_version, histories)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 2, ?::jsonb)
                        """)
                .param(height)
                .param(firstSequence)
                .param(lastSequence)
                .param(Math.toIntExact(lastSequence - firstSequence + 1))
                .param(merkleRoot)
                .param(previousHash)
                .param(blockHash)
                .param(Timestamp.from(sealedAt))
                .param(json.writeValueAsString(histories)) // [{name, sequence, hash}], in the sealer's name order
                .update();
    }

    /**
     * A block's entries in one statement: hashes of sequences {@code firstSequence},
     * {@code firstSequence + 1}, ... The block must be inserted first; storage refuses entries that
     * are not one sealed block's whole range.
     */
    public void insertEntries(long firstSequence, byte[][] txHashes) {
        jdbc.sql(
                        """
                        insert into audit_entries (sequence, tx_hash)
                        select ? + e.i - 1, e.h from unnest(?::bytea[]) with ordinality as e(h, i)
                        """)
                .param(firstSequence)
                .param(txHashes)
                .update();
    }

    public void advanceHead(long height, long lastSequence, byte[] blockHash) {
        jdbc.sql("update audit_chain_head set last_height = ?, last_sequence = ?, last_block_hash = ?")
                .param(height)
                .param(lastSequence)
                .param(blockHash)
                .update();
    }

    public Optional<BlockRow> block(long height) {
        return jdbc.sql("select * from audit_blocks where height = ?")
                .param(height)
                .query(this::mapBlock)
                .optional();
    }

    /** Blocks below {@code beforeHeight}, newest first. */
    public List<BlockRow> blocksBefore(long beforeHeight, int limit) {
        return jdbc.sql("select * from audit_blocks where height < ? order by height desc limit ?")
                .param(beforeHeight)
                .param(limit)
                .query(this::mapBlock)
                .list();
    }

    /** The entries in a block's range, in sequence (leaf) order. */
    public List<Entry> entries(BlockRow block) {
        return jdbc.sql("select * from audit_entries where sequence between ? and ? order by sequence")
                .param(block.firstSequence())
                .param(block.lastSequence())
                .query(this::mapEntry)
                .list();
    }

    public Optional<Entry> entry(long sequence) {
        return jdbc.sql("select * from audit_entries where sequence = ?")
                .param(sequence)
                .query(this::mapEntry)
                .optional();
    }

    /** The block whose range holds {@code sequence}, if one was sealed over it. */
    public Optional<BlockRow> blockHolding(long sequence) {
        return jdbc.sql(
                        """
                        select * from (
                          select * from audit_blocks where first_sequence <= ? order by first_sequence desc limit 1
                        ) b where b.last_sequence >= ?
                        """)
                .param(sequence)
                .param(sequence)
                .query(this::mapBlock)
                .optional();
    }

    /** The sealed entry with this txHash (unique by index). */
    public Optional<Entry> entryByTxHash(byte[] txHash) {
        return jdbc.sql("select * from audit_entries where tx_hash = ?")
                .param(txHash)
                .query(this::mapEntry)
                .optional();
    }

    /** The first block at or above {@code height} whose anchor is confirmed on the chain. */
    public Optional<BlockRow> firstAnchoredAtOrAbove(long height) {
        return jdbc.sql(
                        """
                        select * from audit_blocks where height >= ? and chain_block_number is not null
                        order by height limit 1
                        """)
                .param(height)
                .query(this::mapBlock)
                .optional();
    }

    // The anchorer's statements. Each is short and commits on its own: no database lock is held
    // while the chain is called.

    /** Sent anchors whose receipt is due to be looked up. */
    public List<BlockRow> sentAnchorsDue(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select * from audit_blocks
                        where chain_tx_hash is not null and chain_block_number is null and next_attempt_at <= ?
                        order by height limit ?
                        """)
                .param(Timestamp.from(now))
                .param(limit)
                .query(this::mapBlock)
                .list();
    }

    /** Blocks due for sending: anchored heights without a sent transaction, whose retry time has come. */
    public List<BlockRow> anchorsToSend(int every, Instant now, int limit) {
        return jdbc.sql(
                        """
                        select * from audit_blocks
                        where chain_tx_hash is null and height % ? = 0
                          and (next_attempt_at is null or next_attempt_at <= ?)
                        order by height limit ?
                        """)
                .param(every)
                .param(Timestamp.from(now))
                .param(limit)
                .query(this::mapBlock)
                .list();
    }

    /**
     * Claims a block for one send attempt: counts the attempt and moves its next attempt to
     * {@code retryAt}, so that another instance leaves it alone meanwhile. The attempt count read
     * before is the version: false if another instance claimed it first.
     */
    public boolean claimSend(long height, int attemptsSeen, Instant retryAt) {
        return jdbc.sql(
                                """
                        update audit_blocks set anchor_attempts = anchor_attempts + 1, next_attempt_at = ?
                        where height = ? and chain_tx_hash is null and anchor_attempts = ?
                        """)
                        .param(Timestamp.from(retryAt))
                        .param(height)
                        .param(attemptsSeen)
                        .update()
                == 1;
    }

    public void recordSent(long height, String chainTxHash, Instant sentAt, Instant checkAt) {
        jdbc.sql(
                        """
                        update audit_blocks set chain_tx_hash = ?, chain_sent_at = ?, next_attempt_at = ?, last_error = null
                        where height = ? and chain_tx_hash is null
                        """)
                .param(chainTxHash)
                .param(Timestamp.from(sentAt))
                .param(Timestamp.from(checkAt))
                .param(height)
                .update();
    }

    public void recordConfirmed(long height, String chainTxHash, long chainBlockNumber, Instant at) {
        jdbc.sql(
                        """
                        update audit_blocks set chain_block_number = ?, anchored_at = ?, next_attempt_at = null,
                                                last_error = null
                        where height = ? and chain_tx_hash = ? and chain_block_number is null
                        """)
                .param(chainBlockNumber)
                .param(Timestamp.from(at))
                .param(height)
                .param(chainTxHash)
                .update();
    }

    /** The receipt is not there yet: look again at {@code checkAt}. */
    public void recordUnconfirmed(long height, Instant checkAt) {
        jdbc.sql("update audit_blocks set next_attempt_at = ? where height = ? and chain_block_number is null")
                .param(Timestamp.from(checkAt))
                .param(height)
                .update();
    }

    /** The sent transaction failed or was never mined: forget it, and send again at {@code retryAt}. */
    public void recordDropped(long height, String chainTxHash, String error, Instant retryAt) {
        jdbc.sql(
                        """
                        update audit_blocks set chain_tx_hash = null, chain_sent_at = null, last_error = ?,
                                                next_attempt_at = ?
                        where height = ? and chain_tx_hash = ? and chain_block_number is null
                        """)
                .param(truncate(error))
                .param(Timestamp.from(retryAt))
                .param(height)
                .param(chainTxHash)
                .update();
    }

    public void recordFailure(long height, String error) {
        jdbc.sql("update audit_blocks set last_error = ? where height = ?")
                .param(truncate(error))
                .param(height)
                .update();
    }

    private static String truncate(String error) {
        var text = error == null ? "unknown error" : error;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private BlockRow mapBlock(ResultSet rs, int row) throws SQLException {
        var number = rs.getLong("chain_block_number");
        Long chainBlockNumber = rs.wasNull() ? null : number;
        return new BlockRow(
                rs.getLong("height"),
                rs.getLong("first_sequence"),
                rs.getLong("last_sequence"),
                rs.getInt("tx_count"),
                rs.getBytes("merkle_root"),
                rs.getBytes("previous_hash"),
                rs.getBytes("block_hash"),
                rs.getTimestamp("sealed_at").toInstant(),
                rs.getString("chain_tx_hash"),
                instant(rs, "chain_sent_at"),
                chainBlockNumber,
                instant(rs, "anchored_at"),
                rs.getInt("anchor_attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                rs.getInt("header_version"),
                histories(rs.getString("histories")));
    }

    /** Reads the stored heads back. */
    private List<HistoryHead> histories(String json) {
        if (json == null) {
            return null;
        }
        var heads = new ArrayList<HistoryHead>();
        for (var node : this.json.readTree(json)) {
            heads.add(new HistoryHead(
                    node.get("name").asString(),
                    node.get("sequence").asLong(),
                    node.get("hash").asString()));
        }
        return List.copyOf(heads);
    }

    private Entry mapEntry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("sequence"), rs.getBytes("tx_hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
