package io.bta.tokenomics.analytics;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.DecimalText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * One token's figures at one snapshot. The stocks are as of ledger sequence {@code ledgerSequence}
 * (staked as read just after); the flows cover the ledger transactions in
 * {@code (afterSequence, ledgerSequence]} and the rewards claimed since the previous snapshot.
 * {@code circulating} is the total supply less the treasury's holding; {@code volume} sums the
 * transfers; {@code dueAt} is set for scheduled snapshots only. The API answers it as it is, counts
 * and the unbounded flows as decimal strings, so that no client reads them as doubles.
 */
public record TokenSnapshot(
        UUID id,
        TokenId tokenId,
        String symbol,
        SnapshotKind kind,
        Instant dueAt,
        Instant takenAt,
        EntityId takenBy,
        long afterSequence,
        long ledgerSequence,
        Amount totalSupply,
        Amount circulating,
        Amount locked,
        Amount staked,
        @Schema(type = "string") @JsonSerialize(using = ToStringSerializer.class) long holders,
        @Schema(type = "string") @JsonSerialize(using = ToStringSerializer.class) long transactions,
        @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal volume,
        @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal minted,
        @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal burned,
        @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal rewardsMinted) {

    /** The value of a metric, as an exact decimal. */
    public BigDecimal value(Metric metric) {
        return switch (metric) {
            case TOTAL_SUPPLY -> totalSupply.toBigDecimal();
            case CIRCULATING -> circulating.toBigDecimal();
            case LOCKED -> locked.toBigDecimal();
            case STAKED -> staked.toBigDecimal();
            case HOLDERS -> BigDecimal.valueOf(holders);
            case TRANSACTIONS -> BigDecimal.valueOf(transactions);
            case VOLUME -> volume;
            case MINTED -> minted;
            case BURNED -> burned;
            case REWARDS_MINTED -> rewardsMinted;
        };
    }
}
