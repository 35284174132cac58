package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.util.List;

/**
 * The ledger's aggregate figures, read in one statement (one database snapshot): every token's
 * supply and holdings as of {@code lastSequence}, and what happened to it in the transactions with
 * a sequence in {@code (afterSequence, lastSequence]}. Sequences are gap-free and in commit order,
 * so readers that chain ranges ({@code afterSequence} = the previous {@code lastSequence}) count
 * every transaction exactly once.
 */
public record LedgerFigures(long afterSequence, long lastSequence, List<TokenFigures> tokens) {

    public LedgerFigures {
        tokens = List.copyOf(tokens);
    }

    /**
     * One token. {@code totalMinted} and {@code totalBurned} are its lifetime totals, which a token
     * minted and burned per use drives past any bound. {@code holders} counts the entities whose
     * holding (available + locked) is above zero; {@code locked} is the sum of the locked parts;
     * {@code treasuryHolding} is the treasury's available + locked. The activity in the range:
     * {@code transactions} of every type, {@code transferVolume} the sum of the transfers' amounts,
     * {@code minted} and {@code burned} the sums of the mints and burns. Sums over a range and
     * lifetime totals are not bounded by a supply, hence {@code BigDecimal}.
     */
    public record TokenFigures(
            TokenId tokenId,
            String symbol,
            Amount totalSupply,
            BigDecimal totalMinted,
            BigDecimal totalBurned,
            Amount treasuryHolding,
            Amount locked,
            long holders,
            long transactions,
            BigDecimal transferVolume,
            BigDecimal minted,
            BigDecimal burned) {}
}
