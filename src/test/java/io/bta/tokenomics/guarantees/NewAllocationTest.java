package io.bta.tokenomics.guarantees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.guarantees.Guarantees.NewAllocation;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** A guarantee request's rules alone: no Spring, no database. */
class NewAllocationTest {

    private static final EntityId GUARANTOR = EntityId.of("acme");
    private static final EntityId BENEFICIARY = EntityId.of("buyer-1");

    @Test
    void guaranteeIdsUseTheEntityIdAlphabetUpTo128Characters() {
        assertThat(NewAllocation.guaranteeId("g-1:a.b@c_d")).isEqualTo("g-1:a.b@c_d");
        assertThat(NewAllocation.guaranteeId("x".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> NewAllocation.guaranteeId(null)).hasMessage("is required");
        assertThatThrownBy(() -> NewAllocation.guaranteeId("  ")).hasMessage("is required");
        assertThatThrownBy(() -> NewAllocation.guaranteeId("x".repeat(129)))
                .hasMessage("must be at most 128 characters");
        for (var bad : new String[] {"a b", "a/b", "é", "a\nb", "１"}) {
            assertThatThrownBy(() -> NewAllocation.guaranteeId(bad))
                    .as(bad)
                    .hasMessage("must be 1 to 128 characters of letters, digits and ._:-@");
        }
    }

    @Test
    void theBeneficiaryMustNotBeTheGuarantor() {
        assertThat(NewAllocation.beneficiary(GUARANTOR, BENEFICIARY)).isEqualTo(BENEFICIARY);
        assertThatThrownBy(() -> NewAllocation.beneficiary(GUARANTOR, GUARANTOR))
                .hasMessage("must differ from guarantorId");
        assertThatThrownBy(() -> new NewAllocation("g", GUARANTOR, GUARANTOR, Amount.of(1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDoorRecordsEachRefusalAgainstItsField() {
        var in = new Inputs();
        in.valid("guaranteeId", () -> NewAllocation.guaranteeId("a b"));
        in.valid("beneficiaryId", () -> NewAllocation.beneficiary(GUARANTOR, GUARANTOR));
        assertThatThrownBy(in::check).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "guaranteeId", "must be 1 to 128 characters of letters, digits and ._:-@"),
                        org.assertj.core.groups.Tuple.tuple("beneficiaryId", "must differ from guarantorId")));
    }
}
