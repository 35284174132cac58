package io.bta.tokenomics.nft.internal;

import io.bta.tokenomics.nft.CollectionId;
import io.bta.tokenomics.nft.NftCollection;
import io.bta.tokenomics.nft.NftHistoryEntry;
import io.bta.tokenomics.shared.EntityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The NFT tables, in explicit SQL. Rows are records; metadata is kept as the JSON text given. */
@Repository
public class NftStore {

    /** A token row; {@code metadata} is its JSON text. */
    public record TokenRow(
            CollectionId collectionId,
            long tokenNumber,
            EntityId owner,
            String metadata,
            boolean burned,
            Instant mintedAt) {}

    public record Head(long lastSequence, String lastHash) {}

    private final JdbcClient jdbc;

    NftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertCollection(NftCollection c) {
        jdbc.sql(
                        """
                        insert into nft_collections (id, symbol, name, soulbound, max_supply, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        c.id().value(),
                        c.symbol(),
                        c.name(),
                        c.soulbound(),
                        c.maxSupply(),
                        Timestamp.from(c.createdAt()))
                .update();
    }

    public Optional<NftCollection> collection(String identifier, boolean lock) {
        UUID id = null;
        try {
            id = io.bta.tokenomics.shared.Ids.parse(identifier);
        } catch (IllegalArgumentException notAnId) {
            // a symbol
        }
        var sql = "select * from nft_collections where " + (id != null ? "id = ?" : "symbol = ?")
                + (lock ? " for update" : "");
        return jdbc.sql(sql)
                .param(id != null ? id : identifier)
                .query(NftStore::collection)
                .optional();
    }

    public List<NftCollection> collections() {
        return jdbc.sql("select * from nft_collections order by symbol")
                .query(NftStore::collection)
                .list();
    }

    public void countMint(CollectionId id) {
        jdbc.sql("update nft_collections set minted = minted + 1 where id = ?")
                .param(id.value())
                .update();
    }

    public void countBurn(CollectionId id) {
        jdbc.sql("update nft_collections set burned = burned + 1 where id = ?")
                .param(id.value())
                .update();
    }

    public void insertToken(TokenRow t) {
        jdbc.sql(
                        """
                        insert into nft_tokens (collection_id, token_number, owner_id, metadata, minted_at)
                        values (?, ?, ?, ?::jsonb, ?)
                        """)
                .params(
                        t.collectionId().value(),
                        t.tokenNumber(),
                        t.owner().value(),
                        t.metadata(),
                        Timestamp.from(t.mintedAt()))
                .update();
    }

    public Optional<TokenRow> token(CollectionId collection, long number, boolean lock) {
        return jdbc.sql("select * from nft_tokens where collection_id = ? and token_number = ?"
                        + (lock ? " for update" : ""))
                .params(collection.value(), number)
                .query(NftStore::token)
                .optional();
    }

    public List<TokenRow> ownedBy(EntityId owner) {
        return jdbc.sql(
                        """
                        select * from nft_tokens where owner_id = ?
                        order by collection_id, token_number limit 1000
                        """)
                .param(owner.value())
                .query(NftStore::token)
                .list();
    }

    public void setOwner(CollectionId collection, long number, EntityId owner) {
        jdbc.sql("update nft_tokens set owner_id = ? where collection_id = ? and token_number = ?")
                .params(owner.value(), collection.value(), number)
                .update();
    }

    public void markBurned(CollectionId collection, long number) {
        jdbc.sql("update nft_tokens set owner_id = null, burned = true where collection_id = ? and token_number = ?")
                .params(collection.value(), number)
                .update();
    }

    public Head lockHead() {
        return jdbc.sql("select last_sequence, last_hash from nft_history_head for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** The head as committed, without a lock. */
    public Head head() {
        return jdbc.sql("select last_sequence, last_hash from nft_history_head")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    public void append(NftHistoryEntry e) {
        jdbc.sql(
                        """
                        insert into nft_history
                            (sequence, kind, collection_id, token_number, from_id, to_id, actor, at, previous_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        e.sequence(),
                        e.kind(),
                        e.collectionId().value(),
                        e.tokenNumber(),
                        e.from() == null ? null : e.from().value(),
                        e.to() == null ? null : e.to().value(),
                        e.actor().value(),
                        Timestamp.from(e.at()),
                        e.previousHash(),
                        e.hash())
                .update();
        jdbc.sql("update nft_history_head set last_sequence = ?, last_hash = ?")
                .params(e.sequence(), e.hash())
                .update();
    }

    public List<NftHistoryEntry> history(long afterSequence, int limit) {
        return jdbc.sql("select * from nft_history where sequence > ? order by sequence limit ?")
                .params(afterSequence, limit)
                .query((rs, n) -> new NftHistoryEntry(
                        rs.getLong("sequence"),
                        rs.getString("kind"),
                        new CollectionId(rs.getObject("collection_id", UUID.class)),
                        rs.getLong("token_number"),
                        entity(rs.getString("from_id")),
                        entity(rs.getString("to_id")),
                        EntityId.of(rs.getString("actor")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("previous_hash"),
                        rs.getString("hash")))
                .list();
    }

    private static EntityId entity(String id) {
        return id == null ? null : EntityId.of(id);
    }

    private static NftCollection collection(ResultSet rs, int n) throws SQLException {
        return new NftCollection(
                new CollectionId(rs.getObject("id", UUID.class)),
                rs.getString("symbol"),
                rs.getString("name"),
                rs.getBoolean("soulbound"),
                rs.getObject("max_supply", Long.class),
                rs.getLong("minted"),
                rs.getLong("burned"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static TokenRow token(ResultSet rs, int n) throws SQLException {
        return new TokenRow(
                new CollectionId(rs.getObject("collection_id", UUID.class)),
                rs.getLong("token_number"),
                entity(rs.getString("owner_id")),
                rs.getString("metadata"),
                rs.getBoolean("burned"),
                rs.getTimestamp("minted_at").toInstant());
    }
}
