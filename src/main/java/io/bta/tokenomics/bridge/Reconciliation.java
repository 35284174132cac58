package io.bta.tokenomics.bridge;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;

/**
 * One token's backing: the escrow's balance in the ledger against the supply on chain. A
 * withdrawal is escrowed before it is minted, a deposit burned before it is credited, so between
 * the two each is in flight: {@code escrowed = onChainSupply + withdrawalsInFlight +
 * depositsInFlight} must hold at every moment the reads agree on.
 */
public record Reconciliation(
        TokenId tokenId,
        String symbol,
        Amount escrowed,
        Amount onChainSupply,
        Amount inFlight,
        Amount withdrawalsInFlight,
        Amount depositsInFlight,
        boolean consistent) {

    public static Reconciliation of(
            TokenId tokenId,
            String symbol,
            Amount escrowed,
            Amount onChainSupply,
            Amount withdrawals,
            Amount deposits) {
        var inFlight = withdrawals.plus(deposits);
        return new Reconciliation(
                tokenId,
                symbol,
                escrowed,
                onChainSupply,
                inFlight,
                withdrawals,
                deposits,
                escrowed.equals(onChainSupply.plus(inFlight)));
    }
}
