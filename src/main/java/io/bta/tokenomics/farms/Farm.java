package io.bta.tokenomics.farms;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A farm as it stands: its weight, what is staked in it, its share of the program's emission per
 * second and its APR. {@code apr} is in BTA-REWARD per staked token per year, as a percentage
 * (there is no price between the two tokens): {@code rewardPerSecond × 31,536,000 / totalStaked ×
 * 100}, rounded down to 6 decimals; null while nothing is staked. {@code status} is {@code
 * SCHEDULED} before {@code startsAt}, {@code ENDED} from {@code endsAt}, else {@code ACTIVE}.
 */
public record Farm(
        FarmId id,
        TokenId stakeTokenId,
        String stakeTokenSymbol,
        long allocPoint,
        Amount totalStaked,
        Amount rewardPerSecond,
        BigDecimal apr,
        Instant startsAt,
        Instant endsAt,
        Status status,
        Amount emitted) {

    public enum Status {
        SCHEDULED,
        ACTIVE,
        ENDED
    }
}
