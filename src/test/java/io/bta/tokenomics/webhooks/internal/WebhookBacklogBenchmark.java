package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.support.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long picking the next due webhook delivery takes as the backlog to one endpoint grows, when
 * every message shares one ordering key (a busy account in every transfer). On demand only
 * ({@code mvn -Pbench verify -Dtest=WebhookBacklogBenchmark}); it empties the deliveries table of
 * its context. Before V15 a pick cost 0.2 s at 1,000 pending and 2.7 s at 5,000; see
 * docs/RELIABILITY.md.
 */
@IntegrationTest
class WebhookBacklogBenchmark {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryStore deliveries;

    @Autowired
    PlatformTransactionManager tm;

    @Test
    void measure() {
        var tx = new TransactionTemplate(tm);
        for (int n : new int[] {1000, 5000, 20000}) {
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from webhook_deliveries").update();
                jdbc.sql("delete from webhook_endpoints where created_by = 'measure'")
                        .update();
                jdbc.sql(
                                "insert into webhook_endpoints (id, url, event_types, secret, status, created_by, created_at, updated_at)"
                                        + " values ('00000000-0000-0000-0000-0000000000aa', 'http://127.0.0.1:9/', '{*}', 'whsec_x', 'ENABLED', 'measure', now(), now())")
                        .update();
                jdbc.sql(
                                "insert into webhook_messages (id, type, ordering_keys, parties, payload, source_key, created_at)"
                                        + " select gen_random_uuid(), 'ledger.transferred', array['entity:a', 'entity:' || (g % 5)], '{}', '{}', 'measure-"
                                        + n + "-' || g, now() from generate_series(1, ?) g")
                        .param(n)
                        .update();
                jdbc.sql(
                                "insert into webhook_deliveries (id, endpoint_id, message_id, message_seq, ordering_keys, status, attempts, next_attempt_at, created_at)"
                                        + " select gen_random_uuid(), '00000000-0000-0000-0000-0000000000aa', m.id, m.seq, m.ordering_keys, 'PENDING', 0, now() - interval '1 minute', now()"
                                        + " from webhook_messages m where m.source_key like 'measure-" + n + "-%'")
                        .update();
            });
            jdbc.sql("analyze webhook_deliveries").update();
            int rounds = 30;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                tx.executeWithoutResult(s -> {
                    var due = deliveries.lockNextDue(Instant.now()).orElseThrow();
                    deliveries.succeeded(due.deliveryId(), 1, Instant.now());
                });
            }
            long micros = (System.nanoTime() - t0) / 1000 / rounds;
            System.out.println("webhook backlog " + n + " pending: " + micros + " us per pick+complete");
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from webhook_deliveries").update();
            jdbc.sql("delete from webhook_endpoints where created_by = 'measure'")
                    .update();
        });
    }
}
