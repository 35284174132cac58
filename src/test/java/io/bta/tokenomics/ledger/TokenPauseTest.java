package io.bta.tokenomics.ledger;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The emergency pause per token: while BTA-UTIL is paused every movement of it is refused with
 * 409 TOKEN_PAUSED and nothing moves (single transfers, the batch, mint, burn, lock, unlock, a
 * stake, a swap), the other tokens move, reads go on, and everything moves again after the
 * unpause; by the API and by governance's actions.
 */
@IntegrationTest
class TokenPauseTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ProposalActionType> actions;

    Api api;
    String admin;
    String alice;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.adminToken();
        api.post("/api/tokens/initialize", admin, null);
        alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        for (var token : List.of("BTA-UTIL", "BTA-GOV")) {
            assertThat(api.post(
                                    "/api/tokens/transfer",
                                    admin,
                                    json(
                                            "fromEntityId",
                                            "treasury",
                                            "toEntityId",
                                            alice,
                                            "tokenId",
                                            token,
                                            "amount",
                                            "100"))
                            .status())
                    .isEqualTo(201);
        }
    }

    @AfterEach
    void unpauseAndCheck() {
        for (var token : ledger.tokens()) {
            if (token.paused()) {
                ledger.unpause(token.id(), EntityId.of("admin"));
            }
        }
        Invariants.assertHold(jdbc);
    }

    Api.Response transfer(String token, String amount) {
        return api.post(
                "/api/tokens/transfer",
                Api.token(alice),
                json("fromEntityId", alice, "toEntityId", "bob", "tokenId", token, "amount", amount));
    }

    @Test
    void everyMovementOfAPausedTokenIsRefusedAndTheOthersMove() {
        var paused = api.post("/api/tokens/BTA-UTIL/pause", admin, "{\"reason\":\"incident 42\"}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        assertThat(paused.text("pauseReason")).isEqualTo("incident 42");
        assertThat(paused.text("pausedAt")).isNotBlank();
        assertThat(api.get("/api/tokens/BTA-UTIL", Api.token(alice))
                        .json()
                        .get("paused")
                        .asBoolean())
                .isTrue();

        long head = Invariants.ledgerHead(jdbc);
        var refused = List.of(
                transfer("BTA-UTIL", "1"),
                api.post("/api/tokens/mint", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "1")),
                api.post("/api/tokens/burn", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "1")),
                api.post("/api/tokens/lock", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "1")),
                api.post("/api/tokens/unlock", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "1")),
                api.post(
                        "/api/tokens/transfers/batch",
                        admin,
                        "{\"mode\":\"ATOMIC\",\"transfers\":["
                                + json("fromEntityId", alice, "toEntityId", "bob", "tokenId", "BTA-UTIL", "amount", "1")
                                + "]}"));
        for (var r : refused) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.body()).contains("TOKEN_PAUSED");
        }
        // a stake in a BTA-UTIL pool moves BTA-UTIL: refused too
        var pool = api.post(
                        "/api/staking/pools",
                        admin,
                        "{\"tokenId\":\"BTA-UTIL\",\"name\":\"paused\",\"apy\":5,\"minStakeAmount\":\"1\",\"lockPeriod\":0}")
                .text("id");
        var stake = api.post("/api/staking/stake", Api.token(alice), json("poolId", pool, "amount", "10"));
        assertThat(stake.status()).as(stake.body()).isEqualTo(409);
        assertThat(stake.code()).isEqualTo("TOKEN_PAUSED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);

        // the other tokens move; reads go on
        assertThat(transfer("BTA-GOV", "1").status()).isEqualTo(201);
        assertThat(api.get("/api/tokens/balances/" + alice, Api.token(alice)).status())
                .isEqualTo(200);
        var independent = api.post(
                "/api/tokens/transfers/batch",
                admin,
                "{\"mode\":\"INDEPENDENT\",\"transfers\":["
                        + json("fromEntityId", alice, "toEntityId", "bob", "tokenId", "BTA-UTIL", "amount", "1") + ","
                        + json("fromEntityId", alice, "toEntityId", "bob", "tokenId", "BTA-GOV", "amount", "1") + "]}");
        assertThat(independent.status()).as(independent.body()).isEqualTo(200);
        assertThat(independent.body()).contains("TOKEN_PAUSED");
        assertThat(independent.json().get("applied").asLong()).isEqualTo(1);

        // again after the unpause
        assertThat(api.post("/api/tokens/BTA-UTIL/unpause", admin, null).status())
                .isEqualTo(200);
        assertThat(transfer("BTA-UTIL", "1").status()).isEqualTo(201);
        assertThat(api.post("/api/staking/stake", Api.token(alice), json("poolId", pool, "amount", "10"))
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from ledger_token_pauses where reason = 'incident 42' and paused")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPausedRewardTokenRefusesRewardClaimsAndTheRewardStaysPending() {
        var reward = api.post(
                "/api/rewards",
                admin,
                json("recipientId", alice, "type", "MANUAL", "sourceRef", "pause-" + alice, "amount", "2"));
        assertThat(reward.status()).as(reward.body()).isEqualTo(201);
        var id = reward.text("id");
        assertThat(api.post("/api/tokens/BTA-REWARD/pause", admin, "{\"reason\":\"drill\"}")
                        .status())
                .isEqualTo(200);
        long head = Invariants.ledgerHead(jdbc);

        var claim = api.post("/api/rewards/" + id + "/claim", Api.token(alice), null);

        assertThat(claim.status()).as(claim.body()).isEqualTo(409);
        assertThat(claim.code()).isEqualTo("TOKEN_PAUSED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        assertThat(jdbc.sql("select status from rewards where id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(api.post("/api/tokens/BTA-REWARD/unpause", admin, null).status())
                .isEqualTo(200);
        assertThat(api.post("/api/rewards/" + id + "/claim", Api.token(alice), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAnAdminPausesAndAPauseIsNotRepeated() {
        assertThat(api.post("/api/tokens/BTA-GOV/pause", Api.token(alice), "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/tokens/BTA-GOV/pause", admin, "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/tokens/BTA-GOV/pause", admin, "{\"reason\":\"drill\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/tokens/BTA-GOV/pause", admin, "{\"reason\":\"drill\"}")
                        .code())
                .isEqualTo("PAUSE_UNCHANGED");
        assertThat(api.post("/api/tokens/NOPE/pause", admin, "{\"reason\":\"drill\"}")
                        .code())
                .isEqualTo("UNKNOWN_TOKEN");
    }

    @Test
    void governancePausesAndUnpausesByItsActions() {
        var pause = actions.stream()
                .filter(a -> a.type().equals("PAUSE_TOKEN"))
                .findFirst()
                .orElseThrow();
        var unpause = actions.stream()
                .filter(a -> a.type().equals("UNPAUSE_TOKEN"))
                .findFirst()
                .orElseThrow();
        var execution = new ProposalActionType.Execution(new ProposalId(UUID.randomUUID()), EntityId.of("admin"));
        var parameters = pause.validate(Map.of("token", "BTA-GOV", "reason", "vote 7"));
        pause.execute(parameters, execution);
        assertThat(ledger.token("BTA-GOV").paused()).isTrue();
        assertThat(transfer("BTA-GOV", "1").code()).isEqualTo("TOKEN_PAUSED");
        unpause.execute(unpause.validate(Map.of("token", "BTA-GOV")), execution);
        assertThat(ledger.token("BTA-GOV").paused()).isFalse();
        assertThat(transfer("BTA-GOV", "1").status()).isEqualTo(201);
    }
}
