package io.bta.tokenomics.amm;

import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.shared.Amount;
import java.util.List;

/** What a liquidity change took or paid of each token, the shares it minted or burned, and its transactions. */
public record LiquidityResult(
        PoolId poolId, Amount amountA, Amount amountB, Amount liquidity, List<LedgerTransaction> transactions) {}
