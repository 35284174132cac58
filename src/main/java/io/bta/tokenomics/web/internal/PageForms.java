package io.bta.tokenomics.web.internal;

/**
 * The forms of the pages as submitted, kept to fill the form again next to its errors. Public
 * because the templates read them.
 */
public final class PageForms {

    private PageForms() {}

    public record Transfer(String toEntityId, String tokenId, String amount, String memo) {
        static final Transfer EMPTY = new Transfer("", "BTA-UTIL", "", "");
    }

    public record Withdraw(String withdrawTokenId, String withdrawAmount, String toAddress) {
        static final Withdraw EMPTY = new Withdraw("BTA-UTIL", "", "");
    }

    public record Proposal(String title, String description, String actionType, String parameters) {
        static final Proposal EMPTY = new Proposal("", "", "", "");
    }

    public record Stake(String poolId, String amount) {}

    /** {@code kind}: {@code in} (pay exactly the amount) or {@code out} (receive exactly the amount). */
    public record Swap(
            String tokenIn, String tokenOut, String kind, String amount, String slippage, String deadlineMinutes) {
        static final Swap EMPTY = new Swap("", "", "in", "", "0.5", "20");

        public boolean exactOut() {
            return "out".equals(kind);
        }
    }

    public record AddLiquidity(String poolId, String amountA, String amountB) {
        static final AddLiquidity EMPTY = new AddLiquidity("", "", "");
    }

    public record RemoveLiquidity(String removePoolId, String liquidity) {
        static final RemoveLiquidity EMPTY = new RemoveLiquidity("", "");
    }

    public record Pool(
            String name,
            String tokenId,
            String rewardTokenId,
            String apy,
            String minStakeAmount,
            String lockPeriodDays,
            String minTrustScore,
            String maxTotalStake,
            String earlyUnstakePenalty) {
        static final Pool EMPTY = new Pool("", "BTA-UTIL", "BTA-REWARD", "", "", "0", "", "", "");
    }

    public record EntityAmount(String entityId, String tokenId, String amount, String memo) {
        static final EntityAmount EMPTY = new EntityAmount("", "BTA-UTIL", "", "");
    }
}
