package io.bta.tokenomics.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.ApiCatalog;
import io.bta.tokenomics.support.ApiCatalog.Endpoint;
import io.bta.tokenomics.support.Invariants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Suite 4, hostile input: every endpoint of the API (the table {@link #ROWS}, checked against the
 * OpenAPI document) receives inputs that are wrong by construction: one field of a valid body
 * replaced by a value of the wrong type, a negative, zero, huge or over-precise amount, an overlong
 * or odd entity id, a required field left out, an unknown field, broken JSON, the wrong content
 * type, a body over the size limit (declared or chunked), an odd path variable or query parameter,
 * or a method the path does not have. All are sent as an admin, so that authorization is not what
 * refuses them. Every answer must be a 4xx problem document (type, title, status, detail), never a
 * 5xx and never a success, and the database must not change: balances, supplies, the ledger's
 * head and transaction count, and the rows of every other module.
 */
class HostileInputProperties {

    static final int MAX_BODY_BYTES = 64 * 1024;

    static ConfigurableApplicationContext context;
    static JdbcClient jdbc;
    static int port;

    /** Inputs tried and answers seen, per endpoint, printed after the run. */
    static final Map<String, Map<Integer, Integer>> SEEN = new ConcurrentHashMap<>();

    /** Inputs tried per kind (a wrong field, a duplicate key, an odd claim...), printed after the run. */
    static final Map<String, Integer> KINDS = new ConcurrentHashMap<>();

    static final List<String> VIOLATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/test-data/hostile-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.limits.max-body-size=" + MAX_BODY_BYTES + "B",
                        "--tokenomics.limits.rate-limit.enabled=false",
                        "--tokenomics.webhooks.follow-interval-ms=3600000",
                        "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                        "--tokenomics.audit.seal-interval=1h",
                        "--logging.level.io.bta.tokenomics.requests=WARN");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        jdbc = context.getBean(JdbcClient.class);
        var api = new Api(port);
        api.post("/api/tokens/initialize", Api.adminToken(), null);
        // something to hold, so that a mistaken success would show in the snapshot
        api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                Api.json("fromEntityId", "treasury", "toEntityId", "admin", "tokenId", "BTA-UTIL", "amount", "1000"));
    }

    @AfterContainer
    static void stop() {
        if (context == null) {
            return;
        }
        try {
            int total = 0;
            var statuses = new TreeMap<Integer, Integer>();
            for (var e : new TreeMap<>(SEEN).entrySet()) {
                int n = e.getValue().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                total += n;
                e.getValue().forEach((s, c) -> statuses.merge(s, c, Integer::sum));
                System.out.printf("hostile %-58s %4d inputs %s%n", e.getKey(), n, new TreeMap<>(e.getValue()));
            }
            System.out.printf("hostile kinds: %s%n", new TreeMap<>(KINDS));
            System.out.printf(
                    "hostile input: %d inputs over %d endpoints; statuses %s; violations %d%n",
                    total, SEEN.size(), statuses, VIOLATIONS.size());
            VIOLATIONS.stream().limit(50).forEach(v -> System.out.println("hostile VIOLATION " + v));
            Invariants.assertHold(jdbc);
            assertThat(VIOLATIONS)
                    .as("hostile inputs that were not refused with a 4xx problem")
                    .isEmpty();
            if (!SEEN.isEmpty()) {
                var untried = ROWS.stream()
                        .map(r -> r.endpoint().toString())
                        .filter(e -> !SEEN.containsKey(e))
                        .toList();
                assertThat(untried).as("endpoints that got no hostile input").isEmpty();
            }
        } finally {
            context.close();
        }
    }

    // ---- the table --------------------------------------------------------------------------------

    /** What a field, path variable or query parameter holds, and so which values are wrong for it. */
    enum Kind {
        AMOUNT,
        ENTITY,
        TOKEN,
        ENUM,
        INSTANT,
        SCORE,
        UUID,
        /** Only values of the wrong JSON type are certain to be refused. */
        ANY,
        ENTITY_LIST,
        SCOPES,
        EVENT_TYPES,
        URL,
        KEY_NAME,
        GUARANTEE_ID,
        TRANSFERS,
        ACTIONS,
        COLLATERAL,
        LONG,
        LIMIT,
        CURSOR,
        TEXT_100,
        TEXT_200,
        TEXT_500,
        MESSAGE_ID,
        /** 64 hex digits (a ledger transaction's hash). */
        TX_HASH
    }

    record Field(String name, Kind kind, boolean required) {}

    /**
     * One endpoint: its method and path template, the path variables' kinds, a valid body (or
     * null for an endpoint without one), its fields, whether the body may be absent, and the query
     * parameters' kinds.
     */
    record Row(
            String method,
            String path,
            Map<String, Kind> pathVariables,
            String validBody,
            List<Field> fields,
            boolean bodyOptional,
            Map<String, Kind> query) {

        Endpoint endpoint() {
            return new Endpoint(method, path);
        }
    }

    static final class RowBuilder {
        final String method;
        final String path;
        final Map<String, Kind> vars = new LinkedHashMap<>();
        final Map<String, Kind> query = new LinkedHashMap<>();
        final List<Field> fields = new ArrayList<>();
        String body;
        boolean optional;

        RowBuilder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        RowBuilder var(String name, Kind kind) {
            vars.put(name, kind);
            return this;
        }

        RowBuilder query(String name, Kind kind) {
            query.put(name, kind);
            return this;
        }

        RowBuilder body(String json) {
            body = json;
            return this;
        }

        RowBuilder optionalBody(String json) {
            body = json;
            optional = true;
            return this;
        }

        RowBuilder req(String name, Kind kind) {
            fields.add(new Field(name, kind, true));
            return this;
        }

        RowBuilder opt(String name, Kind kind) {
            fields.add(new Field(name, kind, false));
            return this;
        }

        Row row() {
            return new Row(method, path, Map.copyOf(vars), body, List.copyOf(fields), optional, Map.copyOf(query));
        }
    }

    static RowBuilder on(String method, String path) {
        return new RowBuilder(method, path);
    }

    private static final String ENTITY_AMOUNT =
            "{\"entityId\":\"fuzz-holder\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"memo\":\"m\"}";

    static final List<Row> ROWS = List.of(
            // ledger
            on("GET", "/api/tokens").row(),
            on("GET", "/api/tokens/{identifier}").var("identifier", Kind.TOKEN).row(),
            on("POST", "/api/tokens/initialize").row(),
            on("GET", "/api/tokens/balances").row(),
            on("GET", "/api/tokens/balances/{entityId}")
                    .var("entityId", Kind.ENTITY)
                    .row(),
            on("GET", "/api/tokens/balances/{entityId}/{tokenId}")
                    .var("entityId", Kind.ENTITY)
                    .var("tokenId", Kind.TOKEN)
                    .row(),
            on("POST", "/api/tokens/transfer")
                    .body("{\"fromEntityId\":\"treasury\",\"toEntityId\":\"fuzz-b\",\"tokenId\":\"BTA-UTIL\","
                            + "\"amount\":\"1\",\"memo\":\"m\"}")
                    .opt("fromEntityId", Kind.ENTITY)
                    .req("toEntityId", Kind.ENTITY)
                    .req("tokenId", Kind.TOKEN)
                    .req("amount", Kind.AMOUNT)
                    .opt("memo", Kind.TEXT_500)
                    .row(),
            on("POST", "/api/tokens/transfers/batch")
                    .body("{\"mode\":\"ATOMIC\",\"transfers\":[{\"fromEntityId\":\"treasury\",\"toEntityId\":"
                            + "\"fuzz-b\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\"}]}")
                    .req("mode", Kind.ENUM)
                    .req("transfers", Kind.TRANSFERS)
                    .row(),
            amountOperation("/api/tokens/mint"),
            amountOperation("/api/tokens/burn"),
            amountOperation("/api/tokens/lock"),
            amountOperation("/api/tokens/unlock"),
            history(on("GET", "/api/tokens/transactions")),
            history(on("GET", "/api/tokens/transactions/{entityId}").var("entityId", Kind.ENTITY)),
            on("GET", "/api/tokens/transactions/{id}/proof")
                    .var("id", Kind.UUID)
                    .row(),
            on("GET", "/api/tokens/transactions/by-hash/{txHash}")
                    .var("txHash", Kind.TX_HASH)
                    .row(),
            on("GET", "/api/tokens/balance-snapshot")
                    .query("entityId", Kind.ENTITY)
                    .row(),
            // analytics
            on("GET", "/api/analytics/tokens/{tokenId}/series")
                    .var("tokenId", Kind.TOKEN)
                    .query("metric", Kind.ENUM)
                    .query("interval", Kind.ENUM)
                    .query("from", Kind.INSTANT)
                    .query("to", Kind.INSTANT)
                    .row(),
            on("GET", "/api/analytics/overview").query("limit", Kind.LIMIT).row(),
            on("POST", "/api/analytics/snapshots").row(),
            // trust
            on("GET", "/api/trust/{entityId}").var("entityId", Kind.ENTITY).row(),
            on("GET", "/api/trust/{entityId}/history")
                    .var("entityId", Kind.ENTITY)
                    .query("limit", Kind.LIMIT)
                    .row(),
            on("PUT", "/api/trust/{entityId}")
                    .var("entityId", Kind.ENTITY)
                    .body("{\"score\":50}")
                    .req("score", Kind.SCORE)
                    .row(),
            // audit
            on("GET", "/api/audit/blocks")
                    .query("limit", Kind.LIMIT)
                    .query("cursor", Kind.CURSOR)
                    .row(),
            on("GET", "/api/audit/blocks/{height}").var("height", Kind.LONG).row(),
            on("POST", "/api/audit/verify")
                    .optionalBody("{}")
                    .opt("fromHeight", Kind.LONG)
                    .opt("toHeight", Kind.LONG)
                    .row(),
            // events
            on("GET", "/api/events/stream").query("lastEventId", Kind.LONG).row(),
            // governance
            on("GET", "/api/governance/proposals")
                    .query("status", Kind.ENUM)
                    .query("proposerId", Kind.ENTITY)
                    .query("limit", Kind.LIMIT)
                    .query("cursor", Kind.CURSOR)
                    .row(),
            on("POST", "/api/governance/proposals")
                    .body("{\"title\":\"t\",\"description\":\"d\",\"actions\":[]}")
                    .req("title", Kind.TEXT_200)
                    .opt("description", Kind.ANY)
                    .opt("actions", Kind.ACTIONS)
                    .row(),
            on("GET", "/api/governance/proposals/{proposalId}")
                    .var("proposalId", Kind.UUID)
                    .row(),
            on("GET", "/api/governance/proposals/{proposalId}/voting-power")
                    .var("proposalId", Kind.UUID)
                    .row(),
            on("GET", "/api/governance/proposals/{proposalId}/votes")
                    .var("proposalId", Kind.UUID)
                    .query("limit", Kind.LIMIT)
                    .query("cursor", Kind.CURSOR)
                    .row(),
            on("POST", "/api/governance/proposals/{proposalId}/vote")
                    .var("proposalId", Kind.UUID)
                    .body("{\"support\":\"FOR\",\"reason\":\"r\"}")
                    .req("support", Kind.ENUM)
                    .opt("reason", Kind.ANY)
                    .row(),
            on("POST", "/api/governance/proposals/{proposalId}/cancel")
                    .var("proposalId", Kind.UUID)
                    .row(),
            on("POST", "/api/governance/proposals/{proposalId}/execute")
                    .var("proposalId", Kind.UUID)
                    .row(),
            on("POST", "/api/governance/proposals/{proposalId}/verify-tally")
                    .var("proposalId", Kind.UUID)
                    .row(),
            on("POST", "/api/governance/delegate")
                    .body("{\"delegateeId\":\"fuzz-delegatee\"}")
                    .req("delegateeId", Kind.ENTITY)
                    .row(),
            on("GET", "/api/governance/delegate").row(),
            on("DELETE", "/api/governance/delegate").row(),
            on("GET", "/api/governance/parameters").row(),
            // staking
            on("GET", "/api/staking/pools").row(),
            on("POST", "/api/staking/pools")
                    .body("{\"tokenId\":\"BTA-UTIL\",\"name\":\"fuzz\",\"apy\":5,\"minStakeAmount\":\"1\","
                            + "\"lockPeriod\":0}")
                    .req("tokenId", Kind.TOKEN)
                    .req("name", Kind.ANY)
                    .req("apy", Kind.ANY)
                    .req("minStakeAmount", Kind.ANY)
                    .req("lockPeriod", Kind.ANY)
                    .opt("minTrustScore", Kind.SCORE)
                    .opt("rewardTokenId", Kind.TOKEN)
                    .opt("maxTotalStake", Kind.ANY)
                    .opt("earlyUnstakePenalty", Kind.ANY)
                    .row(),
            on("PATCH", "/api/staking/pools/{poolId}")
                    .var("poolId", Kind.UUID)
                    .body("{\"apy\":5}")
                    .opt("apy", Kind.ANY)
                    .opt("status", Kind.ENUM)
                    .opt("minTrustScore", Kind.SCORE)
                    .row(),
            on("POST", "/api/staking/stake")
                    .body("{\"poolId\":\"" + UUID.randomUUID() + "\",\"amount\":\"1\"}")
                    .req("poolId", Kind.UUID)
                    .req("amount", Kind.AMOUNT)
                    .row(),
            on("POST", "/api/staking/unstake/{stakeId}")
                    .var("stakeId", Kind.UUID)
                    .row(),
            on("GET", "/api/staking/stakes").row(),
            on("GET", "/api/staking/stakes/{stakerId}")
                    .var("stakerId", Kind.ENTITY)
                    .row(),
            on("GET", "/api/staking/stakes/{stakerId}/rewards")
                    .var("stakerId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/staking/distribute")
                    .optionalBody("{}")
                    .opt("poolId", Kind.UUID)
                    .row(),
            // amm
            on("GET", "/api/amm/pools").row(),
            on("POST", "/api/amm/pools")
                    .body("{\"tokenA\":\"BTA-GOV\",\"tokenB\":\"BTA-UTIL\"}")
                    .req("tokenA", Kind.TOKEN)
                    .req("tokenB", Kind.TOKEN)
                    .opt("feeBps", Kind.ANY)
                    .opt("trustFeeBps", Kind.ANY)
                    .opt("trustMinScore", Kind.SCORE)
                    .row(),
            on("GET", "/api/amm/pools/{poolId}").var("poolId", Kind.UUID).row(),
            on("PATCH", "/api/amm/pools/{poolId}")
                    .var("poolId", Kind.UUID)
                    .body("{\"status\":\"ACTIVE\"}")
                    .opt("status", Kind.ENUM)
                    .opt("feeBps", Kind.ANY)
                    .opt("trustFeeBps", Kind.ANY)
                    .opt("trustMinScore", Kind.SCORE)
                    .row(),
            on("GET", "/api/amm/pools/{poolId}/twap")
                    .var("poolId", Kind.UUID)
                    .query("window", Kind.ANY)
                    .row(),
            on("GET", "/api/amm/pools/{poolId}/series")
                    .var("poolId", Kind.UUID)
                    .query("interval", Kind.ANY)
                    .query("from", Kind.INSTANT)
                    .query("to", Kind.INSTANT)
                    .row(),
            on("GET", "/api/amm/pools/{poolId}/stats")
                    .var("poolId", Kind.UUID)
                    .query("window", Kind.ANY)
                    .row(),
            on("POST", "/api/amm/pools/{poolId}/liquidity")
                    .var("poolId", Kind.UUID)
                    .body("{\"amountADesired\":\"1\",\"amountBDesired\":\"1\"}")
                    .req("amountADesired", Kind.AMOUNT)
                    .req("amountBDesired", Kind.AMOUNT)
                    .opt("amountAMin", Kind.ANY)
                    .opt("amountBMin", Kind.ANY)
                    .opt("deadline", Kind.INSTANT)
                    .row(),
            on("POST", "/api/amm/pools/{poolId}/liquidity/remove")
                    .var("poolId", Kind.UUID)
                    .body("{\"liquidity\":\"1\"}")
                    .req("liquidity", Kind.AMOUNT)
                    .opt("amountAMin", Kind.ANY)
                    .opt("amountBMin", Kind.ANY)
                    .opt("deadline", Kind.INSTANT)
                    .row(),
            on("POST", "/api/amm/swap")
                    .body(
                            "{\"tokenIn\":\"BTA-UTIL\",\"tokenOut\":\"BTA-GOV\",\"amountIn\":\"1\",\"amountOutMin\":\"0\"}")
                    .req("tokenIn", Kind.TOKEN)
                    .req("tokenOut", Kind.TOKEN)
                    .req("amountIn", Kind.AMOUNT)
                    .req("amountOutMin", Kind.ANY)
                    .opt("deadline", Kind.INSTANT)
                    .row(),
            on("GET", "/api/amm/quote")
                    .query("tokenIn", Kind.TOKEN)
                    .query("tokenOut", Kind.TOKEN)
                    .query("amountIn", Kind.AMOUNT)
                    .query("amountOut", Kind.AMOUNT)
                    .row(),
            // airdrops
            on("GET", "/api/airdrops")
                    .query("limit", Kind.LIMIT)
                    .query("cursor", Kind.CURSOR)
                    .row(),
            on("POST", "/api/airdrops")
                    .body("{\"tokenId\":\"BTA-UTIL\",\"name\":\"hostile\",\"endsAt\":\"2100-01-01T00:00:00Z\","
                            + "\"claims\":[{\"entityId\":\"alice\",\"amount\":\"1\"}]}")
                    .req("tokenId", Kind.TOKEN)
                    .req("name", Kind.TEXT_200)
                    .req("claims", Kind.ANY)
                    .req("endsAt", Kind.INSTANT)
                    .opt("startsAt", Kind.INSTANT)
                    .opt("minTrustScore", Kind.SCORE)
                    .row(),
            on("GET", "/api/airdrops/{id}").var("id", Kind.UUID).row(),
            on("GET", "/api/airdrops/{id}/proof/{entityId}")
                    .var("id", Kind.UUID)
                    .var("entityId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/airdrops/{id}/claim")
                    .var("id", Kind.UUID)
                    .optionalBody("{}")
                    .opt("entityId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/airdrops/{id}/sweep").var("id", Kind.UUID).row(),
            // farms
            on("GET", "/api/farms").row(),
            on("POST", "/api/farms")
                    .body("{\"stakeTokenId\":\"BTA-GOV\",\"allocPoint\":1}")
                    .req("stakeTokenId", Kind.TOKEN)
                    .req("allocPoint", Kind.LONG)
                    .opt("startsAt", Kind.INSTANT)
                    .opt("endsAt", Kind.INSTANT)
                    .row(),
            on("GET", "/api/farms/program").row(),
            on("PATCH", "/api/farms/program")
                    .body("{\"rewardPerSecond\":\"1\"}")
                    .req("rewardPerSecond", Kind.AMOUNT)
                    .row(),
            on("GET", "/api/farms/{id}").var("id", Kind.UUID).row(),
            on("PATCH", "/api/farms/{id}")
                    .var("id", Kind.UUID)
                    .body("{\"allocPoint\":1}")
                    .req("allocPoint", Kind.LONG)
                    .row(),
            on("POST", "/api/farms/{id}/deposit")
                    .var("id", Kind.UUID)
                    .body("{\"amount\":\"1\"}")
                    .req("amount", Kind.AMOUNT)
                    .row(),
            on("POST", "/api/farms/{id}/withdraw")
                    .var("id", Kind.UUID)
                    .body("{\"amount\":\"1\"}")
                    .req("amount", Kind.AMOUNT)
                    .row(),
            on("POST", "/api/farms/{id}/harvest").var("id", Kind.UUID).row(),
            on("POST", "/api/farms/{id}/emergency-withdraw")
                    .var("id", Kind.UUID)
                    .row(),
            on("GET", "/api/farms/{id}/positions/{entityId}")
                    .var("id", Kind.UUID)
                    .var("entityId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/farms/{id}/positions/{entityId}/kick")
                    .var("id", Kind.UUID)
                    .var("entityId", Kind.ENTITY)
                    .row(),
            // vesting
            on("GET", "/api/vesting").query("beneficiaryId", Kind.ENTITY).row(),
            on("POST", "/api/vesting")
                    .body("{\"beneficiaryId\":\"alice\",\"tokenId\":\"BTA-UTIL\",\"total\":\"1\","
                            + "\"start\":\"2026-01-01T00:00:00Z\",\"durationSeconds\":60,\"revocable\":false}")
                    .req("beneficiaryId", Kind.ENTITY)
                    .req("tokenId", Kind.TOKEN)
                    .req("total", Kind.AMOUNT)
                    .req("start", Kind.INSTANT)
                    .req("durationSeconds", Kind.LONG)
                    .req("revocable", Kind.ANY)
                    .opt("cliffSeconds", Kind.LONG)
                    .row(),
            on("GET", "/api/vesting/{id}").var("id", Kind.UUID).row(),
            on("POST", "/api/vesting/{id}/release").var("id", Kind.UUID).row(),
            on("POST", "/api/vesting/{id}/revoke").var("id", Kind.UUID).row(),
            // nft
            on("GET", "/api/nft/collections").row(),
            on("POST", "/api/nft/collections")
                    .body("{\"symbol\":\"HOSTILE-1\",\"name\":\"n\",\"soulbound\":false}")
                    .req("symbol", Kind.TEXT_100)
                    .req("name", Kind.TEXT_200)
                    .req("soulbound", Kind.ANY)
                    .opt("maxSupply", Kind.LONG)
                    .row(),
            on("POST", "/api/nft/collections/{collection}/mint")
                    .var("collection", Kind.TEXT_100)
                    .body("{\"toEntityId\":\"alice\",\"metadata\":{\"name\":\"n\"}}")
                    .req("toEntityId", Kind.ENTITY)
                    .req("metadata", Kind.ANY)
                    .row(),
            on("POST", "/api/nft/{collection}/{tokenNumber}/transfer")
                    .var("collection", Kind.TEXT_100)
                    .var("tokenNumber", Kind.LONG)
                    .body("{\"toEntityId\":\"alice\"}")
                    .req("toEntityId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/nft/{collection}/{tokenNumber}/withdraw")
                    .var("collection", Kind.TEXT_100)
                    .var("tokenNumber", Kind.LONG)
                    .body("{\"toAddress\":\"0x00000000000000000000000000000000000000b7\"}")
                    .req("toAddress", Kind.TEXT_100)
                    .row(),
            on("POST", "/api/nft/{collection}/{tokenNumber}/burn")
                    .var("collection", Kind.TEXT_100)
                    .var("tokenNumber", Kind.LONG)
                    .row(),
            on("GET", "/api/nft/{collection}/{tokenNumber}")
                    .var("collection", Kind.TEXT_100)
                    .var("tokenNumber", Kind.LONG)
                    .row(),
            on("GET", "/api/nft/{collection}/{tokenNumber}/metadata")
                    .var("collection", Kind.TEXT_100)
                    .var("tokenNumber", Kind.LONG)
                    .row(),
            on("GET", "/api/nft/owned/{entityId}").var("entityId", Kind.ENTITY).row(),
            on("POST", "/api/nft/badge-rules")
                    // a threshold no test reaches: the rule fires for every voter of the shared database
                    .body(
                            "{\"collection\":\"HOSTILE-1\",\"name\":\"n\",\"trigger\":\"VOTES_CAST\",\"threshold\":999999,"
                                    + "\"metadata\":{\"name\":\"n\"}}")
                    .req("collection", Kind.TEXT_100)
                    .req("name", Kind.TEXT_200)
                    .req("trigger", Kind.ENUM)
                    .req("threshold", Kind.LONG)
                    .req("metadata", Kind.ANY)
                    .row(),
            on("GET", "/api/nft/badge-rules").row(),
            // token pause: on BTA-GUAR, which the suite's other rows do not move
            on("POST", "/api/tokens/{identifier}/pause")
                    .var("identifier", Kind.TOKEN)
                    .body("{\"reason\":\"hostile\"}")
                    .req("reason", Kind.TEXT_500)
                    .row(),
            on("POST", "/api/tokens/{identifier}/unpause")
                    .var("identifier", Kind.TOKEN)
                    .row(),
            // rewards
            rewardHistory(on("GET", "/api/rewards")),
            rewardHistory(on("GET", "/api/rewards/{recipientId}").var("recipientId", Kind.ENTITY)),
            on("GET", "/api/rewards/{recipientId}/totals")
                    .var("recipientId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/rewards/{rewardId}/claim")
                    .var("rewardId", Kind.UUID)
                    .row(),
            on("POST", "/api/rewards")
                    .body("{\"recipientId\":\"fuzz-r\",\"type\":\"MANUAL\",\"sourceRef\":\"s\",\"amount\":\"1\","
                            + "\"reason\":\"r\"}")
                    .req("recipientId", Kind.ENTITY)
                    .req("type", Kind.ENUM)
                    .req("sourceRef", Kind.TEXT_200)
                    .opt("amount", Kind.AMOUNT)
                    .opt("reason", Kind.ANY)
                    .row(),
            on("POST", "/api/rewards/triggers/transaction")
                    .body("{\"entityId\":\"fuzz-r\",\"transactionRef\":\"t\",\"transactionValue\":\"100\"}")
                    .req("entityId", Kind.ENTITY)
                    .req("transactionRef", Kind.TEXT_100)
                    .req("transactionValue", Kind.AMOUNT)
                    .row(),
            on("POST", "/api/rewards/triggers/learning")
                    .body("{\"entityId\":\"fuzz-r\",\"courseId\":\"c\"}")
                    .req("entityId", Kind.ENTITY)
                    .req("courseId", Kind.TEXT_100)
                    .opt("level", Kind.ANY)
                    .row(),
            on("POST", "/api/rewards/triggers/referral")
                    .body("{\"referrerId\":\"fuzz-r\",\"refereeId\":\"fuzz-e\"}")
                    .req("referrerId", Kind.ENTITY)
                    .req("refereeId", Kind.ENTITY)
                    .row(),
            on("GET", "/api/rewards/policies").row(),
            on("GET", "/api/rewards/emission").row(),
            // guarantees
            on("POST", "/api/guarantees/allocations")
                    .body("{\"guaranteeId\":\"g-1\",\"guarantorId\":\"fuzz-g\",\"beneficiaryId\":\"fuzz-b\","
                            + "\"amount\":\"5\"}")
                    .req("guaranteeId", Kind.GUARANTEE_ID)
                    .req("guarantorId", Kind.ENTITY)
                    .req("beneficiaryId", Kind.ENTITY)
                    .req("amount", Kind.AMOUNT)
                    .opt("collateral", Kind.COLLATERAL)
                    .opt("expiresAt", Kind.INSTANT)
                    .row(),
            on("GET", "/api/guarantees/allocations")
                    .query("guarantorId", Kind.ENTITY)
                    .query("beneficiaryId", Kind.ENTITY)
                    .query("status", Kind.ENUM)
                    .query("limit", Kind.LIMIT)
                    .row(),
            on("GET", "/api/guarantees/allocations/{id}").var("id", Kind.UUID).row(),
            on("POST", "/api/guarantees/allocations/{id}/release")
                    .var("id", Kind.UUID)
                    .row(),
            on("POST", "/api/guarantees/allocations/{id}/claim")
                    .var("id", Kind.UUID)
                    .row(),
            // auctions
            on("GET", "/api/auctions/{auctionId}")
                    .var("auctionId", Kind.GUARANTEE_ID)
                    .row(),
            on("PUT", "/api/auctions/{auctionId}")
                    .var("auctionId", Kind.GUARANTEE_ID)
                    .body("{\"baseBond\":\"10\",\"participationFee\":\"1\",\"closesAt\":\"2099-01-01T00:00:00Z\"}")
                    .req("baseBond", Kind.AMOUNT)
                    .opt("participationFee", Kind.AMOUNT)
                    .opt("closesAt", Kind.INSTANT)
                    .row(),
            on("GET", "/api/auctions/{auctionId}/bond-quote")
                    .var("auctionId", Kind.GUARANTEE_ID)
                    .query("entityId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/auctions/{auctionId}/participants")
                    .var("auctionId", Kind.GUARANTEE_ID)
                    .optionalBody("{\"bidderId\":\"fuzz-bidder\"}")
                    .opt("bidderId", Kind.ENTITY)
                    .row(),
            on("GET", "/api/auctions/{auctionId}/participants")
                    .var("auctionId", Kind.GUARANTEE_ID)
                    .row(),
            on("GET", "/api/auctions/{auctionId}/participants/{bidderId}")
                    .var("auctionId", Kind.GUARANTEE_ID)
                    .var("bidderId", Kind.ENTITY)
                    .row(),
            on("POST", "/api/auctions/{auctionId}/settle")
                    .var("auctionId", Kind.GUARANTEE_ID)
                    .optionalBody("{\"winnerId\":\"fuzz-w\",\"defaulted\":[]}")
                    .opt("winnerId", Kind.ENTITY)
                    .opt("defaulted", Kind.ENTITY_LIST)
                    .row(),
            // API keys
            on("GET", "/api/admin/api-keys").row(),
            on("POST", "/api/admin/api-keys")
                    .body("{\"name\":\"fuzz\",\"scopes\":[\"trust:write\"],\"expiresAt\":\"2030-01-01T00:00:00Z\"}")
                    .req("name", Kind.KEY_NAME)
                    .req("scopes", Kind.SCOPES)
                    .opt("expiresAt", Kind.INSTANT)
                    .row(),
            on("DELETE", "/api/admin/api-keys/{id}").var("id", Kind.UUID).row(),
            // webhooks
            on("GET", "/api/admin/webhooks").row(),
            on("POST", "/api/admin/webhooks")
                    .body("{\"url\":\"https://example.com/hook\",\"eventTypes\":[\"*\"],\"description\":\"d\"}")
                    .req("url", Kind.URL)
                    .req("eventTypes", Kind.EVENT_TYPES)
                    .opt("description", Kind.TEXT_500)
                    .row(),
            on("GET", "/api/admin/webhooks/event-types").row(),
            on("GET", "/api/admin/webhooks/messages")
                    .query("after", Kind.LONG)
                    .query("type", Kind.ENUM)
                    .query("limit", Kind.LIMIT)
                    .row(),
            on("GET", "/api/admin/webhooks/messages/{messageId}")
                    .var("messageId", Kind.MESSAGE_ID)
                    .row(),
            on("GET", "/api/admin/webhooks/messages/{messageId}/attempts")
                    .var("messageId", Kind.MESSAGE_ID)
                    .query("limit", Kind.LIMIT)
                    .row(),
            on("GET", "/api/admin/webhooks/{id}").var("id", Kind.UUID).row(),
            on("PATCH", "/api/admin/webhooks/{id}")
                    .var("id", Kind.UUID)
                    .body("{\"description\":\"d\"}")
                    .opt("url", Kind.URL)
                    .opt("description", Kind.TEXT_500)
                    .opt("eventTypes", Kind.EVENT_TYPES)
                    .opt("status", Kind.ENUM)
                    .row(),
            on("DELETE", "/api/admin/webhooks/{id}").var("id", Kind.UUID).row(),
            on("GET", "/api/admin/webhooks/{id}/attempts")
                    .var("id", Kind.UUID)
                    .query("messageId", Kind.UUID)
                    .query("limit", Kind.LIMIT)
                    .row(),
            on("POST", "/api/admin/webhooks/{id}/replay")
                    .var("id", Kind.UUID)
                    .body("{\"since\":\"2026-01-01T00:00:00Z\"}")
                    .req("since", Kind.INSTANT)
                    .row(),
            on("POST", "/api/admin/webhooks/{id}/rotate-secret")
                    .var("id", Kind.UUID)
                    .row());

    private static Row amountOperation(String path) {
        return on("POST", path)
                .body(ENTITY_AMOUNT)
                .req("entityId", Kind.ENTITY)
                .req("tokenId", Kind.TOKEN)
                .req("amount", Kind.AMOUNT)
                .opt("memo", Kind.TEXT_500)
                .row();
    }

    private static Row history(RowBuilder b) {
        return b.query("tokenId", Kind.TOKEN)
                .query("type", Kind.ENUM)
                .query("from", Kind.INSTANT)
                .query("to", Kind.INSTANT)
                .query("limit", Kind.LIMIT)
                .query("cursor", Kind.CURSOR)
                .row();
    }

    private static Row rewardHistory(RowBuilder b) {
        return b.query("type", Kind.ENUM)
                .query("status", Kind.ENUM)
                .query("limit", Kind.LIMIT)
                .query("cursor", Kind.CURSOR)
                .row();
    }

    // ---- wrong values, by kind ----------------------------------------------------------------------

    private static String str(String s) {
        return JsonMapper.builder().build().writeValueAsString(s); // escapes control characters too
    }

    private static final List<String> WRONG_TYPE = List.of("{}", "[]", "{\"a\":{\"b\":[]}}", "[1,2]");

    /** JSON values that the field must refuse. */
    static List<String> wrongJson(Kind kind) {
        var values = new ArrayList<>(WRONG_TYPE);
        switch (kind) {
            case AMOUNT -> values.addAll(List.of(
                    str("-1"),
                    str("0"),
                    str("-0.000000000000000001"),
                    str("0.0000000000000000001"),
                    str("1.0000000000000000000"),
                    str("12.1234567890123456789"),
                    str("100000000000000000000"),
                    str("99999999999999999999999999999999999999"),
                    str("1e999999999"),
                    str("1e-999999999"),
                    str("NaN"),
                    str("Infinity"),
                    str("-Infinity"),
                    str("0x10"),
                    str("1,5"),
                    str(" 1"),
                    str("abc"),
                    str(""),
                    // digits other than 0 to 9, which Java's BigDecimal reads
                    str("\uFF11"),
                    str("\u0661\u0660"),
                    str("1\u0660"),
                    str("\u0967.\u096B"),
                    str("1e\u0663"),
                    "-1",
                    "0",
                    "-0.0",
                    "1e309",
                    "1e400",
                    "0.0000000000000000001",
                    "123456789012345678901234567890",
                    "true"));
            case ENTITY -> values.addAll(List.of(
                    str(""),
                    str(" "),
                    str("a b"),
                    str("x".repeat(129)),
                    str("x".repeat(10_000)),
                    str("é"),
                    str("../../etc/passwd"),
                    str("\u0000"),
                    str("<script>"),
                    str("'; drop table ledger_balances; --"),
                    str("a/b"),
                    str("a\nb"),
                    // path segments that clients and servers normalise away
                    str("."),
                    str("..")));
            case TOKEN -> values.addAll(List.of(str("NO-SUCH-TOKEN"), str("x".repeat(65)), str(""), str("' or 1=1")));
            case ENUM -> values.addAll(List.of(str("MAYBE"), str(""), str("FOR; drop"), str("x".repeat(1000))));
            case INSTANT -> values.addAll(
                    List.of(str("yesterday"), str("2026-13-45T00:00:00Z"), str("0"), str(""), str("2026-01-01")));
            case SCORE -> values.addAll(List.of(
                    "-1",
                    "100.5",
                    "1e400",
                    "0.0000001",
                    "101",
                    str("abc"),
                    str("NaN"),
                    "-0.000001",
                    str("\u0667\u0662"),
                    str("\uFF17\uFF12")));
            case UUID, MESSAGE_ID -> values.addAll(List.of(str("not-a-uuid"), str("x".repeat(100)), str("")));
            case ENTITY_LIST -> values.addAll(
                    List.of("[\"a b\"]", "[{}]", "[\"" + "x".repeat(129) + "\"]", "[\".\"]", "[\"..\"]"));
            case SCOPES -> values.addAll(List.of("[\"root\"]", "[]", "[null]", "[\"trust:write\",\"admin\"]"));
            case EVENT_TYPES -> values.addAll(List.of("[\"nope\"]", "[]", "[null]", "[\"ledger.*\"]"));
            case URL -> values.addAll(List.of(
                    str("ftp://example.com/x"),
                    str("not a url"),
                    str("http://"),
                    str("https://example.com/#frag"),
                    str("javascript:alert(1)"),
                    str("https://example.com/" + "x".repeat(2001))));
            case KEY_NAME -> values.addAll(List.of(str("bad name!"), str("x".repeat(65)), str("")));
            case GUARANTEE_ID -> values.addAll(List.of(str("x".repeat(129)), str("a b"), str("")));
            case TRANSFERS -> values.addAll(List.of(
                    "[null]",
                    "[{}]",
                    "[{\"toEntityId\":\"b\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"-1\"}]",
                    "[{\"toEntityId\":\"a b\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\"}]",
                    "[{\"toEntityId\":\"..\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\"}]",
                    "[{\"toEntityId\":\"b\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"\uFF11\"}]",
                    "[{\"toEntityId\":\"b\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"extra\":1}]",
                    "[{\"fromEntityId\":\"treasury\",\"toEntityId\":\"b\",\"tokenId\":\"NOPE\",\"amount\":\"1\"}]"));
            case ACTIONS -> values.addAll(List.of(
                    "[null]",
                    "[{}]",
                    "[{\"type\":\"NOPE\"}]",
                    "[{\"type\":\"MINT\",\"tokenId\":\"BTA-GOV\",\"toEntityId\":\"x\",\"amount\":\"-1\"}]",
                    "[{\"type\":\"SET_PARAMETER\",\"key\":\"governance.voting-period\",\"value\":\"0s\"}]",
                    "[{\"type\":\"SET_PARAMETER\",\"key\":\"governance.max-actions\",\"value\":\"\u0665\"}]",
                    "[{\"type\":\"MINT\",\"tokenId\":\"BTA-GOV\",\"toEntityId\":\".\",\"amount\":\"1\"}]",
                    "[{\"type\":\"TREASURY_TRANSFER\",\"tokenId\":\"BTA-UTIL\",\"toEntityId\":\"a b\","
                            + "\"amount\":\"1\"}]"));
            case COLLATERAL -> values.addAll(List.of(
                    str("x"),
                    "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"-1\"}",
                    "{\"tokenId\":\"NOPE\",\"amount\":\"1\"}",
                    "{\"tokenId\":\"BTA-UTIL\"}"));
            case LONG -> values.addAll(
                    List.of(str("abc"), "1e400", "99999999999999999999999", "1.5", str("\u0661"), str("0x1")));
            case TEXT_100 -> values.addAll(List.of(str("x".repeat(101)), str("")));
            case TEXT_200 -> values.addAll(List.of(str("x".repeat(201)), str("")));
            case TEXT_500 -> values.add(str("x".repeat(501)));
            case ANY, LIMIT, CURSOR, TX_HASH -> {}
        }
        return values;
    }

    /** Raw (not yet URL-encoded where it matters) values that a path variable must refuse. */
    static List<String> wrongPathValues(Kind kind) {
        var common =
                List.of("%00", "a%0Ab", "..%2F..%2Fetc", "a;b=c", "%25", "%C3%A9", "x".repeat(300), "a//b", "%2e%2e");
        var values = new ArrayList<>(common);
        switch (kind) {
            case ENTITY, GUARANTEE_ID -> values.addAll(List.of("a%20b", "x".repeat(129), "%3Cscript%3E"));
            case TOKEN -> values.addAll(List.of("NO-SUCH-TOKEN", "x".repeat(65)));
            case UUID, MESSAGE_ID -> values.addAll(
                    List.of("not-a-uuid", UUID.randomUUID().toString(), "msg_" + UUID.randomUUID()));
            case TX_HASH -> values.addAll(List.of(
                    "0x" + "ab".repeat(32),
                    "ab".repeat(31) + "a",
                    "ab".repeat(33),
                    "g".repeat(64),
                    "%20" + "ab".repeat(32)));
            case LONG -> values.addAll(List.of(
                    "abc", "99999999999999999999", "1.5", "-1", "0", "%EF%BC%91", "%D9%A1", "0x1", "%231", "%201"));
            default -> {}
        }
        return values;
    }

    static List<String> wrongQueryValues(Kind kind) {
        return switch (kind) {
            case LIMIT -> List.of(
                    "0",
                    "-1",
                    "101",
                    "1000000",
                    "99999999999",
                    "abc",
                    "1.5",
                    "1e3",
                    // 10 in Arabic-Indic and fullwidth digits, hexadecimal, padded
                    "%D9%A1%D9%A0",
                    "%EF%BC%91%EF%BC%90",
                    "0x10",
                    "%2310",
                    "%2010",
                    "10%20");
            case CURSOR -> List.of("!!!", "AAAA", "x".repeat(600), "%00", "_-_-");
            case ENUM -> List.of("MAYBE", "x".repeat(500), "%00");
            case INSTANT -> List.of("yesterday", "2026-13-45T00:00:00Z", "1700000000");
            case ENTITY -> List.of("a%20b", "x".repeat(129), "%00", ".", "..", "%2E%2E");
            case TOKEN -> List.of("NO-SUCH-TOKEN", "x".repeat(65));
            case UUID -> List.of("not-a-uuid", "x".repeat(100));
            case LONG -> List.of("-1", "abc", "99999999999999999999", "1.5", "%D9%A1", "%EF%BC%91", "0x1");
            default -> List.of("%00");
        };
    }

    // ---- inputs -------------------------------------------------------------------------------------

    /** One hostile request and what it is. */
    record Input(
            Row row,
            String what,
            String method,
            String path,
            String contentType,
            byte[] body,
            boolean chunked,
            String accept,
            String idempotencyKey,
            int fillerBytes,
            String token) {

        Input(Row row, String what, String method, String path, String contentType, byte[] body, boolean chunked) {
            this(row, what, method, path, contentType, body, chunked, null, null, 0, null);
        }

        /** The same input with an Accept header and an Idempotency-Key (either may be null). */
        Input with(String accept, String idempotencyKey) {
            return new Input(row, what, method, path, contentType, body, chunked, accept, idempotencyKey, 0, token);
        }

        /** What kind of input this is, without the field, value or method it names. */
        String kind() {
            var words = what.split("[ ,]+");
            return words.length > 1
                            && Set.of("broken", "extreme", "content", "unknown", "duplicate", "odd")
                                    .contains(words[0])
                    ? words[0] + " " + words[1]
                    : words[0];
        }

        /** The same request sent with this bearer token instead of the admin's. */
        Input withToken(String bearer) {
            return new Input(row, what, method, path, contentType, body, chunked, accept, idempotencyKey, 0, bearer);
        }

        /**
         * The status the input must get, when one status is certain: a token with a claim of the
         * wrong type is refused before anything else looks at the request (401), unless a header
         * over the server's limit is refused even before that.
         */
        Integer expectedStatus() {
            return token != null && fillerBytes == 0 ? 401 : null;
        }

        /**
         * The same request line with an extra header of {@code bytes} bytes and no body: the server
         * answers before it reads a body, and a body still being sent would race its answer.
         */
        Input withFiller(int bytes) {
            return new Input(
                    row,
                    what + ", huge header",
                    method,
                    path,
                    contentType,
                    null,
                    false,
                    accept,
                    idempotencyKey,
                    bytes,
                    token);
        }

        @Override
        public String toString() {
            var shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return row.endpoint() + " [" + what + "] " + method + " " + abbreviate(path) + " " + contentType
                    + (accept == null ? "" : " Accept: " + accept)
                    + (idempotencyKey == null ? "" : " Idempotency-Key: " + abbreviate(idempotencyKey)) + " "
                    + shown;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String validPath(Row row) {
        var path = row.path();
        for (var v : row.pathVariables().entrySet()) {
            path = path.replace("{" + v.getKey() + "}", validPathValue(v.getValue()));
        }
        return path;
    }

    private static String validPathValue(Kind kind) {
        return switch (kind) {
            case TOKEN -> "BTA-UTIL";
            case UUID, MESSAGE_ID -> UUID.randomUUID().toString();
            case TX_HASH -> UUID.randomUUID().toString().replace("-", "").repeat(2);
            case LONG -> "1";
            default -> "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<Input> hostileInputs() {
        var accepts = Arbitraries.of(
                null,
                null,
                "application/json",
                "*/*",
                "application/problem+json",
                "application/xml",
                "text/html",
                "text/event-stream",
                "image/png");
        var keys = Arbitraries.oneOf(
                Arbitraries.just((String) null),
                Arbitraries.just((String) null),
                Arbitraries.strings().alpha().ofMinLength(8).ofMaxLength(32),
                Arbitraries.of("a bad key", "x".repeat(300), ""));
        return Arbitraries.of(ROWS)
                .flatMap(HostileInputProperties::inputsFor)
                .flatMap(input -> accepts.flatMap(accept -> keys.map(key -> input.with(accept, key))))
                // one input in twenty carries a header over the server's limit (8 KiB for all headers)
                .flatMap(input ->
                        Arbitraries.integers().between(1, 20).map(n -> n == 1 ? input.withFiller(20_000) : input));
    }

    static Arbitrary<Input> inputsFor(Row row) {
        var kinds = new ArrayList<Arbitrary<Input>>();
        kinds.add(wrongMethod(row));
        kinds.add(oversize(row));
        if (!row.pathVariables().isEmpty()) {
            kinds.add(oddPathVariable(row));
        }
        if (!row.query().isEmpty()) {
            kinds.add(oddQueryParameter(row));
        }
        if (row.validBody() != null) {
            kinds.add(wrongField(row));
            kinds.add(wrongField(row));
            kinds.add(wrongField(row));
            kinds.add(unknownField(row));
            kinds.add(brokenJson(row));
            kinds.add(wrongContentType(row));
            kinds.add(extremeJson(row));
            if (row.fields().stream().anyMatch(Field::required)) {
                kinds.add(missingField(row));
            }
            if (((ObjectNode) JSON.readTree(row.validBody())).size() > 0) {
                kinds.add(duplicateKey(row));
            }
        }
        kinds.add(oddClaims(row));
        return Arbitraries.oneOf(kinds);
    }

    static Arbitrary<Input> wrongMethod(Row row) {
        var present = ROWS.stream()
                .filter(r -> r.path().equals(row.path()))
                .map(Row::method)
                .collect(Collectors.toSet());
        var absent = new ArrayList<>(List.of("POST", "PUT", "PATCH", "DELETE"));
        absent.removeAll(present);
        if (absent.isEmpty()) {
            return oversize(row);
        }
        return Arbitraries.of(absent)
                .map(m -> new Input(
                        row, "method " + m, m, validPath(row), "application/json", utf8(jsonOr(row, "{}")), false));
    }

    private static String jsonOr(Row row, String otherwise) {
        return row.validBody() == null ? otherwise : row.validBody();
    }

    static Arbitrary<Input> oversize(Row row) {
        return Arbitraries.integers().between(1, 4096).flatMap(extra -> Arbitraries.of(true, false)
                .map(chunked -> {
                    var padding = "x".repeat(MAX_BODY_BYTES + extra);
                    var body = "{\"memo\":\"" + padding + "\"}";
                    return new Input(
                            row,
                            chunked ? "oversize, chunked" : "oversize",
                            row.method(),
                            validPath(row),
                            "application/json",
                            utf8(body),
                            chunked);
                }));
    }

    static Arbitrary<Input> oddPathVariable(Row row) {
        return Arbitraries.of(List.copyOf(row.pathVariables().keySet())).flatMap(name -> Arbitraries.of(
                        wrongPathValues(row.pathVariables().get(name)))
                .map(value -> {
                    var path = row.path().replace("{" + name + "}", value);
                    for (var v : row.pathVariables().entrySet()) {
                        path = path.replace("{" + v.getKey() + "}", validPathValue(v.getValue()));
                    }
                    return new Input(
                            row,
                            "path " + name,
                            row.method(),
                            path,
                            "application/json",
                            row.validBody() == null ? null : utf8(row.validBody()),
                            false);
                }));
    }

    static Arbitrary<Input> oddQueryParameter(Row row) {
        return Arbitraries.of(List.copyOf(row.query().keySet()))
                .flatMap(name -> Arbitraries.of(wrongQueryValues(row.query().get(name)))
                        .map(value -> new Input(
                                row,
                                "query " + name,
                                row.method(),
                                validPath(row) + "?" + name + "=" + value,
                                "application/json",
                                null,
                                false)));
    }

    static Arbitrary<Input> wrongField(Row row) {
        return Arbitraries.of(row.fields())
                .flatMap(field -> Arbitraries.of(wrongJson(field.kind())).map(value -> {
                    var node = (ObjectNode) JSON.readTree(row.validBody());
                    node.set(field.name(), JSON.readTree(value));
                    return new Input(
                            row,
                            "field " + field.name(),
                            row.method(),
                            validPath(row),
                            "application/json",
                            utf8(JSON.writeValueAsString(node)),
                            false);
                }));
    }

    static Arbitrary<Input> missingField(Row row) {
        var required = row.fields().stream().filter(Field::required).toList();
        return Arbitraries.of(required)
                .flatMap(field -> Arbitraries.of(true, false).map(asNull -> {
                    var node = (ObjectNode) JSON.readTree(row.validBody());
                    if (asNull) {
                        node.putNull(field.name());
                    } else {
                        node.remove(field.name());
                    }
                    return new Input(
                            row,
                            (asNull ? "null " : "without ") + field.name(),
                            row.method(),
                            validPath(row),
                            "application/json",
                            utf8(JSON.writeValueAsString(node)),
                            false);
                }));
    }

    static Arbitrary<Input> unknownField(Row row) {
        return Arbitraries.of("unexpected", "amount ", "AMOUNT", "__proto__", "constructor", "e".repeat(300))
                .flatMap(name -> Arbitraries.of("1", "null", "\"x\"", "{}").map(value -> {
                    var node = (ObjectNode) JSON.readTree(row.validBody());
                    if (node.has(name)) {
                        node.put(name + "_", 1);
                    } else {
                        node.set(name, JSON.readTree(value));
                    }
                    return new Input(
                            row,
                            "unknown field",
                            row.method(),
                            validPath(row),
                            "application/json",
                            utf8(JSON.writeValueAsString(node)),
                            false);
                }));
    }

    /**
     * A valid body with one key given twice in one of its objects (the top level, or a nested one
     * such as a batch item or a collateral), with its own value again or another one: a proxy that
     * reads the first value and a service that read the last would see two different requests.
     */
    static Arbitrary<Input> duplicateKey(Row row) {
        var objects = new ArrayList<ObjectNode>();
        collectObjects(JSON.readTree(row.validBody()), objects);
        var candidates = objects.stream().filter(o -> o.size() > 0).toList();
        return Arbitraries.integers().between(0, candidates.size() - 1).flatMap(i -> Arbitraries.of(true, false)
                .map(sameValue -> {
                    var root = JSON.readTree(row.validBody());
                    var holders = new ArrayList<ObjectNode>();
                    collectObjects(root, holders);
                    var target =
                            holders.stream().filter(o -> o.size() > 0).toList().get(i);
                    var name = target.propertyNames().iterator().next();
                    var first = target.get(name);
                    var second = sameValue
                            ? first
                            : (first.isString() ? JSON.getNodeFactory().stringNode(first.asString() + "2") : first);
                    return new Input(
                            row,
                            "duplicate key " + name + (sameValue ? ", same value" : ", another value"),
                            row.method(),
                            validPath(row),
                            "application/json",
                            utf8(render(root, target, name, second)),
                            false);
                }));
    }

    private static void collectObjects(tools.jackson.databind.JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (var child : node) {
            collectObjects(child, into);
        }
    }

    /** The JSON text of {@code node}, with {@code name: value} written a second time at the end of {@code target}. */
    private static String render(
            tools.jackson.databind.JsonNode node,
            ObjectNode target,
            String name,
            tools.jackson.databind.JsonNode value) {
        if (node instanceof ObjectNode object) {
            var parts = new ArrayList<String>();
            for (var e : object.properties()) {
                parts.add(str(e.getKey()) + ":" + render(e.getValue(), target, name, value));
            }
            if (object == target) {
                parts.add(str(name) + ":" + JSON.writeValueAsString(value));
            }
            return "{" + String.join(",", parts) + "}";
        }
        if (node.isArray()) {
            var parts = new ArrayList<String>();
            for (var child : node) {
                parts.add(render(child, target, name, value));
            }
            return "[" + String.join(",", parts) + "]";
        }
        return JSON.writeValueAsString(node);
    }

    /** Claims of a JSON type the service does not read them as, in a token signed with the right key. */
    static final List<String> ODD_CLAIMS = List.of(
            "\"roles\":[1]",
            "\"roles\":\"ADMIN\"",
            "\"roles\":{\"a\":1}",
            "\"roles\":[null]",
            "\"roles\":null",
            "\"roles\":[[\"ADMIN\"]]",
            "\"roles\":[\"ADMIN\",1]",
            "\"roles\":true",
            "\"sub\":5",
            "\"sub\":null",
            "\"sub\":{}",
            "\"sub\":[\"admin\"]",
            "\"sub\":true",
            "\"sub\":\".\"",
            "\"sub\":\"..\"",
            "\"exp\":null",
            "\"exp\":\"9999999999\"",
            "\"exp\":{}",
            "\"exp\":[9999999999]",
            "\"exp\":true",
            "\"nbf\":\"0\"",
            "\"iat\":{}");

    /**
     * The row's valid request, sent with a token whose claims are an admin's except one of the
     * wrong JSON type: it must be refused as unauthenticated (401), whatever the endpoint.
     */
    static Arbitrary<Input> oddClaims(Row row) {
        return Arbitraries.of(ODD_CLAIMS).map(claim -> {
            var claims = new LinkedHashMap<String, String>();
            claims.put("sub", "\"admin\"");
            claims.put("roles", "[\"ADMIN\"]");
            claims.put(
                    "exp",
                    Long.toString(java.time.Instant.now().plusSeconds(3600).getEpochSecond()));
            var colon = claim.indexOf(':');
            claims.put(claim.substring(1, colon - 1), claim.substring(colon + 1));
            var payload = claims.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
            return new Input(
                            row,
                            "odd claim " + claim,
                            row.method(),
                            validPath(row),
                            "application/json",
                            row.validBody() == null ? null : utf8(row.validBody()),
                            false)
                    .withToken(signed(payload));
        });
    }

    /** A token signed with the service's secret whose payload is exactly {@code json}. */
    private static String signed(String json) {
        try {
            var jws = new com.nimbusds.jose.JWSObject(
                    new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                    new com.nimbusds.jose.Payload(json));
            jws.sign(new com.nimbusds.jose.crypto.MACSigner(Api.SECRET.getBytes(StandardCharsets.UTF_8)));
            return jws.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Arbitrary<Input> brokenJson(Row row) {
        var valid = row.validBody();
        var truncated = Arbitraries.integers().between(1, valid.length() - 1).map(n -> valid.substring(0, n));
        var shapes = Arbitraries.of(
                "{",
                "}",
                "[",
                "nul",
                "{\"a\":}",
                "{\"a\":1,}",
                "{'a':1}",
                "\u0000\u0001",
                "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
                "[]",
                "\"x\"",
                "42",
                "true",
                "{" + valid,
                valid.replaceFirst("\"", "'"),
                valid + "}");
        var nullBody = row.bodyOptional() ? Arbitraries.of("[]") : Arbitraries.of("null");
        // A shape that leaves a valid body as it was ({@code {}} has no quote to replace) is no
        // broken JSON: it is left out.
        return Arbitraries.oneOf(truncated, shapes, nullBody)
                .filter(body -> !body.equals(valid))
                .map(body -> new Input(
                        row, "broken JSON", row.method(), validPath(row), "application/json", utf8(body), false));
    }

    /** JSON at the edges of what a parser takes: deep nesting, huge numbers and strings, bytes that are not UTF-8. */
    static Arbitrary<Input> extremeJson(Row row) {
        var field = row.fields().get(0).name();
        var bodies = Arbitraries.of(
                utf8("[".repeat(5000) + "]".repeat(5000)),
                utf8("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
                utf8("{\"" + field + "\":" + "9".repeat(5000) + "}"),
                utf8("{\"" + field + "\":0." + "1".repeat(5000) + "}"),
                utf8("{\"" + field + "\":\"" + "7".repeat(60_000) + "\"}"),
                utf8("{\"" + field + "\":\"" + "\\u0000".repeat(1000) + "\"}"),
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', ']'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
        return bodies.map(
                body -> new Input(row, "extreme JSON", row.method(), validPath(row), "application/json", body, false));
    }

    static Arbitrary<Input> wrongContentType(Row row) {
        return Arbitraries.of(
                        "text/plain",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "application/octet-stream",
                        "image/png")
                .map(type -> new Input(
                        row, "content type", row.method(), validPath(row), type, utf8(row.validBody()), false));
    }

    // ---- the properties ------------------------------------------------------------------------------

    @Example
    void theTableCoversEveryEndpointOfTheApi() {
        var described = ApiCatalog.of(new Api(port));
        var inTable = ROWS.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ROWS).as("one row per endpoint").hasSameSizeAs(inTable);
        var missing = new TreeSet<>(described);
        missing.removeAll(inTable);
        var stale = new TreeSet<>(inTable);
        stale.removeAll(described);
        assertThat(missing)
                .as("endpoints the OpenAPI document describes but the hostile input table lacks")
                .isEmpty();
        assertThat(stale).as("rows for endpoints that do not exist").isEmpty();
    }

    @Property(tries = 2500, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void everyHostileInputIsA4xxProblemAndChangesNothing(@ForAll("hostileInputs") Input input) {
        var before = snapshot();
        var answer = send(input);
        SEEN.computeIfAbsent(input.row().endpoint().toString(), k -> new ConcurrentHashMap<>())
                .merge(answer.status(), 1, Integer::sum);
        KINDS.merge(input.kind(), 1, Integer::sum);
        String wrong = null;
        if (answer.status() >= 500) {
            wrong = "a server error";
        } else if (answer.status() < 400) {
            wrong = "accepted";
        } else if (!answer.problem()) {
            wrong = "not a problem document";
        } else if (input.expectedStatus() != null && answer.status() != input.expectedStatus()) {
            wrong = "not a " + input.expectedStatus();
        }
        var after = snapshot();
        if (wrong == null && !after.equals(before)) {
            wrong = "the database changed: " + before + " -> " + after;
        }
        if (wrong != null) {
            VIOLATIONS.add(input + " -> " + answer.status() + " " + wrong + ": " + abbreviate(answer.body()));
        }
        // violations are collected and asserted after the run, so that one run shows them all
    }

    // ---- sending and observing --------------------------------------------------------------------------

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Answer send(Input input) {
        HttpRequest.BodyPublisher publisher;
        if (input.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (input.chunked()) {
            var bytes = input.body();
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(input.body());
        }
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + input.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + (input.token() == null ? Api.adminToken() : input.token()))
                .method(input.method(), publisher);
        if (input.body() != null) {
            builder.header("Content-Type", input.contentType());
        }
        if (input.accept() != null) {
            builder.header("Accept", input.accept());
        }
        if (input.idempotencyKey() != null) {
            builder.header("Idempotency-Key", input.idempotencyKey());
        }
        if (input.fillerBytes() > 0) {
            builder.header("X-Filler", "f".repeat(input.fillerBytes()));
        }
        try {
            return Answer.send(HTTP, builder.build());
        } catch (IOException e) {
            // the server may close the connection on an oversize body before reading it all
            if (input.what().startsWith("oversize")) {
                return new Answer(413, true, "(connection closed while the body was sent: " + e + ")");
            }
            throw new RuntimeException(input + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (IllegalArgumentException e) {
            // a path the client library itself refuses to send is no input to the server
            return new Answer(400, true, "(not sendable: " + e.getMessage() + ")");
        }
    }

    /** Everything a hostile request could change: the ledger in full and every module's rows. */
    static Map<String, Object> snapshot() {
        var s = new LinkedHashMap<String, Object>();
        s.put(
                "balances",
                jdbc.sql(
                                """
                        select md5(coalesce(string_agg(entity_id || ':' || token_id || ':' || available || ':' || locked,
                                                       ',' order by entity_id, token_id), ''))
                        from ledger_balances where available <> 0 or locked <> 0
                        """)
                        .query(String.class)
                        .single());
        s.put(
                "supplies",
                jdbc.sql("select string_agg(symbol || '=' || total_supply, ',' order by symbol) from ledger_tokens")
                        .query(String.class)
                        .optional()
                        .orElse(""));
        s.put(
                "head",
                jdbc.sql("select last_sequence from ledger_head")
                        .query(Long.class)
                        .single());
        for (var table : Set.of(
                "ledger_transactions",
                "trust_scores",
                "governance_proposals",
                "governance_votes",
                "governance_delegations",
                "staking_pools",
                "staking_stakes",
                "amm_pools",
                "amm_swaps",
                "amm_liquidity_changes",
                "nft_collections",
                "nft_tokens",
                "nft_history",
                "nft_badge_rules",
                "nft_badge_awards",
                "rewards",
                "guarantee_allocations",
                "auctions",
                "auction_participants",
                "api_keys",
                "webhook_endpoints")) {
            s.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return new TreeMap<>(s);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
