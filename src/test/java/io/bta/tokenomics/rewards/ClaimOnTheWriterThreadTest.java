package io.bta.tokenomics.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bta.tokenomics.ledger.GroupCommitProperties;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.MintReservation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.rewards.internal.EmissionBudget;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A claim's mint is paid from its reward's reservation because the mint names it, not because of
 * the thread that applies it: here the ledger's group-commit writer applies it, in its own
 * transaction, with the epoch's budget already used up.
 */
@IntegrationTest
class ClaimOnTheWriterThreadTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final Amount TEN = Amount.of(10);

    @Autowired
    Ledger ledger;

    @Autowired
    Rewards rewards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    GroupCommitProperties groupCommit;

    EntityId alice;
    Reward reward;
    int epoch;

    @BeforeEach
    void aPendingRewardInAnEpochWithNothingLeft() {
        assumeThat(groupCommit.enabled())
                .as("the writer thread applies mints outside a transaction")
                .isTrue();
        ledger.initializeTokens(ADMIN);
        alice = EntityId.of("alice-" + UUID.randomUUID());
        reward = rewards.distributeReward(alice, RewardType.MANUAL, "ten", TEN, null)
                .reward();
        rewards.distributeReward(
                alice, RewardType.MANUAL, "the rest", rewards.emission().remaining(), null);
        epoch = jdbc.sql("select epoch from rewards where id = ?")
                .param(reward.id().value())
                .query(Integer.class)
                .single();
        assertThat(rewards.emission().remaining()).isEqualTo(Amount.ZERO);
    }

    @AfterEach
    void invariantsHoldAndTheNextEpochIsFresh() {
        Invariants.assertHold(jdbc);
        RewardInvariants.assertHold(jdbc);
        clock.advance(
                Duration.between(clock.instant(), rewards.emission().endsAt()).plusSeconds(1));
    }

    @Test
    void aClaimsMintAppliedByTheWriterThreadIsPaidFromItsReservation() {
        var before = rewards.emission();
        var mint = EmissionBudget.claimMint(reward.id().value(), reward.tokenId(), alice, TEN, epoch, alice);

        var outcome = ledger.submit(mint).join(); // no transaction here: the group-commit writer applies it

        assertThat(outcome).isInstanceOf(OperationOutcome.Applied.class);
        var after = rewards.emission();
        assertThat(after.minted()).isEqualTo(before.minted().plus(TEN));
        assertThat(after.reserved()).isEqualTo(before.reserved().minus(TEN));
        assertThat(after.remaining()).isEqualTo(Amount.ZERO);
        markClaimed(((OperationOutcome.Applied) outcome).transaction().id());
    }

    @Test
    void aMintNamingAReservationItDoesNotMatchIsChargedToTheBudget() {
        var token = ledger.resolve(TokenType.REWARD);
        var wrongAmount = new LedgerOperation.Mint(
                token,
                alice,
                Amount.of(11),
                "not the reward",
                ADMIN,
                new MintReservation(reward.id().value(), epoch));
        var someoneElse = new LedgerOperation.Mint(
                token,
                EntityId.of("mallory-" + UUID.randomUUID()),
                TEN,
                "not the recipient",
                ADMIN,
                new MintReservation(reward.id().value(), epoch));

        for (var mint : List.of(wrongAmount, someoneElse)) {
            var outcome = ledger.submit(mint).join();
            assertThat(outcome).isInstanceOf(OperationOutcome.Refused.class);
            assertThat(((OperationOutcome.Refused) outcome).reason().code()).isEqualTo("EMISSION_BUDGET_EXCEEDED");
        }
    }

    @Test
    void oneReservationPaysForOneMint() {
        var mint = EmissionBudget.claimMint(reward.id().value(), reward.tokenId(), alice, TEN, epoch, alice);

        var outcomes = ledger.applyEach(List.of(mint, mint));

        assertThat(outcomes.get(0)).isInstanceOf(OperationOutcome.Applied.class);
        assertThat(((OperationOutcome.Refused) outcomes.get(1)).reason().code()).isEqualTo("EMISSION_BUDGET_EXCEEDED");
        markClaimed(((OperationOutcome.Applied) outcomes.get(0)).transaction().id());
    }

    /** What the claim does after its mint, so that the reward's record matches the epoch's. */
    private void markClaimed(UUID transactionId) {
        jdbc.sql("update rewards set status = 'CLAIMED', claimed_at = ?, transaction_id = ? where id = ?")
                .param(Timestamp.from(clock.instant()))
                .param(transactionId)
                .param(reward.id().value())
                .update();
    }
}
