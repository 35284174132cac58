package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;

/** A claim paid: the amount, the trust score it was checked at, and the ledger transaction that paid it. */
public record AirdropClaim(
        AirdropId airdropId,
        EntityId entityId,
        Amount amount,
        BigDecimal trustScore,
        Instant claimedAt,
        LedgerTransaction transaction) {}
