package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of a proposal (a UUID), written as the UUID's text wherever it is shown. */
public record ProposalId(UUID value) {

    public static final String NOT_A_PROPOSAL_ID = "must be the id of a proposal";

    public ProposalId {
        Objects.requireNonNull(value, "proposal id");
    }

    /** The proposal id written in {@code text}, or the refusal {@link #NOT_A_PROPOSAL_ID}. */
    public static ProposalId of(String text) {
        try {
            return new ProposalId(Ids.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_A_PROPOSAL_ID);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
