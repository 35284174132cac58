package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.shared.Amount;
import java.time.Instant;

/** What a sweep returned to the treasury; {@code transaction} is null when nothing was left. */
public record AirdropSweep(AirdropId airdropId, Amount sweptAmount, Instant sweptAt, LedgerTransaction transaction) {}
