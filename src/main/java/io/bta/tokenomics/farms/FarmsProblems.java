package io.bta.tokenomics.farms;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;

/** The farms' refusals, each naming the rule. */
public final class FarmsProblems {

    private FarmsProblems() {}

    public static DomainProblem unknownFarm(String id) {
        return NotFound.of("UNKNOWN_FARM", "no farm " + id);
    }

    public static DomainProblem tokenHasFarm(String symbol, FarmId farm) {
        return Conflict.of("FARM_EXISTS", symbol + " already backs farm " + farm + "; a token backs one farm")
                .with("farmId", farm.toString());
    }

    public static DomainProblem notStaked(String staked, String asked) {
        return Conflict.of("INSUFFICIENT_STAKE", "the position holds " + staked + ", less than the " + asked + " asked")
                .with("staked", staked);
    }

    public static DomainProblem farmEnded(String endsAt) {
        return Conflict.of("FARM_ENDED", "the farm ended at " + endsAt + " and takes no deposits")
                .with("endsAt", endsAt);
    }

    public static DomainProblem noPosition() {
        return NotFound.of("NO_POSITION", "there is no position in this farm");
    }

    public static DomainProblem nothingToHarvest() {
        return Conflict.of("NOTHING_TO_HARVEST", "nothing is pending in this position");
    }
}
