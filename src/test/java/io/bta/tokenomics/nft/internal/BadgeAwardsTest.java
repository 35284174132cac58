package io.bta.tokenomics.nft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.nft.BadgeTrigger;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
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

    String collection;

    @BeforeEach
    void setUp() {
        collection = "BADGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        nfts.createCollection(collection, "Badges", true, null);
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
        var deadline = Instant.now().plusSeconds(15);
        while (badges(cat) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // the listener runs after the commit, on its own thread
        }
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
}
