package io.bta.tokenomics.staking;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.error.InvalidInput.FieldError;
import java.util.ArrayList;
import java.util.Objects;

/**
 * A new pool's terms. Each number is a type that refuses what is out of range when it is built;
 * this record adds the rules that span its fields and refuses every breach at once, naming each
 * field. {@code maxTotalStake} null means no cap; {@code earlyUnstakePenalty} null means no early
 * exit.
 */
public record PoolTerms(
        TokenId tokenId,
        TokenId rewardTokenId,
        String name,
        Apy apy,
        Amount minStakeAmount,
        LockPeriod lockPeriod,
        MinTrustScore minTrustScore,
        Amount maxTotalStake,
        EarlyUnstakePenalty earlyUnstakePenalty) {

    /** The reward token of a pool whose terms name none. */
    public static final TokenType DEFAULT_REWARD_TOKEN = TokenType.REWARD;

    public static final int MAX_NAME_LENGTH = 200;

    public static final String REQUIRED = "is required";
    public static final String NAME_TOO_LONG = "must be at most 200 characters";
    public static final String NEGATIVE_MIN_STAKE = "must not be negative";
    public static final String CAP_NOT_POSITIVE = "must be greater than zero";
    public static final String CAP_BELOW_MIN_STAKE = "must not be less than minStakeAmount";

    public PoolTerms {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(rewardTokenId, "rewardTokenId");
        Objects.requireNonNull(apy, "apy");
        Objects.requireNonNull(lockPeriod, "lockPeriod");
        minTrustScore = minTrustScore == null ? MinTrustScore.NONE : minTrustScore;
        var errors = new ArrayList<FieldError>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", REQUIRED));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", NAME_TOO_LONG));
        }
        if (minStakeAmount == null) {
            errors.add(new FieldError("minStakeAmount", REQUIRED));
        } else if (minStakeAmount.isNegative()) {
            errors.add(new FieldError("minStakeAmount", NEGATIVE_MIN_STAKE));
        }
        if (maxTotalStake != null && !maxTotalStake.isPositive()) {
            errors.add(new FieldError("maxTotalStake", CAP_NOT_POSITIVE));
        } else if (maxTotalStake != null && minStakeAmount != null && maxTotalStake.isLessThan(minStakeAmount)) {
            // No stake could ever enter such a pool.
            errors.add(new FieldError("maxTotalStake", CAP_BELOW_MIN_STAKE));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }
}
