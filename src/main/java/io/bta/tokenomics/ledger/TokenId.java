package io.bta.tokenomics.ledger;

import java.util.Objects;
import java.util.UUID;

/** The id of a token (a UUID); the API also accepts the token's symbol or type wherever an id goes. */
public record TokenId(UUID value) {

    public TokenId {
        Objects.requireNonNull(value, "token id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
