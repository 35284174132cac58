/**
 * Token swaps and liquidity pools: a constant-product AMM (Uniswap v2's rule, {@link
 * io.bta.tokenomics.amm.AmmMath}) on the ledger. A pool's reserves are the ledger balances of its own
 * entity ({@code amm:<poolId>}), its LP shares a token of the ledger minted and burned by the AMM
 * only; every swap and liquidity change is a set of ledger transactions in one database
 * transaction. Promises: {@code k} never decreases through a swap, every rounding favours the
 * pool, a refused request moves nothing. {@link io.bta.tokenomics.amm.Amm} is the facade.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ledger", "trust", "governance", "shared"})
package io.bta.tokenomics.amm;
