package io.bta.tokenomics.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A token and its supply. {@code maxSupply} is null when the supply is unlimited;
 * {@code inflationRate} is a fraction per year (0.05 is 5%). {@code totalMinted} and
 * {@code totalBurned} are lifetime totals: a token minted and burned per use turns its supply over
 * without end, so they are not bounded as an amount is (10^20), hence {@code BigDecimal}; their
 * difference is the supply. The API answers a token as it is, without those totals and its
 * creation time. {@code paused}: every movement of the token is refused while it is set
 * ({@code pausedAt}, {@code pauseReason} say since when and why; null when not paused).
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
        @JsonIgnore BigDecimal totalMinted,
        @JsonIgnore BigDecimal totalBurned,
        @JsonIgnore Instant createdAt,
        boolean paused,
        Instant pausedAt,
        String pauseReason) {}
