package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What governance reads: BTA-GOV holdings and supply as of a past sequence. */
@IntegrationTest
class CheckpointTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @Autowired
    Ledger ledger;

    TokenId gov;
    EntityId alice;
    EntityId bob;

    @BeforeEach
    void setUp() {
        ledger.initializeTokens(ADMIN);
        gov = ledger.resolve("BTA-GOV");
        alice = EntityId.of("alice-" + UUID.randomUUID());
        bob = EntityId.of("bob-" + UUID.randomUUID());
    }

    @Test
    void holdingsAsOfASequenceIgnoreLaterMoves() {
        var funded = ledger.transfer(gov, ledger.treasury(), alice, Amount.of(500), null, ADMIN)
                .sequence();
        long snapshot = ledger.lastSequence();
        var moved =
                ledger.transfer(gov, alice, bob, Amount.of(200), null, ADMIN).sequence();

        assertThat(ledger.balanceAt(alice, gov, funded - 1)).isEqualTo(Amount.ZERO);
        assertThat(ledger.balanceAt(alice, gov, snapshot)).isEqualTo(Amount.of(500));
        assertThat(ledger.balanceAt(bob, gov, snapshot)).isEqualTo(Amount.ZERO);
        assertThat(ledger.balanceAt(alice, gov, moved)).isEqualTo(Amount.of(300));
        assertThat(ledger.balanceAt(bob, gov, moved)).isEqualTo(Amount.of(200));
    }

    @Test
    void lockedTokensStillCountAsHoldings() {
        ledger.transfer(gov, ledger.treasury(), alice, Amount.of(100), null, ADMIN);
        var locked = ledger.lock(gov, alice, Amount.of(60), null, ADMIN).sequence();
        assertThat(ledger.balanceAt(alice, gov, locked)).isEqualTo(Amount.of(100));
        assertThat(ledger.balance(alice, gov).available()).isEqualTo(Amount.of(40));
    }

    @Test
    void supplyAsOfASequenceFollowsBurns() {
        ledger.transfer(gov, ledger.treasury(), alice, Amount.of(10), null, ADMIN);
        long before = ledger.lastSequence();
        var supplyBefore = ledger.totalSupplyAt(gov, before);
        var burned = ledger.burn(gov, alice, Amount.of(4), null, ADMIN).sequence();
        assertThat(ledger.totalSupplyAt(gov, before)).isEqualTo(supplyBefore);
        assertThat(ledger.totalSupplyAt(gov, burned)).isEqualTo(supplyBefore.minus(Amount.of(4)));
        assertThat(ledger.token("BTA-GOV").totalSupply()).isEqualTo(ledger.totalSupplyAt(gov, burned));
    }

    @Test
    void onlyBtaGovKeepsCheckpoints() {
        assertThatThrownBy(() -> ledger.balanceAt(alice, ledger.resolve("BTA-UTIL"), 1))
                .isInstanceOf(LedgerProblems.NotCheckpointed.class);
    }

    @Test
    void aBatchRecordsOneCheckpointPerOperation() {
        ledger.transfer(gov, ledger.treasury(), alice, Amount.of(30), null, ADMIN);
        var outcomes = ledger.applyEach(java.util.List.of(
                new LedgerOperation.Transfer(gov, alice, bob, Amount.of(10), null, ADMIN),
                new LedgerOperation.Transfer(gov, alice, bob, Amount.of(100), null, ADMIN), // refused
                new LedgerOperation.Transfer(gov, alice, bob, Amount.of(5), null, ADMIN)));
        var first = ((OperationOutcome.Applied) outcomes.get(0)).transaction().sequence();
        assertThat(outcomes.get(1)).isInstanceOf(OperationOutcome.Refused.class);
        var third = ((OperationOutcome.Applied) outcomes.get(2)).transaction().sequence();
        assertThat(third).isEqualTo(first + 1);
        assertThat(ledger.balanceAt(alice, gov, first)).isEqualTo(Amount.of(20));
        assertThat(ledger.balanceAt(alice, gov, third)).isEqualTo(Amount.of(15));
        assertThat(ledger.balanceAt(bob, gov, first)).isEqualTo(Amount.of(10));
    }
}
