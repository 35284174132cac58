package io.bta.tokenomics.vesting.internal;

import io.bta.tokenomics.ledger.Custody;
import io.bta.tokenomics.vesting.Vesting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A grant's escrow ({@code vesting:...}) is moved by vesting alone: by a release or a revocation. */
@Configuration(proxyBeanMethods = false)
class VestingCustody {

    @Bean
    Custody vestingEscrows() {
        return new Custody(Vesting.ESCROW_PREFIX, Vesting.ISSUER, "the vesting escrows");
    }
}
