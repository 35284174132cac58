package io.bta.tokenomics.rewards;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.util.List;

/**
 * A recipient's rewards summed per token and, within a token, per type. {@code distributed} is
 * {@code claimed + pending}; expired rewards are counted apart, as they were never paid.
 */
public record RewardTotals(EntityId recipientId, List<TokenTotal> tokens) {

    public RewardTotals {
        tokens = List.copyOf(tokens);
    }

    public record Sums(Amount distributed, Amount claimed, Amount pending, Amount expired, long count) {}

    public record TypeTotal(RewardType type, @JsonUnwrapped Sums sums) {}

    public record TokenTotal(TokenId tokenId, String symbol, @JsonUnwrapped Sums sums, List<TypeTotal> byType) {
        public TokenTotal {
            byType = List.copyOf(byType);
        }
    }
}
