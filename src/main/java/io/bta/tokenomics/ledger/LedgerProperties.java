package io.bta.tokenomics.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code tokenomics.treasury-entity-id}: the platform treasury, which receives the initial supplies. */
@ConfigurationProperties("tokenomics")
public record LedgerProperties(@DefaultValue("treasury") String treasuryEntityId) {}
