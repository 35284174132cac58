package io.bta.tokenomics.airdrops;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Airdrops over HTTP against PostgreSQL: a campaign escrows its total in the transaction that
 * creates it, with OpenZeppelin's root; proofs check; each entity claims once (also from 16
 * threads at once); the window, the trust gate and the pause refuse with nothing moved; bad lists
 * are refused whole with their rows named; the sweep returns the rest once; governance creates one.
 */
@IntegrationTest
class AirdropsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Trust trust;

    @Autowired
    MutableClock clock;

    @Autowired
    List<ProposalActionType> actions;

    Api api;
    String admin;
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.adminToken();
        api.post("/api/tokens/initialize", admin, null);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void invariantsHold() {
        for (var token : ledger.tokens()) {
            if (token.paused()) {
                ledger.unpause(token.id(), EntityId.of("admin"));
            }
        }
        Invariants.assertHold(jdbc);
    }

    String who(String name) {
        return name + "-" + tag;
    }

    Map<String, String> claims(Object... entityAndAmount) {
        var claims = new LinkedHashMap<String, String>();
        for (int i = 0; i < entityAndAmount.length; i += 2) {
            claims.put(who((String) entityAndAmount[i]), (String) entityAndAmount[i + 1]);
        }
        return claims;
    }

    String body(String token, Map<String, String> claims, Instant startsAt, Instant endsAt, String minTrust) {
        var node = JSON.createObjectNode();
        node.put("tokenId", token);
        node.put("name", "launch " + tag);
        var list = node.putArray("claims");
        claims.forEach((e, a) -> list.addObject().put("entityId", e).put("amount", a));
        if (startsAt != null) {
            node.put("startsAt", startsAt.toString());
        }
        node.put("endsAt", endsAt.toString());
        if (minTrust != null) {
            node.put("minTrustScore", new BigDecimal(minTrust));
        }
        return JSON.writeValueAsString(node);
    }

    Api.Response create(Map<String, String> claims) {
        return api.post(
                "/api/airdrops",
                admin,
                body("BTA-UTIL", claims, null, clock.instant().plus(Duration.ofDays(7)), null));
    }

    Api.Response claim(String id, String entity) {
        return api.post("/api/airdrops/" + id + "/claim", Api.token(entity), null);
    }

    Amount balance(String entity, String token) {
        return ledger.balance(EntityId.of(entity), ledger.resolve(token)).available();
    }

    @Test
    void aCampaignEscrowsItsTotalAndCommitsToItsListWithOpenZeppelinsRoot() {
        var list = claims("alice", "100", "bob", "2.5", "carol", "0.000000000000000001");
        var treasuryBefore = balance("treasury", "BTA-UTIL");

        var created = create(list);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.text("id");
        assertThat(created.text("total")).isEqualTo("102.500000000000000001");
        assertThat(created.json().get("claimCount").asInt()).isEqualTo(3);
        assertThat(created.text("status")).isEqualTo("OPEN");
        var leaves = list.entrySet().stream()
                .map(e -> new MerkleTree.Leaf(
                        e.getKey(), Amount.parse(e.getValue()).units()))
                .toList();
        assertThat(created.text("merkleRoot"))
                .isEqualTo(MerkleTree.hex(MerkleTree.of(leaves).root()));
        assertThat(balance("airdrop:" + id, "BTA-UTIL")).isEqualTo(Amount.parse("102.500000000000000001"));
        assertThat(balance("treasury", "BTA-UTIL"))
                .isEqualTo(treasuryBefore.minus(Amount.parse("102.500000000000000001")));
        assertThat(api.get("/api/airdrops/" + id, Api.token(who("dave"))).text("merkleRoot"))
                .isEqualTo(created.text("merkleRoot"));
        assertThat(api.get("/api/airdrops?limit=100", admin).body()).contains(id);
    }

    @Test
    void aProofLeadsFromTheLeafToTheRootAndOnlyItsEntityOrAnAdminReadsIt() {
        var created = create(claims("alice", "7", "bob", "8", "carol", "9", "dave", "10", "erin", "11"));
        var id = created.text("id");

        var proof = api.get("/api/airdrops/" + id + "/proof/" + who("carol"), Api.token(who("carol")));

        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertThat(proof.text("amount")).isEqualTo("9");
        assertThat(proof.text("amountUnits")).isEqualTo("9000000000000000000");
        assertThat(proof.text("merkleRoot")).isEqualTo(created.text("merkleRoot"));
        var leaf = MerkleTree.leafHash(who("carol"), new BigInteger("9000000000000000000"));
        assertThat(proof.text("leaf")).isEqualTo(MerkleTree.hex(leaf));
        var siblings = new ArrayList<byte[]>();
        proof.json()
                .get("proof")
                .forEach(p -> siblings.add(HexFormat.of().parseHex(p.asString().substring(2))));
        assertThat(siblings).isNotEmpty();
        var root = HexFormat.of().parseHex(created.text("merkleRoot").substring(2));
        assertThat(MerkleTree.verify(root, leaf, siblings)).isTrue();
        assertThat(MerkleTree.verify(root, MerkleTree.leafHash(who("carol"), BigInteger.TEN.pow(19)), siblings))
                .isFalse();

        assertThat(api.get("/api/airdrops/" + id + "/proof/" + who("carol"), Api.token(who("bob")))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/airdrops/" + id + "/proof/" + who("carol"), admin)
                        .text("leaf"))
                .isEqualTo(MerkleTree.hex(leaf));
        var stranger = api.get("/api/airdrops/" + id + "/proof/" + who("zed"), Api.token(who("zed")));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void anEntityClaimsOnceAndTheClaimIsRecordedWithItsTrustScore() {
        var id = create(claims("alice", "40", "bob", "60")).text("id");
        trust.record(EntityId.of(who("alice")), new BigDecimal("72.5"), EntityId.of("admin"));

        var first = claim(id, who("alice"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("amount")).isEqualTo("40");
        assertThat(first.json().get("trustScore").decimalValue()).isEqualByComparingTo("72.5");
        assertThat(first.json().get("transaction").get("fromEntityId").asString())
                .isEqualTo("airdrop:" + id);
        assertThat(first.json().get("transaction").get("toEntityId").asString()).isEqualTo(who("alice"));
        assertThat(balance(who("alice"), "BTA-UTIL")).isEqualTo(Amount.of(40));
        // the claim's transfer is sealed into the audit chain like every ledger transaction
        audit.sealAll();
        var proofOfClaim = api.get(
                "/api/tokens/transactions/"
                        + first.json().get("transaction").get("id").asString() + "/proof",
                Api.token(who("alice")));
        assertThat(proofOfClaim.status()).as(proofOfClaim.body()).isEqualTo(200);
        long head = Invariants.ledgerHead(jdbc);

        var again = claim(id, who("alice"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_CLAIMED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        assertThat(balance(who("alice"), "BTA-UTIL")).isEqualTo(Amount.of(40));
        var campaign = api.get("/api/airdrops/" + id, admin);
        assertThat(campaign.json().get("claimedCount").asInt()).isEqualTo(1);
        assertThat(campaign.text("claimedAmount")).isEqualTo("40");
        assertThat(campaign.text("unclaimedAmount")).isEqualTo("60");
        assertThat(jdbc.sql("select trust_score from airdrop_claims where airdrop_id = ?::uuid and entity_id = ?")
                        .param(id)
                        .param(who("alice"))
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("72.5");
        // an entity not listed, and another entity's claim
        var stranger = claim(id, who("zed"));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("NOT_ELIGIBLE");
        var forBob =
                api.post("/api/airdrops/" + id + "/claim", Api.token(who("alice")), Api.json("entityId", who("bob")));
        assertThat(forBob.status()).isEqualTo(403);
        var byAdmin = api.post("/api/airdrops/" + id + "/claim", admin, Api.json("entityId", who("bob")));
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        assertThat(balance(who("bob"), "BTA-UTIL")).isEqualTo(Amount.of(60));
        assertThat(api.get("/api/airdrops/" + id + "/proof/" + who("bob"), admin)
                        .text("claimedAt"))
                .isNotBlank();
    }

    @Autowired
    Airdrops airdrops;

    @Autowired
    io.bta.tokenomics.audit.Audit audit;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aBatchOfClaimsAnswersEachOnItsOwnInOrder() {
        var created = api.post(
                "/api/airdrops",
                admin,
                body(
                        "BTA-UTIL",
                        claims("a", "1", "b", "2", "c", "3"),
                        null,
                        clock.instant().plus(Duration.ofDays(1)),
                        "50"));
        var id = AirdropId.of(created.text("id"));
        var low = new BigDecimal("49");
        var ok = new BigDecimal("80");
        EntityId a = EntityId.of(who("a")), b = EntityId.of(who("b")), c = EntityId.of(who("c"));
        long head = Invariants.ledgerHead(jdbc);

        var outcomes = transactions.execute(status -> airdrops.claimAll(List.of(
                new Airdrops.ClaimRequest(id, a, ok, a),
                new Airdrops.ClaimRequest(id, EntityId.of(who("z")), ok, EntityId.of(who("z"))),
                new Airdrops.ClaimRequest(id, b, ok, b),
                new Airdrops.ClaimRequest(id, a, ok, a),
                new Airdrops.ClaimRequest(id, c, low, c),
                new Airdrops.ClaimRequest(new AirdropId(UUID.randomUUID()), a, ok, a))));

        assertThat(outcomes.get(0)).isInstanceOf(AirdropClaim.class);
        assertThat(((io.bta.tokenomics.shared.error.DomainProblem) outcomes.get(1)).code())
                .isEqualTo("NOT_ELIGIBLE");
        assertThat(((AirdropClaim) outcomes.get(2)).amount()).isEqualTo(Amount.of(2));
        assertThat(((io.bta.tokenomics.shared.error.DomainProblem) outcomes.get(3)).code())
                .isEqualTo("ALREADY_CLAIMED");
        assertThat(((io.bta.tokenomics.shared.error.DomainProblem) outcomes.get(4)).code())
                .isEqualTo("TRUST_TOO_LOW");
        assertThat(((io.bta.tokenomics.shared.error.DomainProblem) outcomes.get(5)).code())
                .isEqualTo("UNKNOWN_AIRDROP");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head + 2);
        assertThat(balance(who("a"), "BTA-UTIL")).isEqualTo(Amount.of(1));
        assertThat(balance(who("c"), "BTA-UTIL")).isEqualTo(Amount.ZERO);
    }

    @Test
    void oneEntityClaimingFromSixteenThreadsIsPaidOnce() throws Exception {
        var id = create(claims("alice", "5", "bob", "6")).text("id");
        long head = Invariants.ledgerHead(jdbc);
        var pool = Executors.newFixedThreadPool(16);
        try {
            var tasks = new ArrayList<Callable<Api.Response>>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> claim(id, who("alice")));
            }
            var statuses = new ArrayList<Integer>();
            for (var f : pool.invokeAll(tasks)) {
                var r = f.get();
                statuses.add(r.status());
                if (r.status() != 201) {
                    assertThat(r.code()).isEqualTo("ALREADY_CLAIMED");
                }
            }
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head + 1);
        assertThat(balance(who("alice"), "BTA-UTIL")).isEqualTo(Amount.of(5));
    }

    @Test
    void manyEntitiesClaimingAtOnceAreEachPaidTheirAmount() throws Exception {
        var list = new LinkedHashMap<String, String>();
        for (int i = 0; i < 200; i++) {
            list.put(who("many" + i), (i + 1) + ".5");
        }
        var id = create(list).text("id");
        var pool = Executors.newFixedThreadPool(32);
        try {
            var tasks = new ArrayList<Callable<Api.Response>>();
            list.keySet().forEach(e -> tasks.add(() -> claim(id, e)));
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get().status()).as(f.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        list.forEach((e, a) -> assertThat(balance(e, "BTA-UTIL")).isEqualTo(Amount.parse(a)));
        assertThat(balance("airdrop:" + id, "BTA-UTIL")).isEqualTo(Amount.ZERO);
        assertThat(api.get("/api/airdrops/" + id, admin)
                        .json()
                        .get("claimedCount")
                        .asInt())
                .isEqualTo(200);
    }

    @Test
    void claimsAreTakenOnlyWithinTheWindow() {
        var starts = clock.instant().plus(Duration.ofHours(1));
        var ends = clock.instant().plus(Duration.ofHours(2));
        var created = api.post(
                "/api/airdrops", admin, body("BTA-UTIL", claims("alice", "1", "bob", "1"), starts, ends, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("SCHEDULED");
        var id = created.text("id");
        long head = Invariants.ledgerHead(jdbc);

        var early = claim(id, who("alice"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("AIRDROP_NOT_STARTED");

        clock.set(starts);
        assertThat(claim(id, who("alice")).status()).isEqualTo(201);

        clock.set(ends);
        var late = claim(id, who("bob"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("AIRDROP_ENDED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head + 1);
        assertThat(api.get("/api/airdrops/" + id, admin).text("status")).isEqualTo("ENDED");
    }

    @Test
    void aTrustGatedAirdropRefusesALowScoreWithNothingMoved() {
        var created = api.post(
                "/api/airdrops",
                admin,
                body("BTA-UTIL", claims("alice", "3"), null, clock.instant().plus(Duration.ofDays(1)), "60"));
        var id = created.text("id");
        trust.record(EntityId.of(who("alice")), new BigDecimal("59.999999"), EntityId.of("admin"));
        long head = Invariants.ledgerHead(jdbc);

        var low = claim(id, who("alice"));

        assertThat(low.status()).isEqualTo(422);
        assertThat(low.code()).isEqualTo("TRUST_TOO_LOW");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        trust.record(EntityId.of(who("alice")), new BigDecimal("60"), EntityId.of("admin"));
        var enough = claim(id, who("alice"));
        assertThat(enough.status()).as(enough.body()).isEqualTo(201);
        assertThat(enough.json().get("trustScore").decimalValue()).isEqualByComparingTo("60");
    }

    @Test
    void aBadListIsRefusedWholeWithEveryOffendingRowNamedAndNothingMoves() {
        long head = Invariants.ledgerHead(jdbc);
        var body = "{\"tokenId\":\"BTA-REWARD\",\"name\":\"bad\",\"endsAt\":\""
                + clock.instant().plus(Duration.ofDays(1)) + "\",\"claims\":["
                + "{\"entityId\":\"ok-" + tag + "\",\"amount\":\"1\"},"
                + "{\"entityId\":\"dup-" + tag + "\",\"amount\":\"1\"},"
                + "{\"entityId\":\"zero-" + tag + "\",\"amount\":\"0\"},"
                + "{\"entityId\":\"dup-" + tag + "\",\"amount\":\"2\"},"
                + "{\"entityId\":\"bad id!\",\"amount\":\"1\"},"
                + "{\"entityId\":\"fine-" + tag + "\",\"amount\":\"1.0000000000000000001\"},"
                + "{\"entityId\":\"neg-" + tag + "\",\"amount\":\"-3\"},"
                + "{\"entityId\":\"word-" + tag + "\",\"amount\":\"ten\"}]}";

        var refused = api.post("/api/airdrops", admin, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_INPUT");
        var fields = new ArrayList<String>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields)
                .containsExactly(
                        "claims[2].amount",
                        "claims[3].entityId",
                        "claims[4].entityId",
                        "claims[5].amount",
                        "claims[6].amount",
                        "claims[7].amount");
        assertThat(refused.json().get("errors").get(1).get("message").asString())
                .isEqualTo("listed twice, first at claims[1]");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from airdrop_campaigns where name = 'bad'")
                        .query(Long.class)
                        .single())
                .isZero();

        var empty = api.post(
                "/api/airdrops",
                admin,
                body("BTA-UTIL", Map.of(), null, clock.instant().plusSeconds(60), null));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.refusedField("claims")).contains("at least one");
        var past = api.post(
                "/api/airdrops",
                admin,
                body("BTA-UTIL", claims("a", "1"), null, clock.instant().minusSeconds(1), null));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.refusedField("endsAt")).contains("future");
        var unknownToken = api.post(
                "/api/airdrops",
                admin,
                body("BTA-NOPE", claims("a", "1"), null, clock.instant().plusSeconds(60), null));
        assertThat(unknownToken.status()).isEqualTo(400);
        assertThat(unknownToken.refusedField("tokenId")).isNotBlank();
        var trustOutOfRange = api.post(
                "/api/airdrops",
                admin,
                body("BTA-UTIL", claims("a", "1"), null, clock.instant().plusSeconds(60), "101"));
        assertThat(trustOutOfRange.status()).isEqualTo(400);
        assertThat(trustOutOfRange.refusedField("minTrustScore")).isNotBlank();
        assertThat(api.post(
                                "/api/airdrops",
                                Api.token(who("alice")),
                                body(
                                        "BTA-UTIL",
                                        claims("a", "1"),
                                        null,
                                        clock.instant().plusSeconds(60),
                                        null))
                        .status())
                .isEqualTo(403);
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
    }

    @Test
    void aListOfTwentyThousandClaimsOverTheUsualBodyLimitIsTaken() {
        var list = new LinkedHashMap<String, String>();
        for (int i = 0; i < 20_000; i++) {
            list.put("bulk-" + tag + "-" + i, "1." + i);
        }
        var body = body("BTA-UTIL", list, null, clock.instant().plus(Duration.ofDays(1)), null);
        assertThat(body.length()).isGreaterThan(1 << 20);

        var created = api.post("/api/airdrops", admin, body, "bulk-" + tag);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("claimCount").asInt()).isEqualTo(20_000);
        var proof = api.get("/api/airdrops/" + created.text("id") + "/proof/bulk-" + tag + "-12345", admin);
        assertThat(proof.json().get("proof").size()).isBetween(14, 15);
        var leaf = HexFormat.of().parseHex(proof.text("leaf").substring(2));
        var siblings = new ArrayList<byte[]>();
        proof.json()
                .get("proof")
                .forEach(p -> siblings.add(HexFormat.of().parseHex(p.asString().substring(2))));
        assertThat(MerkleTree.verify(
                        HexFormat.of().parseHex(created.text("merkleRoot").substring(2)), leaf, siblings))
                .isTrue();
    }

    @Test
    void theSweepReturnsTheUnclaimedRestOnceAfterTheEnd() {
        var ends = clock.instant().plus(Duration.ofHours(1));
        var id = api.post(
                        "/api/airdrops", admin, body("BTA-UTIL", claims("alice", "10", "bob", "15"), null, ends, null))
                .text("id");
        assertThat(claim(id, who("alice")).status()).isEqualTo(201);

        var early = api.post("/api/airdrops/" + id + "/sweep", admin, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("AIRDROP_NOT_ENDED");
        assertThat(api.post("/api/airdrops/" + id + "/sweep", Api.token(who("alice")), null)
                        .status())
                .isEqualTo(403);

        clock.set(ends);
        var treasuryBefore = balance("treasury", "BTA-UTIL");
        var swept = api.post("/api/airdrops/" + id + "/sweep", admin, null);

        assertThat(swept.status()).as(swept.body()).isEqualTo(200);
        assertThat(swept.text("sweptAmount")).isEqualTo("15");
        assertThat(balance("treasury", "BTA-UTIL")).isEqualTo(treasuryBefore.plus(Amount.of(15)));
        assertThat(balance("airdrop:" + id, "BTA-UTIL")).isEqualTo(Amount.ZERO);
        var again = api.post("/api/airdrops/" + id + "/sweep", admin, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_SWEPT");
        assertThat(claim(id, who("bob")).code()).isEqualTo("AIRDROP_ENDED");
        var campaign = api.get("/api/airdrops/" + id, admin);
        assertThat(campaign.text("status")).isEqualTo("SWEPT");
        assertThat(campaign.text("sweptAmount")).isEqualTo("15");
    }

    @Test
    void concurrentSweepsReturnTheRestOnce() throws Exception {
        var ends = clock.instant().plus(Duration.ofHours(1));
        var id = api.post("/api/airdrops", admin, body("BTA-UTIL", claims("alice", "10"), null, ends, null))
                .text("id");
        clock.set(ends);
        long head = Invariants.ledgerHead(jdbc);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Api.Response>>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> api.post("/api/airdrops/" + id + "/sweep", admin, null));
            }
            int ok = 0;
            for (var f : pool.invokeAll(tasks)) {
                if (f.get().status() == 200) {
                    ok++;
                } else {
                    assertThat(f.get().code()).isEqualTo("ALREADY_SWEPT");
                }
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head + 1);
    }

    @Test
    void aPausedTokenRefusesClaimsWithNothingMovedAndTheyGoOnAfterTheUnpause() {
        var id = create(claims("alice", "4")).text("id");
        assertThat(api.post("/api/tokens/BTA-UTIL/pause", admin, "{\"reason\":\"drill\"}")
                        .status())
                .isEqualTo(200);
        long head = Invariants.ledgerHead(jdbc);

        var paused = claim(id, who("alice"));

        assertThat(paused.status()).isEqualTo(409);
        assertThat(paused.code()).isEqualTo("TOKEN_PAUSED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        assertThat(api.get("/api/airdrops/" + id + "/proof/" + who("alice"), admin)
                        .json()
                        .get("claimedAt")
                        .isNull())
                .isTrue();
        assertThat(api.post("/api/tokens/BTA-UTIL/unpause", admin, "{}").status())
                .isEqualTo(200);
        assertThat(claim(id, who("alice")).status()).isEqualTo(201);
    }

    @Test
    void theEscrowIsMovedByTheAirdropsAloneNotEvenByAnAdmin() {
        var id = create(claims("alice", "4")).text("id");

        var taken = api.post(
                "/api/tokens/transfer",
                admin,
                Api.json("fromEntityId", "airdrop:" + id, "toEntityId", "admin", "tokenId", "BTA-UTIL", "amount", "4"));

        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.code()).isEqualTo("ENTITY_IN_CUSTODY");
    }

    @Test
    void governanceCreatesACampaignFromAProposalsAction() {
        var action = actions.stream()
                .filter(a -> a.type().equals("CREATE_AIRDROP"))
                .findFirst()
                .orElseThrow();
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("tokenId", "BTA-UTIL");
        parameters.put("name", "dao drop " + tag);
        parameters.put("claims", who("alice") + ",12\n" + who("bob") + ",0.5\n");
        parameters.put("endsAt", clock.instant().plus(Duration.ofDays(30)).toString());

        var normalized = action.validate(parameters);
        action.execute(
                normalized, new ProposalActionType.Execution(new ProposalId(UUID.randomUUID()), EntityId.of("admin")));

        var campaign = jdbc.sql("select id, total from airdrop_campaigns where name = ?")
                .param("dao drop " + tag)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                .single();
        assertThat(campaign.getValue()).isEqualByComparingTo("12.5");
        assertThat(claim(campaign.getKey(), who("bob")).status()).isEqualTo(201);

        var bad = new LinkedHashMap<>(parameters);
        bad.put("claims", who("alice") + ",12\n" + who("alice") + ",1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> action.validate(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claims[1].entityId");
    }
}
