package io.bta.tokenomics.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.webhooks.WebhookEventTypes;
import io.bta.tokenomics.webhooks.internal.MessageLog.NewMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The message log records each message's columns as sent, once per source. */
@IntegrationTest
class MessageLogTest {

    @Autowired
    MessageLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    record Stored(String type, List<String> orderingKeys, List<String> parties, String payload) {}

    Stored stored(String sourceKey) {
        return jdbc.sql("select type, ordering_keys, parties, payload from webhook_messages where source_key = ?")
                .param(sourceKey)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        List.of((String[]) rs.getArray(2).getArray()),
                        List.of((String[]) rs.getArray(3).getArray()),
                        rs.getString(4)))
                .single();
    }

    @Test
    void eachMessageKeepsItsOwnKeysPartiesAndPayloadAndASourceIsRecordedOnce() {
        var run = UUID.randomUUID().toString();
        var two = new NewMessage(
                WebhookEventTypes.LEDGER_TRANSFERRED,
                List.of("acct:a-" + run, "acct:b-" + run),
                List.of(EntityId.of("a-" + run), EntityId.of("b-" + run)),
                "{\"data\":{\"memo\":\"quotes \\\" and \\\\ backslashes, é, {braces}, commas\"}}",
                "test:two-" + run);
        var none = new NewMessage(
                WebhookEventTypes.LEDGER_MINTED, List.of("token-" + run), List.of(), "{}", "test:none-" + run);

        int recorded = transactions.execute(s -> log.append(List.of(two, none)));
        int again = transactions.execute(s -> log.append(List.of(none)));

        assertThat(recorded).isEqualTo(2);
        assertThat(again).as("a second message from the same source").isZero();
        assertThat(stored(two.sourceKey()))
                .isEqualTo(new Stored(two.type(), two.orderingKeys(), List.of("a-" + run, "b-" + run), two.payload()));
        assertThat(stored(none.sourceKey())).isEqualTo(new Stored(none.type(), none.orderingKeys(), List.of(), "{}"));
    }

    @Test
    void anOrderingKeyMayNotHoldTheSeparatorOfTheInsertsArrays() {
        assertThatThrownBy(() -> new NewMessage(
                        WebhookEventTypes.LEDGER_MINTED, List.of("a\u001fb"), List.of(), "{}", "test:separator"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
