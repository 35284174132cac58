package io.bta.tokenomics.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed and malicious bodies against every state-changing JSON endpoint, sent as an admin (so
 * that authorization is not what refuses them): no answer is a 5xx, every refusal is a problem
 * document, and a refused request changes nothing in the ledger.
 */
class HostileInputProperties {

    static ConfigurableApplicationContext context;
    static Api api;
    static JdbcClient jdbc;
    static Ledger ledger;

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/test-data/hostile-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--logging.level.io.bta.tokenomics.requests=WARN");
        api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
        jdbc = context.getBean(JdbcClient.class);
        ledger = context.getBean(Ledger.class);
        ledger.initializeTokens(EntityId.of("admin"));
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    record Target(String method, String path) {}

    static final List<Target> TARGETS = List.of(
            new Target("POST", "/api/tokens/transfer"),
            new Target("POST", "/api/tokens/mint"),
            new Target("POST", "/api/tokens/burn"),
            new Target("POST", "/api/tokens/lock"),
            new Target("POST", "/api/tokens/unlock"),
            new Target("PUT", "/api/trust/fuzz-entity"),
            new Target("POST", "/api/governance/proposals"),
            new Target("POST", "/api/governance/proposals/" + UUID.randomUUID() + "/vote"),
            new Target("POST", "/api/governance/delegate"),
            new Target("POST", "/api/staking/pools"),
            new Target("PATCH", "/api/staking/pools/" + UUID.randomUUID()),
            new Target("POST", "/api/staking/stake"),
            new Target("POST", "/api/staking/distribute"),
            new Target("POST", "/api/rewards"),
            new Target("POST", "/api/rewards/triggers/transaction"),
            new Target("POST", "/api/rewards/triggers/learning"),
            new Target("POST", "/api/rewards/triggers/referral"),
            new Target("POST", "/api/guarantees/allocations"),
            new Target("POST", "/api/guarantees/allocations/" + UUID.randomUUID() + "/release"),
            new Target("PUT", "/api/auctions/fuzz-auction"),
            new Target("POST", "/api/auctions/fuzz-auction/participants"),
            new Target("POST", "/api/auctions/fuzz-auction/settle"),
            new Target("POST", "/api/admin/api-keys"));

    static final List<String> FIELDS = List.of(
            "toEntityId",
            "fromEntityId",
            "entityId",
            "tokenId",
            "amount",
            "memo",
            "score",
            "title",
            "description",
            "actions",
            "support",
            "reason",
            "delegateeId",
            "name",
            "apy",
            "minStakeAmount",
            "lockPeriod",
            "minTrustScore",
            "maxTotalStake",
            "earlyUnstakePenalty",
            "status",
            "poolId",
            "recipientId",
            "type",
            "sourceRef",
            "transactionRef",
            "transactionValue",
            "courseId",
            "level",
            "referrerId",
            "refereeId",
            "rewardTokenId",
            "guaranteeId",
            "guarantorId",
            "beneficiaryId",
            "collateral",
            "expiresAt",
            "baseBond",
            "participationFee",
            "closesAt",
            "bidderId",
            "winnerId",
            "defaulted",
            "scopes");

    @Provide
    Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "null",
                        "true",
                        "[]",
                        "{}",
                        "[1,2]",
                        "{\"a\":{\"b\":[]}}",
                        "\"\"",
                        "\" \"",
                        "-1",
                        "0",
                        "-0.0",
                        "1e309",
                        "-1e309",
                        "1e-400",
                        "99999999999999999999999999999999999999",
                        "0.0000000000000000001",
                        "\"0.0000000000000000001\"",
                        "\"1e999999999\"",
                        "\"NaN\"",
                        "\"Infinity\"",
                        "\"-5\"",
                        "\"abc\"",
                        "\"BTA-GOV\"",
                        "\"GOVERNANCE\"",
                        "\"treasury\"",
                        "\"\\u0000\"",
                        "\"a b c\"",
                        "\"'; drop table ledger_balances; --\"",
                        "\"../../etc/passwd\"",
                        "\"<script>\"",
                        "\"é\"",
                        "\"" + "x".repeat(10_000) + "\"",
                        "\"FOR\"",
                        "\"MINT\"",
                        "[{\"type\":\"MINT\",\"tokenId\":\"BTA-GOV\",\"toEntityId\":\"x\",\"amount\":\"-1\"}]",
                        "[{\"type\":\"SET_PARAMETER\",\"key\":\"governance.voting-period\",\"value\":\"0s\"}]",
                        "[null]",
                        "12.5",
                        "100.0000001"),
                Arbitraries.strings()
                        .ofMaxLength(40)
                        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.bigDecimals().map(d -> d.toPlainString()));
    }

    @Provide
    Arbitrary<String> bodies() {
        var field = Combinators.combine(Arbitraries.of(FIELDS), hostileValues()).as((k, v) -> "\"" + k + "\":" + v);
        var objects = field.list().ofMinSize(0).ofMaxSize(8).map(fs -> "{" + String.join(",", fs) + "}");
        var garbage = Arbitraries.of(
                "",
                "{",
                "}",
                "[",
                "nul",
                "{\"amount\":}",
                "{\"a\":1,}",
                "{'a':1}",
                "{\"amount\":\"1\"} trailing",
                "\u0000\u0001",
                "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, objects), net.jqwik.api.Tuple.of(1, garbage));
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/json",
                "application/json",
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "application/json; charset=latin1");
    }

    @Property(tries = 400)
    void hostileBodiesAreRefusedWithProblemsAndChangeNothing(
            @ForAll("targets") Target target,
            @ForAll("bodies") String body,
            @ForAll("contentTypes") String contentType) {
        long before = ledger.lastSequence();
        var request = HttpRequest.newBuilder(URI.create(base() + target.path()))
                .header("Content-Type", contentType)
                .method(target.method(), HttpRequest.BodyPublishers.ofString(body));
        var r = api.send(request, Api.adminToken(), null);
        assertThat(r.status())
                .as("%s %s %s -> %s", target.method(), target.path(), body, r.body())
                .isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.isProblem())
                    .as("%s %s %s -> %s", target.method(), target.path(), body, r.body())
                    .isTrue();
            assertThat(ledger.lastSequence())
                    .as("a refused request changed the ledger")
                    .isEqualTo(before);
        }
        Invariants.assertHold(jdbc);
    }

    private static String base() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
