package io.bta.tokenomics.nft;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Await;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.PostgresNode;
import io.bta.tokenomics.support.TestClockConfig;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the service on one PostgreSQL: an entity's learning rewards granted on both at
 * once reach a badge rule's threshold on both, and the badge is awarded once; the scan for stakes
 * held 90 days, run on both at once, awards each badge once.
 */
class BadgesAcrossInstancesTest {

    @Test
    void aBadgeIsAwardedOnceAcrossTwoInstances() throws Exception {
        var name = "badges-instances-" + UUID.randomUUID().toString().substring(0, 8);
        try (var postgres = PostgresNode.primary(name)) {
            var contexts = new ArrayList<ConfigurableApplicationContext>();
            try {
                for (var instance : new String[] {"a", "b"}) {
                    contexts.add(new SpringApplicationBuilder(TokenomicsApplication.class, TestClockConfig.class)
                            .run(
                                    "--server.port=0",
                                    "--tokenomics.data-dir=target/test-data/" + name + "-" + instance,
                                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                                    "--spring.datasource.username=postgres",
                                    "--tokenomics.security.jwt-secret=" + Api.SECRET,
                                    "--tokenomics.limits.rate-limit.enabled=false",
                                    "--tokenomics.webhooks.follow-interval-ms=3600000",
                                    "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                                    "--tokenomics.audit.seal-interval=1h"));
                }
                var a = api(contexts.get(0));
                var b = api(contexts.get(1));
                var admin = Api.adminToken();
                assertThat(a.post("/api/tokens/initialize", admin, null).status())
                        .isIn(200, 201);
                var collection = a.post(
                        "/api/nft/collections", admin, "{\"symbol\":\"TWICE\",\"name\":\"Badges\",\"soulbound\":true}");
                assertThat(collection.status()).as(collection.body()).isEqualTo(201);
                var learningRule = a.post(
                        "/api/nft/badge-rules",
                        admin,
                        "{\"collection\":\"TWICE\",\"name\":\"Three courses\",\"trigger\":\"REWARDS_LEARNING\","
                                + "\"threshold\":3,\"metadata\":{\"name\":\"Three courses\"}}");
                assertThat(learningRule.status()).as(learningRule.body()).isEqualTo(201);

                // eight courses finished at once, four through each instance: three reach the threshold
                var pool = Executors.newFixedThreadPool(8);
                try {
                    var grants = new ArrayList<Callable<Api.Response>>();
                    for (int i = 0; i < 8; i++) {
                        var on = i % 2 == 0 ? a : b;
                        var course = "course-" + i;
                        grants.add(() -> on.post(
                                "/api/rewards/triggers/learning",
                                admin,
                                Api.json("entityId", "learner", "courseId", course)));
                    }
                    for (var f : pool.invokeAll(grants)) {
                        assertThat(f.get().status()).as(f.get().body()).isEqualTo(201);
                    }
                } finally {
                    pool.shutdownNow();
                }
                var jdbc = contexts.get(0).getBean(JdbcClient.class);
                Await.until(() -> jdbc.sql(
                                        "select count from nft_badge_progress where trigger = 'REWARDS_LEARNING' and entity_id = 'learner'")
                                .query(Long.class)
                                .optional()
                                .orElse(0L)
                        == 8);
                assertThat(owned(a, "learner")).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from rewards where type = 'NFT' and recipient_id = 'learner'")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);

                // a stake held 90 days; the scan runs on both instances at once
                var heldRule = a.post(
                        "/api/nft/badge-rules",
                        admin,
                        "{\"collection\":\"TWICE\",\"name\":\"Ninety days\",\"trigger\":\"STAKE_HELD_DAYS\","
                                + "\"threshold\":90,\"metadata\":{\"name\":\"Ninety days staked\"}}");
                assertThat(heldRule.status()).as(heldRule.body()).isEqualTo(201);
                var stakingPool = a.post(
                        "/api/staking/pools",
                        admin,
                        "{\"tokenId\":\"BTA-UTIL\",\"name\":\"held\",\"apy\":0,\"minStakeAmount\":\"1\",\"lockPeriod\":0}");
                assertThat(stakingPool.status()).as(stakingPool.body()).isEqualTo(201);
                for (var staker : new String[] {"sam", "sue", "sid"}) {
                    assertThat(a.post(
                                            "/api/tokens/transfer",
                                            admin,
                                            Api.json(
                                                    "fromEntityId",
                                                    "treasury",
                                                    "toEntityId",
                                                    staker,
                                                    "tokenId",
                                                    "BTA-UTIL",
                                                    "amount",
                                                    "5"))
                                    .status())
                            .isIn(200, 201);
                    var stake = (staker.equals("sid") ? b : a)
                            .post(
                                    "/api/staking/stake",
                                    Api.token(staker),
                                    Api.json("poolId", stakingPool.text("id"), "amount", "5"));
                    assertThat(stake.status()).as(stake.body()).isEqualTo(201);
                }
                for (var context : contexts) {
                    context.getBean(MutableClock.class).advance(Duration.ofDays(91));
                }
                var scans = Executors.newFixedThreadPool(4);
                int awarded = 0;
                try {
                    var runs = new ArrayList<Callable<Integer>>();
                    for (int i = 0; i < 4; i++) {
                        var context = contexts.get(i % 2);
                        runs.add(() -> scan(context));
                    }
                    for (var f : scans.invokeAll(runs)) {
                        awarded += f.get();
                    }
                } finally {
                    scans.shutdownNow();
                }
                assertThat(awarded).isEqualTo(3);
                for (var staker : new String[] {"sam", "sue", "sid"}) {
                    assertThat(owned(b, staker)).as(staker).isEqualTo(1);
                }
                Invariants.assertHold(jdbc);
            } finally {
                contexts.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    /** Runs the stakes-held scan of the instance (the component is internal to the module). */
    private static int scan(ConfigurableApplicationContext context) throws Exception {
        var awards = context.getBean(Class.forName("io.bta.tokenomics.nft.internal.BadgeAwards"));
        Method scan = awards.getClass().getMethod("scanStakesHeld");
        scan.setAccessible(true);
        return (Integer) scan.invoke(awards);
    }

    private static long owned(Api api, String entity) {
        var r = api.get("/api/nft/owned/" + entity, Api.adminToken());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().size();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
