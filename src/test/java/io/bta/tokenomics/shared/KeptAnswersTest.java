package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.batching.KeptAnswers;
import io.bta.tokenomics.shared.idempotency.IdempotentRequest;
import io.bta.tokenomics.shared.idempotency.StoredResponse;
import io.bta.tokenomics.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch writer's Idempotency-Keys: checked before the batch, recorded with their answers after
 * it, one row write per key; a key another request took between the two rolls the batch back.
 */
@IntegrationTest
class KeptAnswersTest {

    @Autowired
    KeptAnswers kept;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    static KeptAnswers.Answer answer(String text) {
        return StoredResponse.json(201, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    static List<KeptAnswers.Ticket> tickets(String caller, List<String> keys) {
        return keys.stream()
                .map(k -> (KeptAnswers.Ticket) IdempotentRequest.of(caller, k, "fp-" + k))
                .toList();
    }

    /** Rows of idempotency_keys inserted and updated by this backend, as it counts them so far. */
    long[] writesToKeys() {
        return jdbc.sql(
                        """
                        select pg_stat_get_xact_tuples_inserted('idempotency_keys'::regclass),
                               pg_stat_get_xact_tuples_updated('idempotency_keys'::regclass)
                        """)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    @Test
    void aBatchWritesOneRowPerKeyAndUpdatesNoneAndARepeatReplaysEachAnswer() {
        var caller = "kept-" + UUID.randomUUID();
        var keys = List.of("a", "b", "c");
        var writes = transactions.execute(status -> {
            // the backend's counts include earlier transactions not yet flushed: count the difference
            var before = writesToKeys();
            var batch = tickets(caller, keys);
            var checked = kept.checkAll(batch);
            assertThat(checked.answered()).isEmpty(); // all open: nothing written yet
            var answers = new HashMap<KeptAnswers.Ticket, KeptAnswers.Answer>();
            for (int i = 0; i < batch.size(); i++) {
                answers.put(batch.get(i), answer("{\"n\":" + i + "}"));
            }
            checked.recordAll(answers);
            // this transaction's own row writes: one insert per key, no claim to update afterwards
            var after = writesToKeys();
            return new long[] {after[0] - before[0], after[1] - before[1]};
        });
        assertThat(writes).containsExactly(3, 0);

        var repeat = tickets(caller, keys);
        var replayed = transactions.execute(status -> kept.checkAll(repeat).answered());
        assertThat(replayed).hasSize(3);
        for (int i = 0; i < repeat.size(); i++) {
            var a = replayed.get(repeat.get(i));
            assertThat(a.replayed()).isTrue();
            assertThat(a.status()).isEqualTo(201);
            assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + i + "}");
        }
    }

    @Test
    void theSameKeyTwiceInOneBatchRunsOnce() {
        var caller = "kept-" + UUID.randomUUID();
        var batch = tickets(caller, List.of("same", "same"));
        var answered = transactions.execute(status -> {
            var checked = kept.checkAll(batch);
            checked.recordAll(Map.of(batch.get(0), answer("{}")));
            return checked.answered();
        });
        assertThat(answered).containsOnlyKeys(batch.get(1));
        assertThat(answered.get(batch.get(1)).status()).isEqualTo(409);
        assertThat(answered.get(batch.get(1)).retryLater()).isTrue();
    }

    @Test
    void aKeyAnotherRequestRecordedBetweenTheCheckAndTheRecordRollsTheBatchBack() {
        var caller = "kept-" + UUID.randomUUID();
        var mine = tickets(caller, List.of("raced"));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    var checked = kept.checkAll(mine);
                    assertThat(checked.answered()).isEmpty();
                    // meanwhile a retry of the same request commits on another connection
                    CompletableFuture.runAsync(() -> transactions.executeWithoutResult(other -> {
                                var theirs = tickets(caller, List.of("raced"));
                                var c = kept.checkAll(theirs);
                                c.recordAll(Map.of(theirs.get(0), answer("{\"by\":\"retry\"}")));
                            }))
                            .join();
                    checked.recordAll(Map.of(mine.get(0), answer("{\"by\":\"batch\"}")));
                }))
                .isInstanceOf(KeptAnswers.AnswerTaken.class);

        // checked again, the batch finds the other request's answer, once
        var again = tickets(caller, List.of("raced"));
        var answered = transactions.execute(status -> kept.checkAll(again).answered());
        assertThat(new String(answered.get(again.get(0)).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"by\":\"retry\"}");
        assertThat(jdbc.sql("select count(*) from idempotency_keys where caller = ?")
                        .param(caller)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
