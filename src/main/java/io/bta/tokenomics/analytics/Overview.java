package io.bta.tokenomics.analytics;

import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.ledger.Balance;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The token economy now, read live from the modules' facades: every token's figures with its
 * largest holders, the value staked per token, and governance participation.
 */
public record Overview(
        Instant asOf,
        long ledgerSequence,
        List<TokenFigures> tokens,
        GovernanceFigures governance,
        Instant lastSnapshotAt) {

    public Overview {
        tokens = List.copyOf(tokens);
    }

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
            long holders,
            BigDecimal totalMinted,
            BigDecimal totalBurned,
            List<Balance> topHolders) {

        public TokenFigures {
            topHolders = List.copyOf(topHolders);
        }
    }

    /**
     * {@code eligibleVoters} are the entities holding BTA-GOV now; {@code participationRate} is
     * {@code voters / eligibleVoters} (6 decimals, half-even; null with no holders). Voters who
     * since sold all their BTA-GOV still count as voters, so the rate can exceed 1.
     */
    public record GovernanceFigures(
            long proposals,
            Map<ProposalStatus, Long> proposalsByStatus,
            long votesCast,
            long voters,
            long eligibleVoters,
            BigDecimal participationRate) {

        public GovernanceFigures {
            proposalsByStatus = Map.copyOf(proposalsByStatus);
        }
    }
}
