package io.bta.tokenomics.shared.apikeys;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.error.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service API keys. A key is {@code bta_<lookup>_<secret>}: the lookup part finds the row, and
 * the SHA-256 of the whole key must match the stored hash (compared in constant time). The secret
 * is shown once, when the key is created. A key acts as the entity {@code service:<name>}, so every
 * ledger transaction it causes names it.
 */
@Service
public class ApiKeys {

    public static final Set<String> SCOPES =
            Set.of("trust:write", "rewards:write", "guarantees:write", "auctions:write", "ledger:lock", "nft:mint");
    private static final String PREFIX = "bta_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as listed (never with its secret). */
    public record ApiKey(
            UUID id,
            String name,
            Set<String> scopes,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            Instant revokedAt) {

        public EntityId principal() {
            return EntityId.of("service:" + name);
        }

        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    /** A new key, with the secret the caller must keep (it cannot be shown again). */
    public record Created(ApiKey key, String secret) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new key; an expiry must be in the future (a key that expired when it was made is a mistake). */
    @Transactional
    public Created create(String name, Set<String> scopes, Instant expiresAt, EntityId by) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw InvalidInput.field("expiresAt", "must be in the future");
        }
        var lookup = random(9); // 12 base64url characters
        var secret = PREFIX + lookup + "_" + random(32);
        var id = Ids.newId(clock);
        var now = clock.instant();
        int inserted = jdbc.sql(
                        """
                        insert into api_keys (id, name, lookup, secret_hash, scopes, created_at, created_by, expires_at)
                        values (?, ?, ?, ?, ?::text[], ?, ?, ?) on conflict (name) do nothing
                        """)
                .param(id)
                .param(name)
                .param(lookup)
                .param(hash(secret))
                .param(new TreeSet<>(scopes).toArray(String[]::new))
                .param(Timestamp.from(now))
                .param(by.value())
                .param(new SqlParameterValue(Types.TIMESTAMP, expiresAt == null ? null : Timestamp.from(expiresAt)))
                .update();
        if (inserted == 0) {
            throw Conflict.of("API_KEY_NAME_TAKEN", "an API key named '" + name + "' exists (names are never reused)");
        }
        return new Created(find(id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        return jdbc.sql("select * from api_keys order by created_at, id")
                .query(ApiKeys::row)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ApiKey> find(UUID id) {
        return jdbc.sql("select * from api_keys where id = ?")
                .param(id)
                .query(ApiKeys::row)
                .optional();
    }

    @Transactional
    public ApiKey revoke(UUID id, EntityId by) {
        jdbc.sql("update api_keys set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .param(Timestamp.from(clock.instant()))
                .param(by.value())
                .param(id)
                .update();
        return find(id).orElseThrow(() -> NotFound.of("UNKNOWN_API_KEY", "no API key " + id));
    }

    /** The usable key this secret belongs to, if any: unknown, wrong, revoked and expired keys give nothing. */
    @Transactional(readOnly = true)
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        var rest = presented.substring(PREFIX.length());
        int separator = rest.indexOf('_', 12);
        if (separator != 12) {
            return Optional.empty();
        }
        var lookup = rest.substring(0, 12);
        var now = clock.instant();
        return jdbc.sql("select *, secret_hash as h from api_keys where lookup = ?")
                .param(lookup)
                .query((rs, n) -> new Object[] {row(rs, n), rs.getString("h")})
                .optional()
                .filter(r -> MessageDigest.isEqual(
                        ((String) r[1]).getBytes(StandardCharsets.US_ASCII),
                        hash(presented).getBytes(StandardCharsets.US_ASCII)))
                .map(r -> (ApiKey) r[0])
                .filter(k -> k.usableAt(now));
    }

    private static ApiKey row(ResultSet rs, int n) throws SQLException {
        Array scopes = rs.getArray("scopes");
        var expires = rs.getTimestamp("expires_at");
        var revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Set.of((String[]) scopes.getArray()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                expires == null ? null : expires.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static String random(int bytes) {
        var b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(b)
                .replace('_', 'x')
                .replace('-', 'y');
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
