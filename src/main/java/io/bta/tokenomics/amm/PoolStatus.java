package io.bta.tokenomics.amm;

/** Whether a pool swaps and takes liquidity: a paused pool refuses both ({@code 409 POOL_PAUSED}). */
public enum PoolStatus {
    ACTIVE,
    PAUSED
}
