package io.bta.tokenomics.ledger;

import java.util.List;

/** What initialization did: {@code created} is false when the tokens already existed (nothing changed). */
public record InitializationResult(boolean created, List<Token> tokens) {}
