package io.bta.tokenomics.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many BTA-REWARD mints in one ledger transaction (a staking distribution) share one exact budget. */
@IntegrationTest
class EmissionBatchTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @Autowired
    Ledger ledger;

    @Autowired
    Rewards rewards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void mintsInOneTransactionAreAdmittedUpToTheLastUnitAndNoFurther() {
        ledger.initializeTokens(ADMIN);
        var reward = ledger.resolve("BTA-REWARD");
        var to = EntityId.of("batch-" + UUID.randomUUID());
        var before = rewards.emission();
        var remaining = before.remaining();
        var unit = Amount.ofUnits(BigInteger.ONE);
        try {
            var outcomes = ledger.applyEach(List.of(
                    new LedgerOperation.Mint(reward, to, remaining.minus(unit), null, ADMIN),
                    new LedgerOperation.Mint(reward, to, Amount.ofUnits(BigInteger.TWO), null, ADMIN),
                    new LedgerOperation.Mint(reward, to, unit, null, ADMIN),
                    new LedgerOperation.Mint(reward, to, unit, null, ADMIN)));
            assertThat(outcomes.stream()
                            .map(o -> o instanceof OperationOutcome.Applied)
                            .toList())
                    .containsExactly(true, false, true, false);
            var refused = (OperationOutcome.Refused) outcomes.get(1);
            assertThat(refused.reason().code()).isEqualTo("EMISSION_BUDGET_EXCEEDED");
            var after = rewards.emission();
            assertThat(after.epoch()).isEqualTo(before.epoch());
            assertThat(after.remaining()).isEqualTo(Amount.ZERO);
            assertThat(after.minted()).isEqualTo(before.minted().plus(remaining));
            assertThat(ledger.balance(to, reward).available()).isEqualTo(remaining);
            Invariants.assertHold(jdbc);
        } finally {
            // the next epoch has a fresh budget, for whatever other tests mint afterwards
            clock.advance(Duration.ofDays(366));
        }
    }
}
