package io.bta.tokenomics.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.ledger.Balance;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.DecimalText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * The token economy now, read live from the modules' facades: every token's figures with its
 * largest holders, the value staked per token, and governance participation. The API answers it as
 * it is; counts and the unbounded totals are decimal strings, so that no client reads them as
 * doubles.
 */
@JsonPropertyOrder({"asOf", "ledgerSequence", "lastSnapshotAt", "tokens", "staking", "governance"})
public record Overview(
        Instant asOf,
        long ledgerSequence,
        List<TokenFigures> tokens,
        GovernanceFigures governance,
        Instant lastSnapshotAt) {

    public Overview {
        tokens = List.copyOf(tokens);
    }

    /** Each token's staking TVL, the principal in all its pools. */
    @JsonProperty
    public List<Staked> staking() {
        return tokens.stream()
                .map(t -> new Staked(t.tokenId(), t.symbol(), t.staked()))
                .toList();
    }

    public record Staked(TokenId tokenId, String symbol, Amount totalValueLocked) {}

    /**
     * {@code staked} is the token's staking TVL: the principal in all its pools. {@code totalMinted}
     * and {@code totalBurned} are lifetime totals, not bounded as amounts are (see
     * {@link io.bta.tokenomics.ledger.Token}).
     */
    public record TokenFigures(
            TokenId tokenId,
            String symbol,
            Amount totalSupply,
            Amount circulating,
            Amount locked,
            Amount staked,
            @Schema(type = "string") @JsonSerialize(using = ToStringSerializer.class) long holders,
            @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal totalMinted,
            @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal totalBurned,
            List<Holder> topHolders) {

        public TokenFigures {
            topHolders = List.copyOf(topHolders);
        }
    }

    /** One of a token's largest holdings. */
    public record Holder(EntityId entityId, Amount available, Amount locked, Amount total) {

        public static Holder of(Balance balance) {
            return new Holder(balance.entityId(), balance.available(), balance.locked(), balance.total());
        }
    }

    /**
     * {@code eligibleVoters} are the entities holding BTA-GOV now; {@code participationRate} is
     * {@code voters / eligibleVoters} (6 decimals, half-even; null with no holders). Voters who
     * since sold all their BTA-GOV still count as voters, so the rate can exceed 1.
     * {@code proposalsByStatus} names every status, in their order, with 0 where there is none.
     */
    public record GovernanceFigures(
            @Schema(type = "string") @JsonSerialize(using = ToStringSerializer.class) long proposals,
            @JsonSerialize(contentUsing = ToStringSerializer.class) Map<ProposalStatus, Long> proposalsByStatus,
            @Schema(type = "string") @JsonSerialize(using = ToStringSerializer.class) long votesCast,
            @Schema(type = "string") @JsonSerialize(using = ToStringSerializer.class) long voters,
            @Schema(type = "string") @JsonSerialize(using = ToStringSerializer.class) long eligibleVoters,
            @Schema(type = "string") @JsonSerialize(using = DecimalText.class) BigDecimal participationRate) {

        public GovernanceFigures {
            var every = new EnumMap<ProposalStatus, Long>(ProposalStatus.class);
            for (var status : ProposalStatus.values()) {
                every.put(status, proposalsByStatus.getOrDefault(status, 0L));
            }
            proposalsByStatus = Collections.unmodifiableMap(every);
        }
    }
}
