package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.error.NotFound;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch's rules alone: no Spring, no database. */
class TransferBatchTest {

    private static final TokenId TOKEN = new TokenId(UUID.randomUUID());
    private static final EntityId ALICE = EntityId.of("alice");
    private static final EntityId BOB = EntityId.of("bob");

    private static LedgerOperation.Transfer from(EntityId sender) {
        return new LedgerOperation.Transfer(TOKEN, sender, EntityId.of("carol"), Amount.of(1), null, sender);
    }

    @Test
    void theModeIsNamedInAnyCase() {
        assertThat(TransferBatch.Mode.parse("atomic")).isEqualTo(TransferBatch.Mode.ATOMIC);
        assertThat(TransferBatch.Mode.parse("Independent")).isEqualTo(TransferBatch.Mode.INDEPENDENT);
        assertThatThrownBy(() -> TransferBatch.Mode.parse(null)).hasMessage("is required: ATOMIC or INDEPENDENT");
        assertThatThrownBy(() -> TransferBatch.Mode.parse("both")).hasMessage("must be ATOMIC or INDEPENDENT");
    }

    @Test
    void aBatchHoldsOneToAThousandTransfers() {
        assertThatThrownBy(() -> new TransferBatch(TransferBatch.Mode.ATOMIC, List.of()))
                .hasMessage("must hold 1 to 1000 transfers");
        assertThatThrownBy(() -> new TransferBatch(TransferBatch.Mode.ATOMIC, Collections.nCopies(1001, from(ALICE))))
                .hasMessage("must hold at most 1000 transfers, not 1001");
        assertThat(new TransferBatch(TransferBatch.Mode.ATOMIC, Collections.nCopies(1000, from(ALICE))).transfers())
                .hasSize(1000);
    }

    @Test
    void aTransferIsTheSendersOrAnAdmins() {
        assertThat(TransferBatch.refusal(from(ALICE), ALICE, false)).isNull();
        assertThat(TransferBatch.refusal(from(ALICE), BOB, true)).isNull();
        var refusal = TransferBatch.refusal(from(ALICE), BOB, false);
        assertThat(refusal.code()).isEqualTo("NOT_OWNER");
    }

    private static TokenId resolve(String name) {
        if (name.equals("BTA-UTIL")) {
            return TOKEN;
        }
        throw NotFound.of("TOKEN_NOT_FOUND", "token not found: " + name);
    }

    @Test
    void aClientsBatchIsReadWithEachRefusalNamedByItsPosition() {
        var in = new Inputs();
        var orders = java.util.Arrays.asList(
                new TransferOrder(null, "bob", "BTA-UTIL", "5", null),
                null,
                new TransferOrder(null, "alice", "BTA-UTIL", "0", null),
                new TransferOrder(null, "bob", "BTA-NOPE", "1", null));
        assertThat(TransferBatch.read(in, "independent", orders, ALICE, TransferBatchTest::resolve))
                .isNull();
        assertThatThrownBy(in::check).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                .extracting(InvalidInput.FieldError::field)
                .containsExactly(
                        "transfers[1]", "transfers[2].amount", "transfers[2].toEntityId", "transfers[3].tokenId"));
    }

    @Test
    void aValidBatchIsSentByTheCallerUnlessAnotherSenderIsNamed() {
        var in = new Inputs();
        var batch = TransferBatch.read(
                in,
                "ATOMIC",
                List.of(
                        new TransferOrder(null, "bob", "BTA-UTIL", "5", "rent"),
                        new TransferOrder("carol", "bob", "BTA-UTIL", "1.5", null)),
                ALICE,
                TransferBatchTest::resolve);
        in.check();
        assertThat(batch.mode()).isEqualTo(TransferBatch.Mode.ATOMIC);
        assertThat(batch.transfers())
                .containsExactly(
                        new LedgerOperation.Transfer(TOKEN, ALICE, BOB, Amount.of(5), "rent", ALICE),
                        new LedgerOperation.Transfer(TOKEN, EntityId.of("carol"), BOB, Amount.of("1.5"), null, ALICE));
    }
}
