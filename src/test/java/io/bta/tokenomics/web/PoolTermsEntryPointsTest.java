package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.error.InvalidInput.FieldError;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.staking.StakingPool;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same bad term gets the same refusal from every door into staking: the JSON API, the admin
 * page and a governance proposal. The message is the term type's; each door only names the field.
 */
@IntegrationTest
class PoolTermsEntryPointsTest {

    static final String BAD_APY = "1000.5";

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Staking staking;

    @Autowired
    Governance governance;

    Api api;
    PageClient page;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        page = new PageClient(port);
        ledger.initializeTokens(EntityId.of("admin"));
    }

    StakingPool anyPool() {
        var created = api.post(
                "/api/staking/pools",
                Api.adminToken(),
                "{\"tokenId\":\"BTA-UTIL\",\"name\":\"terms " + UUID.randomUUID()
                        + "\",\"apy\":5,\"minStakeAmount\":\"1\",\"lockPeriod\":0}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return staking.pool(PoolId.of(created.text("id")));
    }

    @Test
    void theApiRefusesAnApyOutOfRangeNamingTheFieldWithTheTermsMessage() {
        var r = api.post(
                "/api/staking/pools",
                Api.adminToken(),
                "{\"tokenId\":\"BTA-UTIL\",\"name\":\"too generous\",\"apy\":" + BAD_APY
                        + ",\"minStakeAmount\":\"1\",\"lockPeriod\":4000}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_INPUT");
        var errors = r.json().get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("apy");
        assertThat(errors.get(0).get("message").asString()).isEqualTo(Apy.OUT_OF_RANGE);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("lockPeriod");
        assertThat(errors.get(1).get("message").asString()).isEqualTo(LockPeriod.OUT_OF_RANGE);

        var pool = anyPool();
        var patch = api.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/staking/pools/" + pool.id()))
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"apy\":" + BAD_APY + "}"))
                        .header("Content-Type", "application/json"),
                Api.adminToken(),
                null);
        assertThat(patch.status()).as(patch.body()).isEqualTo(400);
        assertThat(patch.json().get("errors").get(0).get("message").asString()).isEqualTo(Apy.OUT_OF_RANGE);
        assertThat(staking.pool(pool.id()).apy()).isEqualTo(Apy.ofPercent("5"));
    }

    @Test
    void theAdminPageShowsTheTermsMessageNextToTheApyField() {
        page.signIn(Api.adminToken());
        var r = page.post(
                "/app/admin/pools",
                page.withCsrf(
                        "/app/admin",
                        Map.of(
                                "name", "too generous",
                                "tokenId", "BTA-UTIL",
                                "apy", BAD_APY,
                                "minStakeAmount", "1",
                                "lockPeriodDays", "0")));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("<p class=\"error\" id=\"pool.apy-error\">" + Apy.OUT_OF_RANGE + "</p>");

        var pool = anyPool();
        var edit = page.post("/app/admin/pools/" + pool.id(), page.withCsrf("/app/admin", Map.of("apy", BAD_APY)));
        assertThat(edit.statusCode()).isEqualTo(422);
        // The pool table's edit row lists its errors after the field's name.
        assertThat(edit.body()).contains("<p class=\"error\">apy " + Apy.OUT_OF_RANGE + "</p>");
        assertThat(staking.pool(pool.id()).apy()).isEqualTo(Apy.ofPercent("5"));
    }

    @Test
    void aProposalToSetTheApyOutOfRangeIsRefusedWithTheTermsMessage() {
        var pool = anyPool();
        assertThatThrownBy(() -> governance.propose(
                        EntityId.of("proposer-" + UUID.randomUUID()),
                        "Too generous",
                        "",
                        List.of(new ProposalAction(
                                "SET_POOL_APY", Map.of("poolId", pool.id().toString(), "apy", BAD_APY)))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("actions[0]", "apy: " + Apy.OUT_OF_RANGE)));
    }
}
