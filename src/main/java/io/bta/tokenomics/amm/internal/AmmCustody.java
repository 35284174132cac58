package io.bta.tokenomics.amm.internal;

import io.bta.tokenomics.amm.Amm;
import io.bta.tokenomics.ledger.Custody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A pool's reserves and its locked minimum liquidity ({@code amm:...}) are moved by the AMM alone. */
@Configuration(proxyBeanMethods = false)
class AmmCustody {

    @Bean
    Custody ammPools() {
        return new Custody("amm:", Amm.ISSUER, "the AMM's pools");
    }
}
