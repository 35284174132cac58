package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 10^20 bound of an amount limits balances and supplies, never the lifetime totals, and an
 * operation it refuses leaves nothing behind for the next operation of the same write.
 */
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
    void anOperationAfterOneRefusedByTheBoundAppliesOnTheTrueStateInTheSameWrite() {
        var holder = EntityId.of("holder-" + UUID.randomUUID());
        var payee = EntityId.of("payee-" + UUID.randomUUID());
        // BTA-GUAR minted and burned per use: a lifetime minted total 500 below 10^20, the supply as
        // it was. On a ledger whose total is past that already, the supply goes 500 below 10^20.
        var near = BOUND.subtract(BigDecimal.valueOf(500));
        var start = stored(guar);
        var large = Amount.of(near.subtract(start.get(1).compareTo(near) < 0 ? start.get(1) : start.get(0)));
        ledger.mint(guar, holder, large, "turnover", ADMIN);
        ledger.burn(guar, holder, large, "turnover", ADMIN);
        var before = stored(guar);

        var outcomes = ledger.applyEach(List.of(
                // the lifetime total passes 10^20: that bounds nothing
                new LedgerOperation.Mint(guar, holder, Amount.of(1000), null, ADMIN),
                // the supply would reach 10^20: refused by the bound
                new LedgerOperation.Mint(guar, holder, Amount.of(BOUND.subtract(BigDecimal.ONE)), null, ADMIN),
                // on the same balance, which holds the first mint only
                new LedgerOperation.Transfer(guar, holder, payee, Amount.of(1000), null, ADMIN),
                new LedgerOperation.Burn(guar, holder, Amount.of(1), null, ADMIN)));

        assertThat(outcomes.get(0)).isInstanceOf(OperationOutcome.Applied.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(OperationOutcome.Refused.class, r -> assertThat(
                        r.reason().code())
                .isEqualTo("AMOUNT_OUT_OF_RANGE"));
        assertThat(outcomes.get(2)).isInstanceOf(OperationOutcome.Applied.class);
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(OperationOutcome.Refused.class, r -> assertThat(
                        r.reason().code())
                .isEqualTo("INSUFFICIENT_BALANCE"));
        assertThat(ledger.balance(holder, guar).total()).isEqualTo(Amount.ZERO);
        assertThat(ledger.balance(payee, guar).available()).isEqualTo(Amount.of(1000));
        var after = stored(guar);
        assertThat(after.get(0)).isEqualByComparingTo(before.get(0).add(BigDecimal.valueOf(1000)));
        assertThat(after.get(1))
                .isEqualByComparingTo(before.get(1).add(BigDecimal.valueOf(1000)))
                .isGreaterThan(BOUND);
        assertThat(after.get(2)).isEqualByComparingTo(before.get(2));
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
