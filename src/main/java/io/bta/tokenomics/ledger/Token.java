package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A token and its supply. {@code maxSupply} is null when the supply is unlimited;
 * {@code inflationRate} is a fraction per year (0.05 is 5%).
 */
public record Token(
        TokenId id,
        String symbol,
        String name,
        TokenType type,
        int decimals,
        Amount totalSupply,
        Amount maxSupply,
        Amount initialSupply,
        BigDecimal inflationRate,
        Amount totalMinted,
        Amount totalBurned,
        Instant createdAt) {

    public boolean hasCap() {
        return maxSupply != null;
    }
}
