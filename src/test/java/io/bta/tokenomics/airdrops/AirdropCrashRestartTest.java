package io.bta.tokenomics.airdrops;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.reliability.ServiceProcess;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service is killed with SIGKILL while eight clients claim from one campaign of 600 entities
 * (group-committed claims). After the restart every acknowledged claim is there, paid once; every
 * entity, claiming again, is either told ALREADY_CLAIMED or paid now; in the end each holds exactly
 * its amount, the escrow is empty, and the ledger's invariants hold.
 */
class AirdropCrashRestartTest {

    private static final int ENTITIES = 600;
    private static final int CLIENTS = 8;

    @Test
    void everyAcknowledgedClaimSurvivesSigkillAndEveryEntityIsPaidOnce() throws Exception {
        var dataDir =
                Path.of("target/test-data/airdrop-crash-" + UUID.randomUUID()).toAbsolutePath();
        var entities = new ArrayList<String>();
        for (int i = 0; i < ENTITIES; i++) {
            entities.add("drop-" + i);
        }
        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        String id;
        try (var service =
                ServiceProcess.start("airdrop-crash", List.of("--server.port=0", "--tokenomics.data-dir=" + dataDir))) {
            var api = service.api();
            var admin = Api.adminToken();
            assertThat(api.post("/api/tokens/initialize", admin, null).status()).isEqualTo(201);
            var body = new StringBuilder(
                    "{\"tokenId\":\"BTA-UTIL\",\"name\":\"crash\",\"endsAt\":\"2100-01-01T00:00:00Z\",\"claims\":[");
            for (int i = 0; i < ENTITIES; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"entityId\":\"")
                        .append(entities.get(i))
                        .append("\",\"amount\":\"")
                        .append(amountOf(i))
                        .append("\"}");
            }
            var created = api.post("/api/airdrops", admin, body.append("]}").toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.text("id");

            var next = new AtomicInteger();
            var stop = new AtomicBoolean();
            var executor = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ENTITIES && !stop.get(); i = next.getAndIncrement()) {
                        try {
                            var r = api.post("/api/airdrops/" + id + "/claim", Api.token(entities.get(i)), null);
                            if (r.status() == 201) {
                                acknowledged.add(entities.get(i));
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            var deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (acknowledged.size() < 150 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5); // polling the clients' progress
            }
            service.kill();
            stop.set(true);
            executor.shutdown();
            assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(150).isLessThan(ENTITIES);
        }

        try (var restarted = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.limits.rate-limit.enabled=false")) {
            var api = new Api(
                    ((WebServerApplicationContext) restarted).getWebServer().getPort());
            var jdbc = restarted.getBean(JdbcClient.class);
            Set<String> claimedAfterRestart = ConcurrentHashMap.newKeySet();
            claimedAfterRestart.addAll(jdbc.sql("select entity_id from airdrop_claims where airdrop_id = ?::uuid"
                            + " and claimed_at is not null")
                    .param(id)
                    .query(String.class)
                    .list());
            assertThat(claimedAfterRestart)
                    .as("every acknowledged claim survived")
                    .containsAll(acknowledged);
            for (int i = 0; i < ENTITIES; i++) {
                var entity = entities.get(i);
                var again = api.post("/api/airdrops/" + id + "/claim", Api.token(entity), null);
                if (claimedAfterRestart.contains(entity)) {
                    assertThat(again.status()).as(entity + " " + again.body()).isEqualTo(409);
                    assertThat(again.code()).isEqualTo("ALREADY_CLAIMED");
                } else {
                    assertThat(again.status()).as(entity + " " + again.body()).isEqualTo(201);
                }
                var balance = api.get("/api/tokens/balances/" + entity + "/BTA-UTIL", Api.token(entity));
                assertThat(balance.text("available")).as(entity + " paid once").isEqualTo(amountOf(i));
            }
            var escrow = api.get("/api/tokens/balances/airdrop:" + id + "/BTA-UTIL", Api.adminToken());
            assertThat(escrow.text("available")).isEqualTo("0");
            assertThat(jdbc.sql("select count(*) from ledger_transactions where memo like ?")
                            .param("airdrop " + id + " claim%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(ENTITIES);
            Invariants.assertHold(jdbc);
        }
    }

    private static String amountOf(int i) {
        return (i + 1) + ".25";
    }
}
