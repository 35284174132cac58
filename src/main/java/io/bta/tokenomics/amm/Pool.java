package io.bta.tokenomics.amm;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A pool as the API answers it. Its tokens are in canonical order (by id); the reserves are the
 * ledger balances of the pool's entity; the prices are the reserves' ratio (18 decimals, rounded
 * down), null while the pool is empty.
 */
public record Pool(
        PoolId id,
        TokenId tokenA,
        String symbolA,
        TokenId tokenB,
        String symbolB,
        Amount reserveA,
        Amount reserveB,
        TokenId lpTokenId,
        String lpSymbol,
        Amount lpSupply,
        int feeBps,
        Integer trustFeeBps,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal trustMinScore,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal priceAInB,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal priceBInA,
        PoolStatus status,
        Instant createdAt) {}
