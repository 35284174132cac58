package io.bta.tokenomics.nft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.nft.BadgeTrigger;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Await;
import io.bta.tokenomics.support.BadgeRules;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Badge rules: a badge the first time an entity's count reaches the threshold, once, whatever repeats. */
@IntegrationTest
class BadgeAwardsTest {

    @LocalServerPort
    int port;

    @Autowired
    Nfts nfts;

    @Autowired
    BadgeAwards awards;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    String collection;

    @BeforeEach
    void setUp() {
        collection = "BADGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        nfts.createCollection(collection, "Badges", true, null);
    }

    /** This test's rules are removed after it (see {@link BadgeRules}). */
    @org.junit.jupiter.api.AfterEach
    void removeRules() {
        BadgeRules.removeOf(jdbc, collection);
    }

    static EntityId entity(String name) {
        return EntityId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    void count(String key, BadgeTrigger trigger, EntityId entity) {
        transactions.executeWithoutResult(s -> awards.counted(key, trigger, entity));
    }

    long badges(EntityId entity) {
        return nfts.ownedBy(entity).stream()
                .filter(t -> t.collectionSymbol().equals(collection))
                .count();
    }

    @Test
    void theBadgeComesAtTheThresholdOnceAndARepeatedEventCountsNothing() {
        nfts.createBadgeRule(
                collection,
                "Five lessons",
                BadgeTrigger.REWARDS_LEARNING,
                5,
                new NftMetadata(
                        "Five lessons",
                        null,
                        null,
                        List.of(new NftMetadata.Attribute("lessons", new BigDecimal("5")))));
        var ann = entity("ann");
        for (int i = 1; i <= 4; i++) {
            count("learn-" + ann + "-" + i, BadgeTrigger.REWARDS_LEARNING, ann);
            count("learn-" + ann + "-" + i, BadgeTrigger.REWARDS_LEARNING, ann); // republished: not counted
        }
        assertThat(badges(ann)).isZero();
        count("learn-" + ann + "-5", BadgeTrigger.REWARDS_LEARNING, ann);
        assertThat(badges(ann)).isEqualTo(1);
        var badge = nfts.ownedBy(ann).stream()
                .filter(t -> t.collectionSymbol().equals(collection))
                .findFirst()
                .orElseThrow();
        assertThat(badge.metadata().name()).isEqualTo("Five lessons");
        assertThat(badge.soulbound()).isTrue();
        count("learn-" + ann + "-6", BadgeTrigger.REWARDS_LEARNING, ann);
        assertThat(badges(ann)).isEqualTo(1);
        var history = new Api(port).get("/api/rewards/" + ann + "?type=NFT", Api.token(ann.value()));
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        // other rules of the shared database may award ann too: this collection's badge is one reward
        var mine = new ArrayList<tools.jackson.databind.JsonNode>();
        history.json().get("items").forEach(item -> {
            if (item.get("badge").get("collection").asString().equals(collection)) {
                mine.add(item);
            }
        });
        assertThat(mine).hasSize(1);
        var reward = mine.get(0);
        assertThat(reward.get("type").asString()).isEqualTo("NFT");
        assertThat(reward.get("status").asString()).isEqualTo("AWARDED");
        assertThat(reward.get("badge").get("collection").asString()).isEqualTo(collection);
        assertThat(reward.get("badge").get("tokenNumber").asLong()).isEqualTo(badge.tokenNumber());
        assertThat(reward.get("reason").asString()).isEqualTo("badge: Five lessons");
        assertThat(jdbc.sql("select trust_score from nft_badge_awards where entity_id = ?")
                        .param(ann.value())
                        .query(BigDecimal.class)
                        .single())
                .isNotNull();
    }

    @Test
    void sixteenEventsAtOnceAwardTheBadgeOnce() throws Exception {
        nfts.createBadgeRule(
                collection,
                "First stake",
                BadgeTrigger.STAKES_OPENED,
                1,
                new NftMetadata("First stake", null, null, List.of()));
        var ben = entity("ben");
        var pool = Executors.newFixedThreadPool(16);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 16; i++) {
            var key = "stake-" + ben + "-" + i;
            tasks.add(() -> {
                count(key, BadgeTrigger.STAKES_OPENED, ben);
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();
        assertThat(badges(ben)).isEqualTo(1);
        assertThat(jdbc.sql("select count from nft_badge_progress where trigger = 'STAKES_OPENED' and entity_id = ?")
                        .param(ben.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(16);
    }

    @Test
    void aVoteCastInTheServiceAwardsTheFirstVoteBadge() throws Exception {
        nfts.createBadgeRule(
                collection,
                "First vote",
                BadgeTrigger.VOTES_CAST,
                1,
                new NftMetadata("First vote", null, "https://example.test/first-vote.png", List.of()));
        var cat = entity("cat");
        transactions.executeWithoutResult(s -> events.publishEvent(new VoteCast(
                UUID.randomUUID(),
                cat,
                Support.FOR,
                Amount.of("1"),
                new BigDecimal("50"),
                BigDecimal.ONE,
                Instant.now())));
        Await.until(() -> badges(cat) == 1); // the listener runs after the commit, on its own thread
        assertThat(badges(cat)).isEqualTo(1);
    }

    @Test
    void anAdminCreatesRulesOverHttp() {
        var api = new Api(port);
        var body =
                "{\"collection\":\"" + collection + "\",\"name\":\"Three referrals\",\"trigger\":\"REWARDS_REFERRAL\","
                        + "\"threshold\":3,\"metadata\":{\"name\":\"Three referrals\"}}";
        var created = api.post("/api/nft/badge-rules", Api.adminToken(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/nft/badge-rules", Api.adminToken(), body).code())
                .isEqualTo("BADGE_RULE_EXISTS");
        assertThat(api.post("/api/nft/badge-rules", Api.token("dee"), body).status())
                .isEqualTo(403);
        var bad = api.post("/api/nft/badge-rules", Api.adminToken(), body.replace("REWARDS_REFERRAL", "HUGS"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("trigger");
        assertThat(api.get("/api/nft/badge-rules", Api.token("dee")).body()).contains("Three referrals");
    }

    /** Opens a stake of 10 BTA-UTIL for a new entity in the pool; its id. */
    String stake(Api api, String pool, EntityId staker) {
        ledger.transfer(
                ledger.resolve("BTA-UTIL"), ledger.treasury(), staker, Amount.of(10), null, EntityId.of("admin"));
        var opened =
                api.post("/api/staking/stake", Api.token(staker.value()), Api.json("poolId", pool, "amount", "10"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.text("id");
    }

    @Test
    void aStakeHeldNinetyDaysEarnsTheBadgeOnceWhoeverScansAndItIsInTheRewardsHistory() throws Exception {
        var api = new Api(port);
        ledger.initializeTokens(EntityId.of("admin"));
        var rule = api.post(
                "/api/nft/badge-rules",
                Api.adminToken(),
                "{\"collection\":\"" + collection + "\",\"name\":\"Ninety days\",\"trigger\":\"STAKE_HELD_DAYS\","
                        + "\"threshold\":90,\"metadata\":{\"name\":\"Ninety days staked\"}}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var pool = api.post(
                "/api/staking/pools",
                Api.adminToken(),
                "{\"tokenId\":\"BTA-UTIL\",\"name\":\"held " + collection
                        + "\",\"apy\":0,\"minStakeAmount\":\"1\",\"lockPeriod\":0}");
        assertThat(pool.status()).as(pool.body()).isEqualTo(201);
        var poolId = pool.text("id");
        var keeper = entity("keeper"); // holds two stakes the whole time: one badge
        var quitter = entity("quitter"); // unstakes after 10 days: none
        var late = entity("late"); // holds 91 days but unstakes before anyone scans: one badge
        stake(api, poolId, keeper);
        stake(api, poolId, keeper);
        var quit = stake(api, poolId, quitter);
        var lateStake = stake(api, poolId, late);
        clock.advance(java.time.Duration.ofDays(10));
        assertThat(api.post("/api/staking/unstake/" + quit, Api.token(quitter.value()), null)
                        .status())
                .isEqualTo(200);
        var ruleId = java.util.UUID.fromString(rule.text("id"));
        // the database is shared with other tests, whose stakes this rule may award too: count ours
        java.util.function.LongSupplier ours =
                () -> jdbc.sql("select count(*) from nft_badge_awards where rule_id = ? and entity_id in (?, ?, ?)")
                        .params(ruleId, keeper.value(), quitter.value(), late.value())
                        .query(Long.class)
                        .single();
        clock.advance(java.time.Duration.ofDays(79).plusHours(23)); // 89 days and 23 hours
        awards.scanStakesHeld();
        assertThat(ours.getAsLong()).isZero();
        clock.advance(java.time.Duration.ofDays(1).plusHours(1)); // 90 days and an hour
        assertThat(api.post("/api/staking/unstake/" + lateStake, Api.token(late.value()), null)
                        .status())
                .isEqualTo(200);
        var scans = Executors.newFixedThreadPool(4);
        var results = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 4; i++) {
            results.add(scans.submit(() -> awards.scanStakesHeld()));
        }
        for (var r : results) {
            r.get(); // a badge awarded twice would fail a scan
        }
        scans.shutdown();
        assertThat(ours.getAsLong())
                .as("four scans at once award each badge once")
                .isEqualTo(2);
        assertThat(badges(keeper)).isEqualTo(1);
        assertThat(badges(late)).isEqualTo(1);
        assertThat(badges(quitter)).isZero();
        clock.advance(java.time.Duration.ofDays(30));
        awards.scanStakesHeld();
        assertThat(ours.getAsLong())
                .as("a later scan reads only stakes not read before")
                .isEqualTo(2);
        assertThat(badges(keeper)).isEqualTo(1);

        var history = api.get("/api/rewards/" + keeper + "?type=NFT", Api.token(keeper.value()));
        var nft = history.json().get("items").get(0);
        assertThat(nft.get("type").asString()).isEqualTo("NFT");
        assertThat(nft.get("status").asString()).isEqualTo("AWARDED");
        assertThat(nft.get("amount").asString()).isEqualTo("0");
        assertThat(nft.get("tokenId").isNull()).isTrue();
        assertThat(nft.get("trustScore").asString()).isNotBlank();
        assertThat(nft.get("badge").get("collection").asString()).isEqualTo(collection);
        var claim = api.post("/api/rewards/" + nft.get("id").asString() + "/claim", Api.token(keeper.value()), null);
        assertThat(claim.status())
                .as("a badge has nothing to claim: " + claim.body())
                .isEqualTo(409);
        var totals = api.get("/api/rewards/" + keeper + "/totals", Api.token(keeper.value()));
        assertThat(totals.status()).as(totals.body()).isEqualTo(200);
        assertThat(totals.body()).doesNotContain("NFT");
        var manual = api.post(
                "/api/rewards",
                Api.adminToken(),
                Api.json("recipientId", keeper.value(), "type", "NFT", "sourceRef", "x", "amount", "1"));
        assertThat(manual.status()).as(manual.body()).isEqualTo(400);
        assertThat(manual.refusedField("type")).contains("badge rule");
    }
}
