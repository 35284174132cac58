package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.webhooks.WebhooksProperties;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of the ledger's events is the ledger's own history: committed transactions in
 * sequence order, gap-free and in commit order. The follower reads what follows its cursor, records
 * a message for each transaction and moves the cursor, all in one transaction, so every ledger
 * transaction becomes exactly one message and the ledger's write path writes nothing for it. The
 * cursor row's lock keeps two instances from following at once.
 */
@Component
public class LedgerFollower {

    private final Ledger ledger;
    private final MessageLog log;
    private final EventPayloads payloads;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebhooksProperties properties;
    private final TransactionTemplate transactions;

    LedgerFollower(
            Ledger ledger,
            MessageLog log,
            EventPayloads payloads,
            JdbcClient jdbc,
            Clock clock,
            WebhooksProperties properties,
            PlatformTransactionManager transactionManager) {
        this.ledger = ledger;
        this.log = log;
        this.payloads = payloads;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Follows the ledger up to its last committed transaction; returns how many it read. */
    public int follow() {
        int total = 0;
        while (true) {
            Integer read = transactions.execute(s -> followBatch());
            total += read;
            if (read < properties.followBatchSize()) {
                return total;
            }
        }
    }

    public long position() {
        return jdbc.sql("select last_sequence from webhook_ledger_cursor")
                .query(Long.class)
                .single();
    }

    private int followBatch() {
        long after = jdbc.sql("select last_sequence from webhook_ledger_cursor for update")
                .query(Long.class)
                .single();
        var batch = ledger.transactionsAfter(after, properties.followBatchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        log.append(batch.stream().map(payloads::message).toList());
        jdbc.sql("update webhook_ledger_cursor set last_sequence = ?, updated_at = ?")
                .param(batch.get(batch.size() - 1).sequence())
                .param(Timestamp.from(clock.instant()))
                .update();
        return batch.size();
    }
}
