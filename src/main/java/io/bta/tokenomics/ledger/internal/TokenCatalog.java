package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.LedgerProblems;
import io.bta.tokenomics.ledger.Token;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tokens. What never changes after initialization (id, symbol, type, cap) is cached in memory,
 * so resolving a token on the hot path costs no query; the supply is always read from the table.
 */
@Repository
public class TokenCatalog {

    /** A token's fixed definition. */
    public record Definition(
            TokenId id, String symbol, TokenType type, Amount maxSupply, boolean checkpointed, EntityId issuer) {

        /** A BTA token's definition: no issuer, anyone the ledger admits may mint and burn it. */
        public Definition(TokenId id, String symbol, TokenType type, Amount maxSupply, boolean checkpointed) {
            this(id, symbol, type, maxSupply, checkpointed, null);
        }
    }

    private static final String COLUMNS =
            """
            id, symbol, name, type, decimals, total_supply, max_supply, initial_supply, inflation_rate,
            total_minted, total_burned, created_at, paused, paused_at, pause_reason""";

    private final JdbcClient jdbc;
    private volatile Map<UUID, Definition> definitions = Map.of();

    TokenCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Resolves an id, a symbol ({@code BTA-GOV}) or a type ({@code GOVERNANCE}), ignoring case. */
    public Definition resolve(String identifier) {
        return find(identifier).orElseThrow(() -> LedgerProblems.UnknownToken.of(identifier));
    }

    public Optional<Definition> find(String identifier) {
        if (identifier == null || identifier.isBlank() || identifier.length() > 64) {
            return Optional.empty();
        }
        // One read of the cache for both the look-up and the size check: read twice, another
        // thread's reload in between would show a full cache after a look-up in the empty one, and
        // a known token would be reported unknown (seen on the first requests after a restart).
        var known = definitions;
        var found = lookup(known, identifier);
        if (found.isEmpty() && (known.size() < TokenType.BTA_KINDS || mayBeShareToken(identifier))) {
            // tokens may have been initialized, or a pool's share token created, by another instance
            // since the cache was filled
            reload();
            found = lookup(definitions, identifier);
        }
        return found;
    }

    /** An id, or a symbol of the share tokens' form: what another instance may have created since. */
    private static boolean mayBeShareToken(String identifier) {
        return identifier.length() == 36 || identifier.toUpperCase(Locale.ROOT).startsWith(SHARE_SYMBOL_PREFIX);
    }

    /** Every share token's symbol starts so (BTA-LP-GOV-UTIL); no BTA token's does. */
    public static final String SHARE_SYMBOL_PREFIX = "BTA-LP-";

    public Definition definition(TokenId id) {
        var definition = definitions.get(id.value());
        if (definition == null) {
            reload();
            definition = definitions.get(id.value());
        }
        if (definition == null) {
            throw LedgerProblems.UnknownToken.of(id.toString());
        }
        return definition;
    }

    public List<Token> all() {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from ledger_tokens order by array_position(array['GOVERNANCE', 'REWARD', 'UTILITY', 'GUARANTEE'], type), symbol")
                .query(TokenCatalog::token)
                .list();
    }

    public Token token(TokenId id) {
        return jdbc.sql("select " + COLUMNS + " from ledger_tokens where id = ?")
                .param(id.value())
                .query(TokenCatalog::token)
                .optional()
                .orElseThrow(() -> LedgerProblems.UnknownToken.of(id.toString()));
    }

    /**
     * Reloads inside the current transaction (so that it sees the tokens it just created) and again
     * once it has ended, so that a rollback does not leave tokens in the cache that do not exist.
     */
    public void reloadNowAndAfterCompletion() {
        reload();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    reload();
                }
            });
        }
    }

    void reload() {
        definitions = jdbc
                .sql("select id, symbol, type, max_supply, checkpointed, issuer from ledger_tokens")
                .query((rs, n) -> new Definition(
                        new TokenId(rs.getObject("id", UUID.class)),
                        rs.getString("symbol"),
                        TokenType.valueOf(rs.getString("type")),
                        amountOrNull(rs.getBigDecimal("max_supply")),
                        rs.getBoolean("checkpointed"),
                        rs.getString("issuer") == null ? null : EntityId.of(rs.getString("issuer"))))
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(d -> d.id().value(), Function.identity()));
    }

    private static Optional<Definition> lookup(Map<UUID, Definition> definitions, String identifier) {
        var all = definitions.values();
        try {
            var uuid = Ids.parse(identifier);
            return Optional.ofNullable(definitions.get(uuid));
        } catch (IllegalArgumentException notAUuid) {
            var upper = identifier.toUpperCase(Locale.ROOT);
            return all.stream()
                    // a type names its one token: only a BTA type has one
                    .filter(d -> d.symbol().equals(upper)
                            || (d.type().isBta() && d.type().name().equals(upper)))
                    .findFirst();
        }
    }

    static Token token(ResultSet rs, int row) throws SQLException {
        return new Token(
                new TokenId(rs.getObject("id", UUID.class)),
                rs.getString("symbol"),
                rs.getString("name"),
                TokenType.valueOf(rs.getString("type")),
                rs.getInt("decimals"),
                Amount.of(rs.getBigDecimal("total_supply")),
                amountOrNull(rs.getBigDecimal("max_supply")),
                Amount.of(rs.getBigDecimal("initial_supply")),
                rs.getBigDecimal("inflation_rate").stripTrailingZeros(),
                rs.getBigDecimal("total_minted"),
                rs.getBigDecimal("total_burned"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("paused"),
                rs.getTimestamp("paused_at") == null
                        ? null
                        : rs.getTimestamp("paused_at").toInstant(),
                rs.getString("pause_reason"));
    }

    private static Amount amountOrNull(BigDecimal value) {
        return value == null ? null : Amount.of(value);
    }
}
