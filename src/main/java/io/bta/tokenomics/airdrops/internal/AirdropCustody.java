package io.bta.tokenomics.airdrops.internal;

import io.bta.tokenomics.airdrops.Airdrops;
import io.bta.tokenomics.ledger.Custody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A campaign's escrow ({@code airdrop:...}) is moved by the airdrops alone: by a claim or the sweep. */
@Configuration(proxyBeanMethods = false)
class AirdropCustody {

    @Bean
    Custody airdropEscrows() {
        return new Custody(Airdrops.ESCROW_PREFIX, Airdrops.ISSUER, "the airdrops' escrows");
    }
}
