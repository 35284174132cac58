package io.bta.tokenomics.rewards;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;
import java.math.BigDecimal;
import java.util.UUID;

/** The rewards module's refusals, each with a stable code. */
public final class RewardProblems {

    private RewardProblems() {}

    public static final class EmissionBudgetExceeded extends RuleViolation {
        private EmissionBudgetExceeded(String detail) {
            super("EMISSION_BUDGET_EXCEEDED", detail);
        }

        public static EmissionBudgetExceeded of(int epoch, Amount budget, Amount remaining, Amount requested) {
            var e = new EmissionBudgetExceeded("BTA-REWARD emission budget of epoch " + epoch + " is " + budget + "; "
                    + remaining + " remains, " + requested + " was requested");
            e.with("epoch", epoch)
                    .with("budget", budget.toString())
                    .with("remaining", remaining.toString())
                    .with("requested", requested.toString());
            return e;
        }
    }

    public static final class TrustTooLow extends RuleViolation {
        private TrustTooLow(String detail) {
            super("TRUST_TOO_LOW", detail);
        }

        public static TrustTooLow of(String recipient, RewardType type, BigDecimal score, BigDecimal minTrust) {
            var e = new TrustTooLow("entity '" + recipient + "' has a trust score of " + score.toPlainString() + "; "
                    + type + " rewards need at least " + minTrust.toPlainString());
            e.with("trustScore", score).with("minTrust", minTrust);
            return e;
        }
    }

    public static final class AmountRequired extends RuleViolation {
        private AmountRequired(String detail) {
            super("REWARD_AMOUNT_REQUIRED", detail);
        }

        public static AmountRequired of(RewardType type) {
            return new AmountRequired(type + " rewards have no policy amount; give an amount");
        }
    }

    public static final class RewardNotFound extends NotFound {
        private RewardNotFound(String detail) {
            super("REWARD_NOT_FOUND", detail);
        }

        public static RewardNotFound of(UUID id) {
            return new RewardNotFound("no reward " + id);
        }
    }

    public static final class NotPending extends Conflict {
        private NotPending(String detail) {
            super("REWARD_NOT_PENDING", detail);
        }

        public static NotPending of(UUID id, RewardStatus status) {
            var e = new NotPending("reward " + id + " is " + status + ", only a PENDING reward can be claimed");
            e.with("rewardStatus", status.name());
            return e;
        }
    }

    public static final class AlreadyReferred extends Conflict {
        private AlreadyReferred(String detail) {
            super("REFEREE_ALREADY_REFERRED", detail);
        }

        public static AlreadyReferred of(String referee) {
            return new AlreadyReferred("entity '" + referee + "' was already referred by another entity");
        }
    }

    public static Forbidden notRecipient(UUID id) {
        return Forbidden.of("NOT_RECIPIENT", "only the recipient may claim reward " + id);
    }
}
