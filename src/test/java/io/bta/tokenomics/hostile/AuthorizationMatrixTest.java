package io.bta.tokenomics.hostile;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.shared.apikeys.ApiKeys;
import io.bta.tokenomics.shared.security.TokenIssuer;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.ApiCatalog;
import io.bta.tokenomics.support.ApiCatalog.Endpoint;
import io.bta.tokenomics.support.Invariants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Suite 5, the authorization matrix: every endpoint of the API, called by every kind of caller,
 * gets exactly the answer {@link #MATRIX} allows. The table is the single source of truth: the
 * test fails when the OpenAPI document names an endpoint the table lacks (or the reverse), and
 * when {@code docs/SECURITY.md} does not show the table as rendered here
 * ({@code -Dauthz.writeDoc=true} rewrites it).
 *
 * <p>An allowed call is one that authorization lets through: any answer but 401 and 403 (and never
 * a 5xx): a 404 for an unknown id or a 409 for a second vote is the business speaking. Denied
 * calls must be exactly 401 (no valid credentials) or 403 (valid credentials, not enough rights),
 * as problem documents.
 */
class AuthorizationMatrixTest {

    /** The kinds of caller. The first five never hold valid credentials. */
    enum Who {
        NONE("none"),
        EXPIRED("expired token"),
        FORGED("forged signature"),
        ALG_NONE("alg: none"),
        REVOKED_KEY("revoked key"),
        OTHER("other user"),
        OWNER("owner"),
        SERVICE_TOKEN("service token"),
        KEY_IN_SCOPE("key with scope"),
        KEY_OUT_OF_SCOPE("key without scope"),
        ADMIN("admin");

        final String label;

        Who(String label) {
            this.label = label;
        }

        boolean unauthenticated() {
            return ordinal() <= REVOKED_KEY.ordinal();
        }
    }

    /** Who may call: the rule of one row. */
    enum Rule {
        /** Any caller with valid credentials. */
        AUTHENTICATED("any caller", w -> true),
        /** The entity the request names (its own account), or an admin. */
        OWNER_OR_ADMIN("owner or admin", w -> w == Who.OWNER || w == Who.ADMIN),
        /** The entity the request names and nobody else, not even an admin. */
        OWNER_ONLY("owner only", w -> w == Who.OWNER),
        /** The entity the request names, or an admin, a service token or a key with the scope. */
        OWNER_OR_SCOPE(
                "owner or scope",
                w -> w == Who.OWNER || w == Who.ADMIN || w == Who.SERVICE_TOKEN || w == Who.KEY_IN_SCOPE),
        /** An admin, a service token, or a key with the row's scope. */
        SCOPE("scope", w -> w == Who.ADMIN || w == Who.SERVICE_TOKEN || w == Who.KEY_IN_SCOPE),
        ADMIN("admin only", w -> w == Who.ADMIN),
        /** Anyone, with no credentials at all; a request with invalid ones is still refused (401). */
        PUBLIC("public", w -> true),
        /**
         * One thing of the owner's, by id: the owner or an admin; to anyone else it does not exist
         * (404), so an id reveals nothing.
         */
        OWNER_OR_ADMIN_HIDDEN("owner or admin, others 404", w -> w == Who.OWNER || w == Who.ADMIN, 404);

        final String label;
        final java.util.function.Predicate<Who> allows;
        final int denied;

        Rule(String label, java.util.function.Predicate<Who> allows) {
            this(label, allows, 403);
        }

        Rule(String label, java.util.function.Predicate<Who> allows, int denied) {
            this.label = label;
            this.allows = allows;
            this.denied = denied;
        }

        /** 0 = allowed, else the status a denied caller gets. */
        int expected(Who who) {
            if (this == PUBLIC && who == Who.NONE) {
                return 0;
            }
            if (who.unauthenticated()) {
                return 401;
            }
            return allows.test(who) ? 0 : denied;
        }
    }

    /** One request to send: method, path with query, body (or null). */
    record Call(String method, String path, String body) {}

    /** One row: an endpoint, who may call it, the scope that matters, and how to build a call. */
    record Row(Endpoint endpoint, Rule rule, String scope, Function<Fixture, Call> call) {}

    private static Row row(String method, String path, Rule rule, String scope, Function<Fixture, Call> call) {
        return new Row(new Endpoint(method, path), rule, scope, call);
    }

    private static Row row(String method, String path, Rule rule, Function<Fixture, Call> call) {
        return row(method, path, rule, null, call);
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call post(String path, String body) {
        return new Call("POST", path, body);
    }

    /** THE TABLE: every endpoint of the API and who may call it. */
    static final List<Row> MATRIX = List.of(
            // ---- ledger
            row("GET", "/api/tokens", Rule.AUTHENTICATED, f -> get("/api/tokens")),
            row("GET", "/api/tokens/{identifier}", Rule.AUTHENTICATED, f -> get("/api/tokens/BTA-UTIL")),
            row("POST", "/api/tokens/initialize", Rule.ADMIN, f -> post("/api/tokens/initialize", null)),
            row("GET", "/api/tokens/balances", Rule.AUTHENTICATED, f -> get("/api/tokens/balances")),
            row(
                    "GET",
                    "/api/tokens/balances/{entityId}",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/tokens/balances/" + f.owner)),
            row(
                    "GET",
                    "/api/tokens/balances/{entityId}/{tokenId}",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/tokens/balances/" + f.owner + "/BTA-UTIL")),
            row(
                    "POST",
                    "/api/tokens/transfer",
                    Rule.OWNER_OR_ADMIN,
                    f -> post(
                            "/api/tokens/transfer",
                            json(
                                    "fromEntityId",
                                    f.owner,
                                    "toEntityId",
                                    f.other,
                                    "tokenId",
                                    "BTA-UTIL",
                                    "amount",
                                    "0.000001"))),
            row(
                    "POST",
                    "/api/tokens/transfers/batch",
                    Rule.OWNER_OR_ADMIN,
                    f -> post(
                            "/api/tokens/transfers/batch",
                            "{\"mode\":\"ATOMIC\",\"transfers\":[{\"fromEntityId\":\"" + f.owner
                                    + "\",\"toEntityId\":\"" + f.other
                                    + "\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"0.000001\"}]}")),
            row(
                    "POST",
                    "/api/tokens/mint",
                    Rule.ADMIN,
                    f -> post("/api/tokens/mint", json("entityId", f.owner, "tokenId", "BTA-GUAR", "amount", "1"))),
            row(
                    "POST",
                    "/api/tokens/burn",
                    Rule.ADMIN,
                    f -> post("/api/tokens/burn", json("entityId", f.owner, "tokenId", "BTA-GUAR", "amount", "1"))),
            row(
                    "POST",
                    "/api/tokens/lock",
                    Rule.SCOPE,
                    "ledger:lock",
                    f -> post(
                            "/api/tokens/lock",
                            json("entityId", f.owner, "tokenId", "BTA-UTIL", "amount", "0.000001"))),
            row(
                    "POST",
                    "/api/tokens/unlock",
                    Rule.SCOPE,
                    "ledger:lock",
                    f -> post(
                            "/api/tokens/unlock",
                            json("entityId", f.owner, "tokenId", "BTA-UTIL", "amount", "0.000001"))),
            row("GET", "/api/tokens/transactions", Rule.AUTHENTICATED, f -> get("/api/tokens/transactions")),
            row(
                    "GET",
                    "/api/tokens/transactions/{entityId}",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/tokens/transactions/" + f.owner)),
            // the owner is a party of the transaction; before sealing the answer is 409, which is allowed
            row(
                    "GET",
                    "/api/tokens/transactions/{id}/proof",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/tokens/transactions/" + f.ownersTransaction + "/proof")),
            // the owner is a party of the transaction, sealed or not
            row(
                    "GET",
                    "/api/tokens/transactions/by-hash/{txHash}",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/tokens/transactions/by-hash/" + f.ownersTransactionHash)),
            // ---- trust
            row("GET", "/api/trust/{entityId}", Rule.AUTHENTICATED, f -> get("/api/trust/" + f.owner)),
            row(
                    "GET",
                    "/api/trust/{entityId}/history",
                    Rule.AUTHENTICATED,
                    f -> get("/api/trust/" + f.owner + "/history")),
            row(
                    "PUT",
                    "/api/trust/{entityId}",
                    Rule.SCOPE,
                    "trust:write",
                    f -> new Call("PUT", "/api/trust/" + f.owner, "{\"score\": 60}")),
            // ---- audit
            row(
                    "GET",
                    "/api/tokens/balance-snapshot",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/tokens/balance-snapshot?entityId=" + f.owner)),
            // ---- analytics
            row(
                    "GET",
                    "/api/analytics/tokens/{tokenId}/series",
                    Rule.AUTHENTICATED,
                    f -> get("/api/analytics/tokens/BTA-UTIL/series?metric=totalSupply&interval=1h"
                            + "&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")),
            row("GET", "/api/analytics/overview", Rule.AUTHENTICATED, f -> get("/api/analytics/overview")),
            row("POST", "/api/analytics/snapshots", Rule.ADMIN, f -> post("/api/analytics/snapshots", null)),
            row("GET", "/api/audit/blocks", Rule.AUTHENTICATED, f -> get("/api/audit/blocks")),
            row("GET", "/api/audit/blocks/{height}", Rule.AUTHENTICATED, f -> get("/api/audit/blocks/1")),
            row("POST", "/api/audit/verify", Rule.ADMIN, f -> post("/api/audit/verify", null)),
            // ---- events
            row("GET", "/api/events/stream", Rule.AUTHENTICATED, f -> get("/api/events/stream")),
            // ---- governance
            row("GET", "/api/governance/proposals", Rule.AUTHENTICATED, f -> get("/api/governance/proposals")),
            row(
                    "POST",
                    "/api/governance/proposals",
                    Rule.AUTHENTICATED,
                    f -> post("/api/governance/proposals", json("title", "matrix"))),
            row(
                    "GET",
                    "/api/governance/proposals/{proposalId}",
                    Rule.AUTHENTICATED,
                    f -> get("/api/governance/proposals/" + f.proposal)),
            row(
                    "GET",
                    "/api/governance/proposals/{proposalId}/voting-power",
                    Rule.AUTHENTICATED,
                    f -> get("/api/governance/proposals/" + f.proposal + "/voting-power")),
            row(
                    "GET",
                    "/api/governance/proposals/{proposalId}/votes",
                    Rule.AUTHENTICATED,
                    f -> get("/api/governance/proposals/" + f.proposal + "/votes")),
            row(
                    "POST",
                    "/api/governance/proposals/{proposalId}/vote",
                    Rule.AUTHENTICATED,
                    f -> post("/api/governance/proposals/" + f.proposal + "/vote", json("support", "FOR"))),
            // a fresh proposal of the owner's for every call, so that one caller's cancel cannot hide the next one's
            // answer
            row(
                    "POST",
                    "/api/governance/proposals/{proposalId}/cancel",
                    Rule.OWNER_OR_ADMIN,
                    f -> post("/api/governance/proposals/" + f.freshProposal() + "/cancel", null)),
            row(
                    "POST",
                    "/api/governance/proposals/{proposalId}/execute",
                    Rule.ADMIN,
                    f -> post("/api/governance/proposals/" + f.proposal + "/execute", null)),
            row(
                    "POST",
                    "/api/governance/proposals/{proposalId}/verify-tally",
                    Rule.ADMIN,
                    f -> post("/api/governance/proposals/" + f.proposal + "/verify-tally", null)),
            row(
                    "POST",
                    "/api/governance/delegate",
                    Rule.AUTHENTICATED,
                    f -> post("/api/governance/delegate", json("delegateeId", f.other))),
            row("GET", "/api/governance/delegate", Rule.AUTHENTICATED, f -> get("/api/governance/delegate")),
            row(
                    "DELETE",
                    "/api/governance/delegate",
                    Rule.AUTHENTICATED,
                    f -> new Call("DELETE", "/api/governance/delegate", null)),
            row("GET", "/api/governance/parameters", Rule.AUTHENTICATED, f -> get("/api/governance/parameters")),
            // ---- staking
            row("GET", "/api/staking/pools", Rule.AUTHENTICATED, f -> get("/api/staking/pools")),
            row(
                    "POST",
                    "/api/staking/pools",
                    Rule.ADMIN,
                    f -> post(
                            "/api/staking/pools",
                            "{\"tokenId\":\"BTA-UTIL\",\"name\":\"m-" + UUID.randomUUID()
                                    + "\",\"apy\":5,\"minStakeAmount\":\"1\",\"lockPeriod\":0}")),
            row(
                    "PATCH",
                    "/api/staking/pools/{poolId}",
                    Rule.ADMIN,
                    f -> new Call("PATCH", "/api/staking/pools/" + f.pool, "{\"apy\":10}")),
            row(
                    "POST",
                    "/api/staking/stake",
                    Rule.AUTHENTICATED,
                    f -> post("/api/staking/stake", json("poolId", f.pool, "amount", "1"))),
            row(
                    "POST",
                    "/api/staking/unstake/{stakeId}",
                    Rule.OWNER_ONLY,
                    f -> post("/api/staking/unstake/" + f.freshStake(), null)),
            row("GET", "/api/staking/stakes", Rule.AUTHENTICATED, f -> get("/api/staking/stakes")),
            row(
                    "GET",
                    "/api/staking/stakes/{stakerId}",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/staking/stakes/" + f.owner)),
            row(
                    "GET",
                    "/api/staking/stakes/{stakerId}/rewards",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/staking/stakes/" + f.owner + "/rewards")),
            row("POST", "/api/staking/distribute", Rule.ADMIN, f -> post("/api/staking/distribute", "{}")),
            // ---- airdrops
            row("GET", "/api/airdrops", Rule.AUTHENTICATED, f -> get("/api/airdrops")),
            row(
                    "POST",
                    "/api/airdrops",
                    Rule.ADMIN,
                    f -> post(
                            "/api/airdrops",
                            "{\"tokenId\":\"BTA-UTIL\",\"name\":\"matrix\",\"endsAt\":\"2100-01-01T00:00:00Z\","
                                    + "\"claims\":[{\"entityId\":\"" + f.owner + "\",\"amount\":\"0.001\"}]}")),
            row("GET", "/api/airdrops/{id}", Rule.AUTHENTICATED, f -> get("/api/airdrops/" + f.airdrop)),
            row(
                    "GET",
                    "/api/airdrops/{id}/proof/{entityId}",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/airdrops/" + f.airdrop + "/proof/" + f.owner)),
            row(
                    "POST",
                    "/api/airdrops/{id}/claim",
                    Rule.OWNER_OR_ADMIN,
                    f -> post("/api/airdrops/" + f.airdrop + "/claim", json("entityId", f.owner))),
            row(
                    "POST",
                    "/api/airdrops/{id}/sweep",
                    Rule.ADMIN,
                    f -> post("/api/airdrops/" + f.airdrop + "/sweep", "{}")),
            // ---- farms
            row("GET", "/api/farms", Rule.AUTHENTICATED, f -> get("/api/farms")),
            row(
                    "POST",
                    "/api/farms",
                    Rule.ADMIN,
                    f -> post("/api/farms", json("stakeTokenId", "BTA-GOV", "allocPoint", 0))),
            row("GET", "/api/farms/program", Rule.AUTHENTICATED, f -> get("/api/farms/program")),
            row(
                    "PATCH",
                    "/api/farms/program",
                    Rule.ADMIN,
                    f -> new Call("PATCH", "/api/farms/program", "{\"rewardPerSecond\":\"1\"}")),
            row("GET", "/api/farms/{id}", Rule.AUTHENTICATED, f -> get("/api/farms/" + f.farm)),
            row(
                    "PATCH",
                    "/api/farms/{id}",
                    Rule.ADMIN,
                    f -> new Call("PATCH", "/api/farms/" + f.farm, "{\"allocPoint\":1}")),
            row(
                    "POST",
                    "/api/farms/{id}/deposit",
                    Rule.AUTHENTICATED,
                    f -> post("/api/farms/" + f.farm + "/deposit", json("amount", "0.000001"))),
            row(
                    "POST",
                    "/api/farms/{id}/withdraw",
                    Rule.AUTHENTICATED,
                    f -> post("/api/farms/" + f.farm + "/withdraw", json("amount", "0.000001"))),
            row(
                    "POST",
                    "/api/farms/{id}/harvest",
                    Rule.AUTHENTICATED,
                    f -> post("/api/farms/" + f.farm + "/harvest", "{}")),
            row(
                    "POST",
                    "/api/farms/{id}/emergency-withdraw",
                    Rule.AUTHENTICATED,
                    f -> post("/api/farms/" + f.farm + "/emergency-withdraw", "{}")),
            row(
                    "GET",
                    "/api/farms/{id}/positions/{entityId}",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/farms/" + f.farm + "/positions/" + f.owner)),
            row(
                    "POST",
                    "/api/farms/{id}/positions/{entityId}/kick",
                    Rule.AUTHENTICATED,
                    f -> post("/api/farms/" + f.farm + "/positions/" + f.owner + "/kick", "{}")),
            // ---- vesting
            row("GET", "/api/vesting", Rule.OWNER_OR_ADMIN, f -> get("/api/vesting?beneficiaryId=" + f.owner)),
            row(
                    "POST",
                    "/api/vesting",
                    Rule.ADMIN,
                    f -> post(
                            "/api/vesting",
                            "{\"beneficiaryId\":\"" + f.owner + "\",\"tokenId\":\"BTA-UTIL\",\"total\":\"0.001\","
                                    + "\"start\":\"2026-01-01T00:00:00Z\",\"durationSeconds\":60,\"revocable\":true}")),
            row("GET", "/api/vesting/{id}", Rule.OWNER_OR_ADMIN_HIDDEN, f -> get("/api/vesting/" + f.vesting)),
            row(
                    "POST",
                    "/api/vesting/{id}/release",
                    Rule.OWNER_OR_ADMIN_HIDDEN,
                    f -> post("/api/vesting/" + f.vesting + "/release", "{}")),
            row(
                    "POST",
                    "/api/vesting/{id}/revoke",
                    Rule.ADMIN,
                    f -> post("/api/vesting/" + f.vesting + "/revoke", "{}")),
            // ---- amm
            row("GET", "/api/amm/pools", Rule.AUTHENTICATED, f -> get("/api/amm/pools")),
            row(
                    "POST",
                    "/api/amm/pools",
                    Rule.ADMIN,
                    f -> post("/api/amm/pools", json("tokenA", "BTA-REWARD", "tokenB", "BTA-GUAR"))),
            row("GET", "/api/amm/pools/{poolId}", Rule.AUTHENTICATED, f -> get("/api/amm/pools/" + f.ammPool)),
            row(
                    "PATCH",
                    "/api/amm/pools/{poolId}",
                    Rule.ADMIN,
                    f -> new Call("PATCH", "/api/amm/pools/" + f.ammPool, "{\"feeBps\":30}")),
            row(
                    "GET",
                    "/api/amm/pools/{poolId}/twap",
                    Rule.AUTHENTICATED,
                    f -> get("/api/amm/pools/" + f.ammPool + "/twap?window=1h")),
            row(
                    "GET",
                    "/api/amm/pools/{poolId}/series",
                    Rule.AUTHENTICATED,
                    f -> get("/api/amm/pools/" + f.ammPool + "/series?interval=1h")),
            row(
                    "GET",
                    "/api/amm/pools/{poolId}/stats",
                    Rule.AUTHENTICATED,
                    f -> get("/api/amm/pools/" + f.ammPool + "/stats?window=24h")),
            row(
                    "POST",
                    "/api/amm/pools/{poolId}/liquidity",
                    Rule.AUTHENTICATED,
                    f -> post(
                            "/api/amm/pools/" + f.ammPool + "/liquidity",
                            json("amountADesired", "0.001", "amountBDesired", "0.001"))),
            row(
                    "POST",
                    "/api/amm/pools/{poolId}/liquidity/remove",
                    Rule.AUTHENTICATED,
                    f -> post("/api/amm/pools/" + f.ammPool + "/liquidity/remove", json("liquidity", "0.000001"))),
            row(
                    "POST",
                    "/api/amm/swap",
                    Rule.AUTHENTICATED,
                    f -> post(
                            "/api/amm/swap",
                            json(
                                    "tokenIn",
                                    "BTA-UTIL",
                                    "tokenOut",
                                    "BTA-GOV",
                                    "amountIn",
                                    "0.001",
                                    "amountOutMin",
                                    "0"))),
            row(
                    "GET",
                    "/api/amm/quote",
                    Rule.AUTHENTICATED,
                    f -> get("/api/amm/quote?tokenIn=BTA-UTIL&tokenOut=BTA-GOV&amountIn=1")),
            // ---- rewards
            row("GET", "/api/rewards", Rule.AUTHENTICATED, f -> get("/api/rewards")),
            row("GET", "/api/rewards/{recipientId}", Rule.OWNER_OR_ADMIN, f -> get("/api/rewards/" + f.owner)),
            row(
                    "GET",
                    "/api/rewards/{recipientId}/totals",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/rewards/" + f.owner + "/totals")),
            row(
                    "POST",
                    "/api/rewards/{rewardId}/claim",
                    Rule.OWNER_ONLY,
                    f -> post("/api/rewards/" + f.freshReward() + "/claim", null)),
            row(
                    "POST",
                    "/api/rewards",
                    Rule.SCOPE,
                    "rewards:write",
                    f -> post(
                            "/api/rewards",
                            json(
                                    "recipientId",
                                    f.other,
                                    "type",
                                    "MANUAL",
                                    "sourceRef",
                                    "m-" + UUID.randomUUID(),
                                    "amount",
                                    "1"))),
            row(
                    "POST",
                    "/api/rewards/triggers/transaction",
                    Rule.SCOPE,
                    "rewards:write",
                    f -> post(
                            "/api/rewards/triggers/transaction",
                            json(
                                    "entityId",
                                    f.other,
                                    "transactionRef",
                                    "m-" + UUID.randomUUID(),
                                    "transactionValue",
                                    "100"))),
            row(
                    "POST",
                    "/api/rewards/triggers/learning",
                    Rule.SCOPE,
                    "rewards:write",
                    f -> post(
                            "/api/rewards/triggers/learning",
                            json("entityId", f.other, "courseId", "m-" + UUID.randomUUID()))),
            row(
                    "POST",
                    "/api/rewards/triggers/referral",
                    Rule.SCOPE,
                    "rewards:write",
                    f -> post(
                            "/api/rewards/triggers/referral",
                            json("referrerId", f.other, "refereeId", "m-" + UUID.randomUUID()))),
            row("GET", "/api/rewards/policies", Rule.AUTHENTICATED, f -> get("/api/rewards/policies")),
            row("GET", "/api/rewards/emission", Rule.AUTHENTICATED, f -> get("/api/rewards/emission")),
            // ---- guarantees
            row(
                    "POST",
                    "/api/guarantees/allocations",
                    Rule.SCOPE,
                    "guarantees:write",
                    f -> post(
                            "/api/guarantees/allocations",
                            json(
                                    "guaranteeId",
                                    "g-" + UUID.randomUUID(),
                                    "guarantorId",
                                    f.owner,
                                    "beneficiaryId",
                                    f.other,
                                    "amount",
                                    "1"))),
            row(
                    "GET",
                    "/api/guarantees/allocations",
                    Rule.OWNER_OR_SCOPE,
                    "guarantees:write",
                    f -> get("/api/guarantees/allocations?guarantorId=" + f.owner)),
            row(
                    "GET",
                    "/api/guarantees/allocations/{id}",
                    Rule.OWNER_OR_SCOPE,
                    "guarantees:write",
                    f -> get("/api/guarantees/allocations/" + f.allocation)),
            row(
                    "POST",
                    "/api/guarantees/allocations/{id}/release",
                    Rule.SCOPE,
                    "guarantees:write",
                    f -> post("/api/guarantees/allocations/" + f.freshAllocation() + "/release", null)),
            row(
                    "POST",
                    "/api/guarantees/allocations/{id}/claim",
                    Rule.SCOPE,
                    "guarantees:write",
                    f -> post("/api/guarantees/allocations/" + f.freshAllocation() + "/claim", null)),
            // ---- auctions
            row("GET", "/api/auctions/{auctionId}", Rule.AUTHENTICATED, f -> get("/api/auctions/" + f.auction)),
            row(
                    "PUT",
                    "/api/auctions/{auctionId}",
                    Rule.SCOPE,
                    "auctions:write",
                    f -> new Call("PUT", "/api/auctions/" + f.auction, json("baseBond", "10"))),
            row(
                    "GET",
                    "/api/auctions/{auctionId}/bond-quote",
                    Rule.AUTHENTICATED,
                    f -> get("/api/auctions/" + f.auction + "/bond-quote")),
            row(
                    "POST",
                    "/api/auctions/{auctionId}/participants",
                    Rule.OWNER_OR_SCOPE,
                    "auctions:write",
                    f -> post("/api/auctions/" + f.auction + "/participants", json("bidderId", f.owner))),
            row(
                    "GET",
                    "/api/auctions/{auctionId}/participants",
                    Rule.SCOPE,
                    "auctions:write",
                    f -> get("/api/auctions/" + f.auction + "/participants")),
            row(
                    "GET",
                    "/api/auctions/{auctionId}/participants/{bidderId}",
                    Rule.OWNER_OR_SCOPE,
                    "auctions:write",
                    f -> get("/api/auctions/" + f.auction + "/participants/" + f.owner)),
            row(
                    "POST",
                    "/api/auctions/{auctionId}/settle",
                    Rule.SCOPE,
                    "auctions:write",
                    f -> post("/api/auctions/" + f.freshAuction() + "/settle", "{}")),
            // ---- API keys (admin)
            row("GET", "/api/admin/api-keys", Rule.ADMIN, f -> get("/api/admin/api-keys")),
            row(
                    "POST",
                    "/api/admin/api-keys",
                    Rule.ADMIN,
                    f -> post(
                            "/api/admin/api-keys",
                            "{\"name\":\"m-" + UUID.randomUUID() + "\",\"scopes\":[\"trust:write\"]}")),
            row(
                    "DELETE",
                    "/api/admin/api-keys/{id}",
                    Rule.ADMIN,
                    f -> new Call("DELETE", "/api/admin/api-keys/" + f.freshKeyId(), null)),
            // ---- webhooks (admin)
            row("GET", "/api/admin/webhooks", Rule.ADMIN, f -> get("/api/admin/webhooks")),
            row("POST", "/api/admin/webhooks", Rule.ADMIN, f -> post("/api/admin/webhooks", Fixture.WEBHOOK)),
            row("GET", "/api/admin/webhooks/event-types", Rule.ADMIN, f -> get("/api/admin/webhooks/event-types")),
            row("GET", "/api/admin/webhooks/messages", Rule.ADMIN, f -> get("/api/admin/webhooks/messages")),
            row(
                    "GET",
                    "/api/admin/webhooks/messages/{messageId}",
                    Rule.ADMIN,
                    f -> get("/api/admin/webhooks/messages/" + UUID.randomUUID())),
            row(
                    "GET",
                    "/api/admin/webhooks/messages/{messageId}/attempts",
                    Rule.ADMIN,
                    f -> get("/api/admin/webhooks/messages/" + UUID.randomUUID() + "/attempts")),
            row("GET", "/api/admin/webhooks/{id}", Rule.ADMIN, f -> get("/api/admin/webhooks/" + f.webhook)),
            row(
                    "PATCH",
                    "/api/admin/webhooks/{id}",
                    Rule.ADMIN,
                    f -> new Call("PATCH", "/api/admin/webhooks/" + f.webhook, "{\"description\":\"m\"}")),
            row(
                    "DELETE",
                    "/api/admin/webhooks/{id}",
                    Rule.ADMIN,
                    f -> new Call("DELETE", "/api/admin/webhooks/" + f.freshWebhook(), null)),
            row(
                    "GET",
                    "/api/admin/webhooks/{id}/attempts",
                    Rule.ADMIN,
                    f -> get("/api/admin/webhooks/" + f.webhook + "/attempts")),
            row(
                    "POST",
                    "/api/admin/webhooks/{id}/replay",
                    Rule.ADMIN,
                    f -> post("/api/admin/webhooks/" + f.webhook + "/replay", json("since", "2026-01-01T00:00:00Z"))),
            row(
                    "POST",
                    "/api/admin/webhooks/{id}/rotate-secret",
                    Rule.ADMIN,
                    f -> post("/api/admin/webhooks/" + f.webhook + "/rotate-secret", null)),
            row(
                    "POST",
                    "/api/nft/collections",
                    Rule.ADMIN,
                    f -> post(
                            "/api/nft/collections",
                            "{\"symbol\":\"M-"
                                    + UUID.randomUUID()
                                            .toString()
                                            .substring(0, 8)
                                            .toUpperCase() + "\",\"name\":\"matrix\",\"soulbound\":false}")),
            row("GET", "/api/nft/collections", Rule.AUTHENTICATED, f -> get("/api/nft/collections")),
            row(
                    "POST",
                    "/api/nft/collections/{collection}/mint",
                    Rule.SCOPE,
                    "nft:mint",
                    f -> post(
                            "/api/nft/collections/" + f.nftCollection + "/mint",
                            "{\"toEntityId\":\"" + f.owner + "\",\"metadata\":{\"name\":\"matrix\"}}")),
            row(
                    "POST",
                    "/api/nft/{collection}/{tokenNumber}/transfer",
                    Rule.OWNER_ONLY,
                    f -> post(
                            "/api/nft/" + f.nftCollection + "/" + f.freshNft() + "/transfer",
                            json("toEntityId", f.other))),
            // without a bridge the owner's call is 422 NFT_BRIDGE_OFF; with one, a withdrawal (Anvil)
            row(
                    "POST",
                    "/api/nft/{collection}/{tokenNumber}/withdraw",
                    Rule.OWNER_ONLY,
                    f -> post(
                            "/api/nft/" + f.nftCollection + "/" + f.freshNft() + "/withdraw",
                            json("toAddress", "0x00000000000000000000000000000000000000b7"))),
            row(
                    "POST",
                    "/api/nft/{collection}/{tokenNumber}/burn",
                    Rule.OWNER_OR_ADMIN,
                    f -> post("/api/nft/" + f.nftCollection + "/" + f.freshNft() + "/burn", null)),
            row(
                    "GET",
                    "/api/nft/{collection}/{tokenNumber}",
                    Rule.AUTHENTICATED,
                    f -> get("/api/nft/" + f.nftCollection + "/1")),
            row(
                    "GET",
                    "/api/nft/{collection}/{tokenNumber}/metadata",
                    Rule.PUBLIC,
                    f -> get("/api/nft/" + f.nftCollection + "/1/metadata")),
            row("GET", "/api/nft/owned/{entityId}", Rule.OWNER_OR_ADMIN, f -> get("/api/nft/owned/" + f.owner)),
            row(
                    "POST",
                    "/api/nft/badge-rules",
                    Rule.ADMIN,
                    f -> post(
                            "/api/nft/badge-rules",
                            "{\"collection\":\"" + f.nftCollection + "\",\"name\":\"matrix\",\"trigger\":"
                                    + "\"VOTES_CAST\",\"threshold\":"
                                    + (500_000 + new java.util.Random().nextInt(500_000))
                                    + ",\"metadata\":{\"name\":\"matrix\"}}")),
            row("GET", "/api/nft/badge-rules", Rule.AUTHENTICATED, f -> get("/api/nft/badge-rules")),
            // BTA-GUAR, paused and unpaused in turn by whoever is let through (409 PAUSE_UNCHANGED is the business
            // speaking)
            row(
                    "POST",
                    "/api/tokens/{identifier}/pause",
                    Rule.ADMIN,
                    f -> post("/api/tokens/BTA-GUAR/pause", json("reason", "matrix"))),
            row(
                    "POST",
                    "/api/tokens/{identifier}/unpause",
                    Rule.ADMIN,
                    f -> post("/api/tokens/BTA-GUAR/unpause", null)));

    /**
     * The bridge's endpoints: there only with {@code tokenomics.bridge.enabled}, so checked by
     * {@link AuthorizationMatrixWithBridgeTest} against a local chain; {@code docs/SECURITY.md}
     * shows them with the others.
     */
    static final List<Row> BRIDGE_ROWS = List.of(
            row("GET", "/api/bridge", Rule.AUTHENTICATED, f -> get("/api/bridge")),
            // a second deployment answers the first's addresses and deploys nothing
            row("POST", "/api/bridge/deploy", Rule.ADMIN, f -> post("/api/bridge/deploy", "{}")),
            row(
                    "POST",
                    "/api/bridge/withdrawals",
                    Rule.OWNER_OR_ADMIN,
                    f -> post(
                            "/api/bridge/withdrawals",
                            json(
                                    "fromEntityId",
                                    f.owner,
                                    "tokenId",
                                    "BTA-UTIL",
                                    "amount",
                                    "0.000001",
                                    "toAddress",
                                    "0x00000000000000000000000000000000000000b7"))),
            row(
                    "GET",
                    "/api/bridge/withdrawals",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/bridge/withdrawals?entityId=" + f.owner)),
            row(
                    "GET",
                    "/api/bridge/withdrawals/{id}",
                    Rule.OWNER_OR_ADMIN_HIDDEN,
                    f -> get("/api/bridge/withdrawals/" + f.bridgeWithdrawal)),
            row(
                    "GET",
                    "/api/bridge/deposits",
                    Rule.OWNER_OR_ADMIN,
                    f -> get("/api/bridge/deposits?entityId=" + f.owner)),
            // an unknown deposit: the admin gets 404, which is the business speaking
            row(
                    "POST",
                    "/api/bridge/deposits/{id}/release",
                    Rule.ADMIN,
                    f -> post("/api/bridge/deposits/" + UUID.randomUUID() + "/release", json("entityId", f.owner))),
            row("GET", "/api/bridge/reconciliation", Rule.ADMIN, f -> get("/api/bridge/reconciliation")),
            row("POST", "/api/bridge/pause", Rule.ADMIN, f -> post("/api/bridge/pause", null)),
            row("POST", "/api/bridge/unpause", Rule.ADMIN, f -> post("/api/bridge/unpause", null)));

    /** Every row the document shows: the default context's and the bridge's. */
    static final List<Row> ALL_ROWS = java.util.stream.Stream.concat(MATRIX.stream(), BRIDGE_ROWS.stream())
            .toList();

    /** The rows of the endpoints this context has. */
    List<Row> matrix() {
        return MATRIX;
    }

    static ConfigurableApplicationContext context;
    static Api api;
    static int port;
    static Fixture fixture;

    /** Signs the "forged signature" caller's tokens: a key the service does not trust, of the kind it does. */
    static final Api.Signer OTHER_SECRET =
            new TokenIssuer("another-secret-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8))::issue;

    static Api.Signer forger = OTHER_SECRET;

    @BeforeAll
    static void start() {
        startWith("--tokenomics.security.jwt-secret=" + Api.SECRET);
    }

    /** Starts the service with {@code security}, the settings that say how it checks tokens. */
    static void startWith(String... security) {
        var args = new ArrayList<>(List.of(security));
        args.addAll(List.of(
                "--server.port=0",
                "--tokenomics.data-dir=target/test-data/authz-" + UUID.randomUUID(),
                "--tokenomics.governance.proposal-threshold=1000",
                "--tokenomics.limits.rate-limit.enabled=false",
                "--tokenomics.webhooks.follow-interval-ms=3600000",
                "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                "--tokenomics.audit.seal-interval=1h",
                "--logging.level.io.bta.tokenomics.requests=WARN"));
        context = new SpringApplicationBuilder(TokenomicsApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = new Api(port);
        fixture = new Fixture(api);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theTableCoversEveryEndpointOfTheApiAndNothingElse() {
        var described = ApiCatalog.of(api);
        var inTable = matrix().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(matrix()).as("one row per endpoint").hasSameSizeAs(inTable);
        var missing = new TreeSet<>(described);
        missing.removeAll(inTable);
        var stale = new TreeSet<>(inTable);
        stale.removeAll(described);
        assertThat(missing)
                .as("endpoints the OpenAPI document describes but the authorization matrix lacks")
                .isEmpty();
        assertThat(stale)
                .as("rows of the authorization matrix for endpoints that do not exist")
                .isEmpty();
    }

    @Test
    void everyCallerGetsExactlyTheAnswerTheTableAllows() {
        var violations = new ArrayList<String>();
        var byStatus = new TreeMap<Integer, Integer>();
        int calls = 0;
        for (var row : matrix()) {
            var seen = new EnumMap<Who, Integer>(Who.class);
            for (var who : Who.values()) {
                var call = row.call().apply(fixture);
                var answer = send(call, who, row.scope());
                calls++;
                byStatus.merge(answer.status(), 1, Integer::sum);
                seen.put(who, answer.status());
                int expected = row.rule().expected(who);
                String wrong = null;
                if (answer.status() >= 500) {
                    wrong = "a server error";
                } else if (expected == 0 && (answer.status() == 401 || answer.status() == 403)) {
                    wrong = "refused, but the table allows it";
                } else if (expected != 0 && answer.status() != expected) {
                    wrong = "expected " + expected;
                } else if (answer.status() >= 400 && !answer.problem()) {
                    wrong = "a refusal that is not a problem document";
                }
                if (wrong != null) {
                    violations.add(row.endpoint() + " as " + who.label + " -> " + answer.status() + ": " + wrong + " "
                            + abbreviate(answer.body()));
                }
            }
            System.out.printf("authz %-55s %-15s %s%n", row.endpoint(), row.rule().label, seen);
        }
        System.out.printf(
                "authz matrix: %d endpoints x %d kinds of caller = %d calls; statuses %s; violations %d%n",
                matrix().size(), Who.values().length, calls, byStatus, violations.size());
        violations.forEach(v -> System.out.println("authz VIOLATION " + v));
        assertThat(violations).as("calls whose answer differs from the table").isEmpty();
        Invariants.assertHold(context.getBean(JdbcClient.class));
    }

    @Test
    void docsSecurityShowsTheTable() throws IOException {
        var doc = Path.of("docs/SECURITY.md");
        var text = Files.readString(doc);
        int start = text.indexOf(DOC_START);
        int end = text.indexOf(DOC_END);
        var rendered = renderTable();
        if (Boolean.getBoolean("authz.writeDoc") && start >= 0 && end > start) {
            text = text.substring(0, start + DOC_START.length()) + "\n" + rendered + text.substring(end);
            Files.writeString(doc, text);
            return;
        }
        assertThat(start).as("docs/SECURITY.md has the marker " + DOC_START).isNotNegative();
        assertThat(end).as("docs/SECURITY.md has the marker " + DOC_END).isGreaterThan(start);
        assertThat(text.substring(start + DOC_START.length() + 1, end))
                .as("the table in docs/SECURITY.md, which must be the test's table"
                        + " (mvn test -Dtest=AuthorizationMatrixTest -Dauthz.writeDoc=true rewrites it)")
                .isEqualTo(rendered);
    }

    static final String DOC_START = "<!-- authorization-matrix:start (generated by AuthorizationMatrixTest) -->";
    static final String DOC_END = "<!-- authorization-matrix:end -->";

    /** The table as Markdown: ✓ allowed, else the refusal (403, or 404 where the thing is hidden); every row is 401 for the five kinds without valid credentials. */
    static String renderTable() {
        var shown = List.of(Who.OTHER, Who.OWNER, Who.SERVICE_TOKEN, Who.KEY_IN_SCOPE, Who.KEY_OUT_OF_SCOPE, Who.ADMIN);
        var sb = new StringBuilder();
        sb.append("| Method | Path | Rule | Scope |");
        shown.forEach(w -> sb.append(' ').append(w.label).append(" |"));
        sb.append("\n| --- | --- | --- | --- |");
        shown.forEach(w -> sb.append(" --- |"));
        sb.append('\n');
        var sorted = new ArrayList<>(ALL_ROWS);
        sorted.sort((a, b) -> a.endpoint().compareTo(b.endpoint()));
        for (var row : sorted) {
            sb.append("| ")
                    .append(row.endpoint().method())
                    .append(" | `")
                    .append(row.endpoint().path())
                    .append("` | ")
                    .append(row.rule().label)
                    .append(" | ")
                    .append(row.scope() == null ? "" : "`" + row.scope() + "`")
                    .append(" |");
            for (var w : shown) {
                var expected = row.rule().expected(w);
                sb.append(' ')
                        .append(expected == 0 ? "✓" : String.valueOf(expected))
                        .append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ---- sending as each kind of caller -------------------------------------------------------------

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Answer send(Call call, Who who, String scope) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        switch (who) {
            case NONE -> {}
            case EXPIRED -> bearer(builder, fixture.expired);
            case FORGED -> bearer(builder, fixture.forged);
            case ALG_NONE -> bearer(builder, fixture.unsigned);
            case REVOKED_KEY -> builder.header("X-API-Key", fixture.revokedKey);
            case OTHER -> bearer(builder, Api.token(fixture.other));
            case OWNER -> bearer(builder, Api.token(fixture.owner));
            case SERVICE_TOKEN -> bearer(builder, Api.token("platform-service", "SERVICE"));
            case KEY_IN_SCOPE -> builder.header("X-API-Key", fixture.keyWith(scope));
            case KEY_OUT_OF_SCOPE -> builder.header("X-API-Key", fixture.keyWithout(scope));
            case ADMIN -> bearer(builder, Api.adminToken());
        }
        try {
            return Answer.send(HTTP, builder.build());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    private static void bearer(HttpRequest.Builder builder, String token) {
        builder.header("Authorization", "Bearer " + token);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** The data the calls act on, created through the API as an admin or as the owner. */
    static final class Fixture {
        static final String WEBHOOK = "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"*\"]}";

        final Api api;
        final String owner = "owner-" + UUID.randomUUID();
        final String other = "other-" + UUID.randomUUID();
        /** The beneficiary of the owner's guarantees: a party too, so neither "owner" nor "other". */
        final String beneficiary = "beneficiary-" + UUID.randomUUID();

        final String expired;
        final String forged;
        final String unsigned;
        final String revokedKey;
        final String ownersTransaction;
        final String ownersTransactionHash;
        final String proposal;
        final String pool;
        final String ammPool;
        /** An airdrop that lists the owner. */
        final String airdrop;
        /** A vesting grant of the owner's. */
        final String vesting;
        /** A farm of BTA-UTIL in which the owner holds a position. */
        final String farm;

        final String allocation;
        final String auction;
        final String webhook;
        final String nftCollection =
                "MX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        /** A withdrawal of the owner's, made where the bridge is enabled. */
        String bridgeWithdrawal;

        private final Map<String, String> keys = new LinkedHashMap<>();

        Fixture(Api api) {
            this.api = api;
            var admin = Api.adminToken();
            expired = new TokenIssuer(Api.SECRET.getBytes(StandardCharsets.UTF_8))
                    .issue("admin", List.of("ADMIN"), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
            forged = new TokenIssuer(
                            "another-secret-that-is-also-long-enough-0123456789".getBytes(StandardCharsets.UTF_8))
                    .issue("admin", List.of("ADMIN"), Instant.now(), Duration.ofHours(1));
            unsigned = new PlainJWT(new JWTClaimsSet.Builder()
                            .subject("admin")
                            .claim("roles", List.of("ADMIN"))
                            .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                            .build())
                    .serialize();
            ok(api.post("/api/tokens/initialize", admin, null));
            var funding = ok(api.post(
                    "/api/tokens/transfer",
                    admin,
                    json("fromEntityId", "treasury", "toEntityId", owner, "tokenId", "BTA-UTIL", "amount", "1000")));
            ownersTransaction = funding.text("id");
            ownersTransactionHash = funding.text("txHash");
            ok(api.post(
                    "/api/tokens/transfer",
                    admin,
                    json("fromEntityId", "treasury", "toEntityId", owner, "tokenId", "BTA-GOV", "amount", "100000")));
            ok(api.post("/api/tokens/mint", admin, json("entityId", owner, "tokenId", "BTA-GUAR", "amount", "1000")));
            var revoked = createKey("trust:write");
            ok(api.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + port + "/api/admin/api-keys/" + revoked.text("id")))
                            .DELETE(),
                    admin,
                    null));
            revokedKey = revoked.text("secret");
            proposal = freshProposal();
            pool = ok(api.post(
                            "/api/staking/pools",
                            admin,
                            "{\"tokenId\":\"BTA-UTIL\",\"name\":\"matrix\",\"apy\":5,\"minStakeAmount\":\"1\","
                                    + "\"lockPeriod\":0}"))
                    .text("id");
            ammPool = ok(api.post("/api/amm/pools", admin, json("tokenA", "BTA-GOV", "tokenB", "BTA-UTIL")))
                    .text("id");
            ok(api.post(
                    "/api/amm/pools/" + ammPool + "/liquidity",
                    Api.token(owner),
                    json("amountADesired", "100", "amountBDesired", "100")));
            airdrop = ok(api.post(
                            "/api/airdrops",
                            admin,
                            "{\"tokenId\":\"BTA-UTIL\",\"name\":\"matrix\",\"endsAt\":\"2100-01-01T00:00:00Z\","
                                    + "\"claims\":[{\"entityId\":\"" + owner + "\",\"amount\":\"1\"}]}"))
                    .text("id");
            vesting = ok(api.post(
                            "/api/vesting",
                            admin,
                            "{\"beneficiaryId\":\"" + owner + "\",\"tokenId\":\"BTA-UTIL\",\"total\":\"1\","
                                    + "\"start\":\"2020-01-01T00:00:00Z\",\"durationSeconds\":60,\"revocable\":true}"))
                    .text("id");
            farm = farmOf("BTA-UTIL");
            allocation = freshAllocation();
            auction = freshAuction();
            webhook = freshWebhook();
            ok(api.post(
                    "/api/nft/collections",
                    admin,
                    "{\"symbol\":\"" + nftCollection + "\",\"name\":\"matrix\",\"soulbound\":false}"));
            freshNft();
        }

        /** The farm of a token (created if there is none), with a position of the owner's in it. */
        String farmOf(String token) {
            var admin = Api.adminToken();
            String id = null;
            for (var f : api.get("/api/farms", admin).json()) {
                if (f.get("stakeTokenSymbol").asString().equals(token)) {
                    id = f.get("id").asString();
                }
            }
            if (id == null) {
                id = ok(api.post("/api/farms", admin, json("stakeTokenId", token, "allocPoint", 1)))
                        .text("id");
            }
            ok(api.post("/api/farms/" + id + "/deposit", Api.token(owner), json("amount", "1")));
            return id;
        }

        String keyWith(String scope) {
            return scope == null ? key(ApiKeys.SCOPES) : key(List.of(scope));
        }

        /** A key with every scope but the row's; for a row with none, a key with one scope. */
        String keyWithout(String scope) {
            if (scope == null) {
                return key(List.of("trust:write"));
            }
            return key(ApiKeys.SCOPES.stream().filter(s -> !s.equals(scope)).toList());
        }

        private String key(java.util.Collection<String> scopes) {
            var sorted = new TreeSet<>(scopes);
            return keys.computeIfAbsent(String.join(",", sorted), k -> createKey(sorted.toArray(String[]::new))
                    .text("secret"));
        }

        Api.Response createKey(String... scopes) {
            var list = java.util.Arrays.stream(scopes).map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
            return ok(api.post(
                    "/api/admin/api-keys",
                    Api.adminToken(),
                    "{\"name\":\"m-" + UUID.randomUUID() + "\",\"scopes\":[" + list + "]}"));
        }

        String freshKeyId() {
            return createKey("trust:write").text("id");
        }

        String freshProposal() {
            return ok(api.post("/api/governance/proposals", Api.token(owner), json("title", "matrix")))
                    .text("id");
        }

        String freshStake() {
            return ok(api.post("/api/staking/stake", Api.token(owner), json("poolId", pool, "amount", "1")))
                    .text("id");
        }

        String freshReward() {
            return ok(api.post(
                            "/api/rewards",
                            Api.adminToken(),
                            json(
                                    "recipientId",
                                    owner,
                                    "type",
                                    "MANUAL",
                                    "sourceRef",
                                    "m-" + UUID.randomUUID(),
                                    "amount",
                                    "1")))
                    .text("id");
        }

        String freshAllocation() {
            return ok(api.post(
                            "/api/guarantees/allocations",
                            Api.adminToken(),
                            json(
                                    "guaranteeId",
                                    "g-" + UUID.randomUUID(),
                                    "guarantorId",
                                    owner,
                                    "beneficiaryId",
                                    beneficiary,
                                    "amount",
                                    "1")))
                    .text("id");
        }

        String freshAuction() {
            var id = "a-" + UUID.randomUUID();
            ok(api.put("/api/auctions/" + id, Api.adminToken(), json("baseBond", "10")));
            return id;
        }

        /** A new token of the matrix's collection, owned by the owner: its number. */
        String freshNft() {
            return ok(api.post(
                            "/api/nft/collections/" + nftCollection + "/mint",
                            Api.adminToken(),
                            "{\"toEntityId\":\"" + owner + "\",\"metadata\":{\"name\":\"matrix\"}}"))
                    .json()
                    .get("tokenNumber")
                    .asString();
        }

        String freshWebhook() {
            return ok(api.post("/api/admin/webhooks", Api.adminToken(), WEBHOOK))
                    .text("id");
        }

        private static Api.Response ok(Api.Response r) {
            if (r.status() >= 300) {
                throw new IllegalStateException("fixture set-up failed: " + r.status() + " " + r.body());
            }
            return r;
        }
    }
}
