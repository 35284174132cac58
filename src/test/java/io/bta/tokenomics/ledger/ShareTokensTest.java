package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.audit.Audit;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The catalog open to share tokens (ADR 0031): any number of LP_SHARE tokens, each minted and
 * burned by its issuer only, inside the supply invariant and the audit chain; the four BTA tokens
 * keep one token per type. The context is discarded after the class, so other classes still see
 * a catalog of the four BTA tokens.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ShareTokensTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final EntityId ISSUER = EntityId.of("system:share-issuer");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Audit audit;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }

    private Token newShareToken() {
        var suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return ledger.createShareToken("BTA-LP-T" + suffix, "test share " + suffix, ISSUER);
    }

    @Test
    void aShareTokenIsListedAfterTheBtaTokensAndResolvedBySymbolButNotByType() {
        var share = newShareToken();

        assertThat(share.type()).isEqualTo(TokenType.LP_SHARE);
        assertThat(share.decimals()).isEqualTo(18);
        assertThat(share.maxSupply()).isNull();
        assertThat(share.totalSupply()).isEqualTo(Amount.ZERO);
        var listed = api.get("/api/tokens", Api.token("reader"));
        assertThat(listed.json().get(0).get("symbol").asString()).isEqualTo("BTA-GOV");
        assertThat(listed.json().get(3).get("symbol").asString()).isEqualTo("BTA-GUAR");
        assertThat(listed.body()).contains(share.symbol());
        assertThat(ledger.resolve(share.symbol().toLowerCase())).isEqualTo(share.id());
        assertThat(api.get("/api/tokens/LP_SHARE", Api.token("reader")).status())
                .isEqualTo(404);
    }

    @Test
    void onlyTheIssuerMintsAndBurnsAShareTokenAndTheSupplyFollows() {
        var share = newShareToken();
        var holder = EntityId.of("share-holder-" + UUID.randomUUID());
        ledger.mint(share.id(), holder, Amount.of("5"), "issued", ISSUER);

        var byAdmin = api.post(
                "/api/tokens/mint",
                Api.adminToken(),
                Api.json("entityId", holder.value(), "tokenId", share.symbol(), "amount", "1"));
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(422);
        assertThat(byAdmin.code()).isEqualTo("NOT_TOKEN_ISSUER");
        var burnByAdmin = api.post(
                "/api/tokens/burn",
                Api.adminToken(),
                Api.json("entityId", holder.value(), "tokenId", share.symbol(), "amount", "1"));
        assertThat(burnByAdmin.code()).isEqualTo("NOT_TOKEN_ISSUER");

        ledger.burn(share.id(), holder, Amount.of("2"), "redeemed", ISSUER);
        var other = EntityId.of("share-other-" + UUID.randomUUID());
        ledger.transfer(share.id(), holder, other, Amount.of("1"), "moved", holder);
        assertThat(ledger.token(share.id().toString()).totalSupply()).isEqualTo(Amount.of("3"));
        assertThat(ledger.balance(holder, share.id()).available()).isEqualTo(Amount.of("2"));
    }

    @Test
    void shareTokenTransactionsAreSealedByTheAuditChain() {
        var share = newShareToken();
        ledger.mint(share.id(), EntityId.of("sealed-holder"), Amount.of("1"), "issued", ISSUER);
        audit.sealAll();
        var verify = api.post("/api/audit/verify", Api.adminToken(), null);
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().get("valid").asBoolean()).isTrue();
        var unsealed = jdbc.sql(
                        """
                        select count(*) from ledger_transactions t
                        where t.token_id = ? and not exists (select 1 from audit_entries e where e.sequence = t.sequence)
                        """)
                .param(share.id().value())
                .query(Long.class)
                .single();
        assertThat(unsealed).isZero();
    }

    @Test
    void aSecondTokenOfABtaTypeIsStillRefusedByTheSchema() {
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                insert into ledger_tokens (id, symbol, name, type, decimals, initial_supply, created_at)
                                values (?, 'BTA-GOV2', 'second', 'GOVERNANCE', 18, 0, ?)
                                """)
                        .param(UUID.randomUUID())
                        .param(Timestamp.from(Instant.now()))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                insert into ledger_tokens (id, symbol, name, type, decimals, initial_supply, max_supply,
                                                           created_at, issuer)
                                values (?, 'BTA-LP-CAPPED', 'capped', 'LP_SHARE', 18, 0, ?, ?, 'system:amm')
                                """)
                        .param(UUID.randomUUID())
                        .param(BigDecimal.TEN)
                        .param(Timestamp.from(Instant.now()))
                        .update())
                .as("a share token has no cap")
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
