package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A movement that creates a balance row inside a savepoint that rolls back, in a transaction that
 * commits (what the group commits of swaps and airdrop claims do with a refused item), leaves no
 * row behind; the next movement to that entity must still work, although the writer saw the row.
 */
@IntegrationTest
class SavepointRollbackTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRowCreatedInARolledBackSavepointIsCreatedAgainByTheNextMovement() {
        ledger.initializeTokens(EntityId.of("admin"));
        var token = ledger.resolve("BTA-UTIL");
        var newcomer = EntityId.of("newcomer-" + UUID.randomUUID().toString().substring(0, 8));
        var outer = new TransactionTemplate(transactions);
        var savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        outer.executeWithoutResult(status -> assertThatThrownBy(() -> savepoint.executeWithoutResult(s -> {
                    ledger.transfer(
                            token, ledger.treasury(), newcomer, Amount.of(1), "rolled back", EntityId.of("admin"));
                    throw new IllegalStateException("refused after the movement");
                }))
                .hasMessage("refused after the movement"));

        assertThat(jdbc.sql("select count(*) from ledger_balances where entity_id = ?")
                        .param(newcomer.value())
                        .query(Long.class)
                        .single())
                .isZero();
        var tx = ledger.transfer(token, ledger.treasury(), newcomer, Amount.of(2), "again", EntityId.of("admin"));
        assertThat(tx.amount()).isEqualTo(Amount.of(2));
        assertThat(ledger.balance(newcomer, token).available()).isEqualTo(Amount.of(2));
        Invariants.assertHold(jdbc);
    }
}
