package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.Balance;
import io.bta.tokenomics.ledger.HistoryFilter;
import io.bta.tokenomics.ledger.LedgerFigures;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TransactionType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of balances, history and checkpoints. */
@Repository
public class LedgerQueries {

    public record Holding(Amount available, Amount locked) {}

    private final JdbcClient jdbc;
    private final TokenCatalog catalog;

    LedgerQueries(JdbcClient jdbc, TokenCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public Optional<Holding> holding(EntityId entity, TokenId token) {
        return jdbc.sql("select available, locked from ledger_balances where entity_id = ? and token_id = ?")
                .param(entity.value())
                .param(token.value())
                .query((rs, n) -> new Holding(Amount.of(rs.getBigDecimal(1)), Amount.of(rs.getBigDecimal(2))))
                .optional();
    }

    public Map<TokenId, Holding> holdings(EntityId entity) {
        return jdbc
                .sql("select token_id, available, locked from ledger_balances where entity_id = ?")
                .param(entity.value())
                .query((rs, n) -> Map.entry(
                        new TokenId(rs.getObject(1, UUID.class)),
                        new Holding(Amount.of(rs.getBigDecimal(2)), Amount.of(rs.getBigDecimal(3)))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Several entities' holdings and the ledger's last sequence, all read in one snapshot. */
    public record Cut(long sequence, Map<EntityId, Map<TokenId, Holding>> holdings) {}

    /**
     * One statement, so one MVCC snapshot even under Read Committed: every writer changes the
     * balances and {@code ledger_head} in one transaction, so the cut holds either all of a
     * commit or none of it, and {@code sequence} names the last commit it holds.
     */
    public Cut cut(Collection<EntityId> entities) {
        var ids = entities.stream().map(EntityId::value).distinct().toArray(String[]::new);
        var holdings = new java.util.HashMap<EntityId, Map<TokenId, Holding>>();
        var sequence = new long[1];
        jdbc.sql(
                        """
                        select h.last_sequence, b.entity_id, b.token_id, b.available, b.locked
                        from ledger_head h
                        left join ledger_balances b on b.entity_id = any(?::text[])
                        """)
                .param(ids)
                .query(rs -> {
                    sequence[0] = rs.getLong(1);
                    if (rs.getString(2) != null) {
                        holdings.computeIfAbsent(new EntityId(rs.getString(2)), e -> new java.util.HashMap<>())
                                .put(
                                        new TokenId(rs.getObject(3, UUID.class)),
                                        new Holding(Amount.of(rs.getBigDecimal(4)), Amount.of(rs.getBigDecimal(5))));
                    }
                });
        return new Cut(sequence[0], holdings);
    }

    /**
     * An entity's history, newest first, from before {@code beforeSequence}. Two index scans (as
     * sender, as recipient) merged, so that even the treasury's long history pages cheaply.
     */
    public List<LedgerTransaction> history(EntityId entity, HistoryFilter filter, long beforeSequence, int limit) {
        var conditions = new StringBuilder(" and sequence < :before");
        if (filter.tokenId() != null) {
            conditions.append(" and token_id = :token");
        }
        if (filter.type() != null) {
            conditions.append(" and type = :type");
        }
        if (filter.period().from() != null) {
            conditions.append(" and created_at >= :fromTime");
        }
        if (filter.period().to() != null) {
            conditions.append(" and created_at < :toTime");
        }
        var sql =
                """
                select * from (
                  (select * from ledger_transactions where from_entity_id = :entity %1$s
                   order by sequence desc limit :limit)
                  union all
                  (select * from ledger_transactions
                   where to_entity_id = :entity and from_entity_id is distinct from :entity %1$s
                   order by sequence desc limit :limit)
                ) h order by sequence desc limit :limit
                """
                        .formatted(conditions);
        var statement = jdbc.sql(sql)
                .param("entity", entity.value())
                .param("before", beforeSequence)
                .param("limit", limit);
        if (filter.tokenId() != null) {
            statement = statement.param("token", filter.tokenId().value());
        }
        if (filter.type() != null) {
            statement = statement.param("type", filter.type().name());
        }
        if (filter.period().from() != null) {
            statement =
                    statement.param("fromTime", Timestamp.from(filter.period().from()));
        }
        if (filter.period().to() != null) {
            statement = statement.param("toTime", Timestamp.from(filter.period().to()));
        }
        return statement.query(this::mapTransaction).list();
    }

    public Optional<LedgerTransaction> transaction(UUID id) {
        return jdbc.sql("select * from ledger_transactions where id = ?")
                .param(id)
                .query(this::mapTransaction)
                .optional();
    }

    /** The holding (available + locked) of a checkpointed token just after {@code sequence} committed. */
    public Amount balanceAt(EntityId entity, TokenId token, long sequence) {
        return jdbc.sql(
                        """
                        select balance from ledger_balance_checkpoints
                        where entity_id = ? and token_id = ? and sequence <= ? order by sequence desc limit 1
                        """)
                .param(entity.value())
                .param(token.value())
                .param(sequence)
                .query(BigDecimal.class)
                .optional()
                .map(Amount::of)
                .orElse(Amount.ZERO);
    }

    public Amount totalSupplyAt(TokenId token, long sequence) {
        return jdbc.sql(
                        """
                        select total_supply from ledger_supply_checkpoints
                        where token_id = ? and sequence <= ? order by sequence desc limit 1
                        """)
                .param(token.value())
                .param(sequence)
                .query(BigDecimal.class)
                .optional()
                .map(Amount::of)
                .orElse(Amount.ZERO);
    }

    /** The sum of several entities' holdings of a checkpointed token just after {@code sequence}. */
    public Amount sumOfBalancesAt(Collection<EntityId> entities, TokenId token, long sequence) {
        if (entities.isEmpty()) {
            return Amount.ZERO;
        }
        return jdbc.sql(
                        """
                        select coalesce(sum(balance), 0) from (
                            select distinct on (entity_id) entity_id, balance from ledger_balance_checkpoints
                            where entity_id = any(?::text[]) and token_id = ? and sequence <= ?
                            order by entity_id, sequence desc) latest
                        """)
                .param(entities.stream().map(EntityId::value).distinct().toArray(String[]::new))
                .param(token.value())
                .param(sequence)
                .query(BigDecimal.class)
                .optional()
                .map(Amount::of)
                .orElse(Amount.ZERO);
    }

    /**
     * Supply, holdings and the activity in {@code (afterSequence, last]} per token, where last is
     * the head as seen by this same statement: the head and the transactions commit together, so
     * the range holds exactly the transactions visible to it.
     */
    public LedgerFigures figures(long afterSequence, EntityId treasury) {
        var last = new long[] {-1};
        var tokens = jdbc.sql(
                        """
                        with head as (select last_sequence from ledger_head),
                        holdings as (
                            select token_id,
                                   count(*) filter (where available + locked > 0) as holders,
                                   coalesce(sum(locked), 0) as locked,
                                   coalesce(sum(available + locked) filter (where entity_id = :treasury), 0) as treasury
                            from ledger_balances group by token_id),
                        activity as (
                            select token_id,
                                   count(*) as transactions,
                                   coalesce(sum(amount) filter (where type = 'TRANSFER'), 0) as volume,
                                   coalesce(sum(amount) filter (where type = 'MINT'), 0) as minted,
                                   coalesce(sum(amount) filter (where type = 'BURN'), 0) as burned
                            from ledger_transactions
                            where sequence > :after and sequence <= (select last_sequence from head)
                            group by token_id)
                        select t.id, t.total_supply, t.total_minted, t.total_burned,
                               coalesce(h.treasury, 0) as treasury, coalesce(h.locked, 0) as locked,
                               coalesce(h.holders, 0) as holders, coalesce(a.transactions, 0) as transactions,
                               coalesce(a.volume, 0) as volume, coalesce(a.minted, 0) as minted,
                               coalesce(a.burned, 0) as burned, (select last_sequence from head) as last_sequence
                        from ledger_tokens t
                        left join holdings h on h.token_id = t.id
                        left join activity a on a.token_id = t.id
                        order by array_position(array['GOVERNANCE', 'REWARD', 'UTILITY', 'GUARANTEE'], t.type)
                        """)
                .param("treasury", treasury.value())
                .param("after", afterSequence)
                .query((rs, n) -> {
                    last[0] = rs.getLong("last_sequence");
                    var token = new TokenId(rs.getObject("id", UUID.class));
                    return new LedgerFigures.TokenFigures(
                            token,
                            catalog.definition(token).symbol(),
                            Amount.of(rs.getBigDecimal("total_supply")),
                            rs.getBigDecimal("total_minted"),
                            rs.getBigDecimal("total_burned"),
                            Amount.of(rs.getBigDecimal("treasury")),
                            Amount.of(rs.getBigDecimal("locked")),
                            rs.getLong("holders"),
                            rs.getLong("transactions"),
                            rs.getBigDecimal("volume"),
                            rs.getBigDecimal("minted"),
                            rs.getBigDecimal("burned"));
                })
                .list();
        return new LedgerFigures(afterSequence, tokens.isEmpty() ? lastSequence() : last[0], tokens);
    }

    public List<Balance> topHolders(TokenId token, int limit) {
        var symbol = catalog.definition(token).symbol();
        return jdbc.sql(
                        """
                        select entity_id, available, locked from ledger_balances
                        where token_id = ? and available + locked > 0
                        order by available + locked desc, entity_id limit ?
                        """)
                .param(token.value())
                .param(limit)
                .query((rs, n) -> new Balance(
                        EntityId.of(rs.getString(1)),
                        token,
                        symbol,
                        Amount.of(rs.getBigDecimal(2)),
                        Amount.of(rs.getBigDecimal(3))))
                .list();
    }

    /** Committed transactions with a sequence above {@code afterSequence}, in sequence order. */
    public List<LedgerTransaction> transactionsAfter(long afterSequence, int limit) {
        return jdbc.sql("select * from ledger_transactions where sequence > ? order by sequence limit ?")
                .param(afterSequence)
                .param(limit)
                .query(this::mapTransaction)
                .list();
    }

    public long lastSequence() {
        return jdbc.sql("select last_sequence from ledger_head")
                .query(Long.class)
                .single();
    }

    private LedgerTransaction mapTransaction(ResultSet rs, int row) throws SQLException {
        var token = new TokenId(rs.getObject("token_id", UUID.class));
        var from = rs.getString("from_entity_id");
        var to = rs.getString("to_entity_id");
        return new LedgerTransaction(
                rs.getObject("id", UUID.class),
                rs.getLong("sequence"),
                TransactionType.valueOf(rs.getString("type")),
                token,
                catalog.definition(token).symbol(),
                from == null ? null : EntityId.of(from),
                to == null ? null : EntityId.of(to),
                Amount.of(rs.getBigDecimal("amount")),
                rs.getString("memo"),
                EntityId.of(rs.getString("actor")),
                rs.getTimestamp("created_at").toInstant());
    }
}
