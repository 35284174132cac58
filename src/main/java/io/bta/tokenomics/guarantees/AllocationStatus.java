package io.bta.tokenomics.guarantees;

/** ACTIVE holds the tokens locked; the three others are final. */
public enum AllocationStatus {
    ACTIVE,
    /** The guarantee ended well: BTA-GUAR burned, collateral back to the guarantor. */
    RELEASED,
    /** The guarantee was called: BTA-GUAR and collateral moved to the beneficiary. */
    CLAIMED,
    /** Released by the expiry job after {@code expiresAt}. */
    EXPIRED
}
