package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The 10^20 bound of an amount limits balances and supplies, never the lifetime totals. */
@IntegrationTest
class LedgerBoundsTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final BigDecimal BOUND = BigDecimal.TEN.pow(20);

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    TokenId guar;

    @BeforeEach
    void setUp() {
        ledger.initializeTokens(ADMIN);
        guar = ledger.resolve("BTA-GUAR");
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }

    /** The token row as stored: total_supply, total_minted, total_burned. */
    List<BigDecimal> stored(TokenId token) {
        return jdbc.sql("select total_supply, total_minted, total_burned from ledger_tokens where id = ?")
                .param(token.value())
                .query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }

    @Test
    void storageHoldsLifetimeTotalsPastTheAmountBoundAndStillChecksThem() {
        var large = new BigDecimal("1e30");
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            var before = stored(guar);
            jdbc.sql(
                            """
                            update ledger_tokens set total_minted = total_minted + ?, total_burned = total_burned + ?
                            where id = ?
                            """)
                    .param(large)
                    .param(large)
                    .param(guar.value())
                    .update();
            var after = stored(guar);
            assertThat(after.get(1)).isEqualByComparingTo(before.get(1).add(large));
            assertThat(after.get(2)).isEqualByComparingTo(before.get(2).add(large));
            assertThatThrownBy(() -> jdbc.sql("update ledger_tokens set total_minted = total_minted + 1 where id = ?")
                            .param(guar.value())
                            .update())
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("supply_is_minted_minus_burned");
        });
    }
}
