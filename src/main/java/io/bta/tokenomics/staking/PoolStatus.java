package io.bta.tokenomics.staking;

/** ACTIVE takes stakes; PAUSED takes none but keeps accruing; CLOSED takes none and accrues no more. */
public enum PoolStatus {
    ACTIVE,
    PAUSED,
    CLOSED
}
