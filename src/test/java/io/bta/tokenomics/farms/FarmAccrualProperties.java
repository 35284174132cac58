package io.bta.tokenomics.farms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A farm program (two farms, three owners) run against a brute-force per-second simulation in exact
 * fractions: what each position is owed equals the model within one base unit per action, and the
 * farms never owe more than they emitted.
 */
class FarmAccrualProperties {

    private static final int FARMS = 2;
    private static final int OWNERS = 3;

    sealed interface Action {}

    record Advance(int seconds) implements Action {}

    record Deposit(int owner, int farm, long amount) implements Action {}

    record Withdraw(int owner, int farm, int percent) implements Action {}

    record Harvest(int owner, int farm) implements Action {}

    record EmergencyWithdraw(int owner, int farm) implements Action {}

    record SetWeight(int farm, int allocPoint) implements Action {}

    record SetRate(long rewardPerSecond) implements Action {}

    record SetTrust(int owner, int trust) implements Action {}

    /** An exact non-negative fraction. */
    record Fraction(BigInteger num, BigInteger den) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        Fraction plus(Fraction o) {
            BigInteger n = num.multiply(o.den).add(o.num.multiply(den));
            BigInteger d = den.multiply(o.den);
            BigInteger g = n.gcd(d);
            return g.signum() == 0 ? ZERO : new Fraction(n.divide(g), d.divide(g));
        }

        BigInteger floor() {
            return num.divide(den);
        }
    }

    @Property(tries = 300)
    void payoutsFollowThePerSecondModelAndNeverExceedEmissions(@ForAll("programs") List<Action> program) {
        long start = 1_700_000_000L;
        long now = start;
        BigInteger rate = BigInteger.valueOf(1_000_000_007L);
        long[] alloc = {100, 50};
        int[] trust = new int[OWNERS];
        TrustBoost boost = TrustBoost.DEFAULT;
        FarmAccrual[] farms = {FarmAccrual.startingAt(start), FarmAccrual.startingAt(start)};
        FarmPosition[][] positions = new FarmPosition[OWNERS][FARMS];
        Fraction[][] model = new Fraction[OWNERS][FARMS];
        Fraction[] modelEmitted = {Fraction.ZERO, Fraction.ZERO};
        for (int o = 0; o < OWNERS; o++) {
            for (int f = 0; f < FARMS; f++) {
                positions[o][f] = FarmPosition.EMPTY;
                model[o][f] = Fraction.ZERO;
            }
        }
        BigInteger forfeitedPaidOrPending = BigInteger.ZERO;
        int actions = 0;
        for (Action action : program) {
            actions++;
            if (action instanceof Advance a) {
                for (int s = 0; s < a.seconds(); s++) {
                    long totalAlloc = alloc[0] + alloc[1];
                    for (int f = 0; f < FARMS; f++) {
                        BigInteger totalWorking = BigInteger.ZERO;
                        for (int o = 0; o < OWNERS; o++) {
                            totalWorking = totalWorking.add(positions[o][f].workingAmount());
                        }
                        if (totalWorking.signum() == 0 || alloc[f] == 0) {
                            continue;
                        }
                        BigInteger farmNum = rate.multiply(BigInteger.valueOf(alloc[f]));
                        BigInteger farmDen = BigInteger.valueOf(totalAlloc);
                        modelEmitted[f] = modelEmitted[f].plus(new Fraction(farmNum, farmDen));
                        for (int o = 0; o < OWNERS; o++) {
                            BigInteger w = positions[o][f].workingAmount();
                            if (w.signum() > 0) {
                                model[o][f] = model[o][f].plus(
                                        new Fraction(farmNum.multiply(w), farmDen.multiply(totalWorking)));
                            }
                        }
                    }
                }
                now += a.seconds();
            } else if (action instanceof Deposit d) {
                farms[d.farm()] = accrue(farms[d.farm()], now, rate, alloc, d.farm());
                FarmPosition p = positions[d.owner()][d.farm()];
                BigInteger amount = p.amount().add(BigInteger.valueOf(d.amount()));
                changeAmount(farms, positions, d.owner(), d.farm(), amount, boost, trust[d.owner()]);
            } else if (action instanceof Withdraw w) {
                farms[w.farm()] = accrue(farms[w.farm()], now, rate, alloc, w.farm());
                FarmPosition p = positions[w.owner()][w.farm()];
                BigInteger out =
                        p.amount().multiply(BigInteger.valueOf(w.percent())).divide(BigInteger.valueOf(100));
                changeAmount(farms, positions, w.owner(), w.farm(), p.amount().subtract(out), boost, trust[w.owner()]);
            } else if (action instanceof Harvest h) {
                farms[h.farm()] = accrue(farms[h.farm()], now, rate, alloc, h.farm());
                positions[h.owner()][h.farm()] =
                        positions[h.owner()][h.farm()].harvest(farms[h.farm()].accRewardPerShare());
                assertThat(positions[h.owner()][h.farm()].pending()).isZero();
            } else if (action instanceof EmergencyWithdraw e) {
                farms[e.farm()] = accrue(farms[e.farm()], now, rate, alloc, e.farm());
                FarmPosition p = positions[e.owner()][e.farm()].settle(farms[e.farm()].accRewardPerShare());
                forfeitedPaidOrPending = forfeitedPaidOrPending.add(p.harvested());
                farms[e.farm()] =
                        farms[e.farm()].withWorkingDelta(p.workingAmount().negate());
                positions[e.owner()][e.farm()] = p.emergencyWithdrawn();
                // the model forgets what the owner had earned: both sides restart from zero owed
                model[e.owner()][e.farm()] = new Fraction(p.harvested(), BigInteger.ONE);
                forfeitedPaidOrPending = forfeitedPaidOrPending.add(p.pending());
            } else if (action instanceof SetWeight sw) {
                accrueAll(farms, now, rate, alloc);
                alloc[sw.farm()] = sw.allocPoint();
            } else if (action instanceof SetRate sr) {
                accrueAll(farms, now, rate, alloc);
                rate = BigInteger.valueOf(sr.rewardPerSecond());
            } else if (action instanceof SetTrust st) {
                trust[st.owner()] = st.trust();
                for (int f = 0; f < FARMS; f++) {
                    farms[f] = accrue(farms[f], now, rate, alloc, f);
                    changeAmount(farms, positions, st.owner(), f, positions[st.owner()][f].amount(), boost, st.trust());
                }
            }
            BigInteger owedTotal = BigInteger.ZERO;
            for (int f = 0; f < FARMS; f++) {
                farms[f] = accrue(farms[f], now, rate, alloc, f);
                BigInteger farmOwed = BigInteger.ZERO;
                BigInteger totalWorking = BigInteger.ZERO;
                for (int o = 0; o < OWNERS; o++) {
                    FarmPosition settled = positions[o][f].settle(farms[f].accRewardPerShare());
                    BigInteger owed = settled.pending().add(settled.harvested());
                    Fraction expected = model[o][f];
                    // remainders carried at farm level reach whoever is staked at the next accrual, so a
                    // position may be a little above or below the model, never by more than one base
                    // unit per action
                    assertThat(expected.floor().subtract(owed).abs())
                            .isLessThanOrEqualTo(BigInteger.valueOf(actions + 1L));
                    farmOwed = farmOwed.add(owed);
                    totalWorking = totalWorking.add(settled.workingAmount());
                }
                assertThat(farms[f].totalWorking()).isEqualTo(totalWorking);
                assertThat(farms[f].emitted()).isLessThanOrEqualTo(modelEmitted[f].floor());
                owedTotal = owedTotal.add(farmOwed);
            }
            BigInteger emittedTotal = farms[0].emitted().add(farms[1].emitted());
            assertThat(owedTotal).isLessThanOrEqualTo(emittedTotal);
        }
    }

    private static FarmAccrual accrue(FarmAccrual farm, long now, BigInteger rate, long[] alloc, int f) {
        return farm.accrueTo(now, rate, alloc[f], alloc[0] + alloc[1]);
    }

    private static void accrueAll(FarmAccrual[] farms, long now, BigInteger rate, long[] alloc) {
        for (int f = 0; f < FARMS; f++) {
            farms[f] = accrue(farms[f], now, rate, alloc, f);
        }
    }

    private static void changeAmount(
            FarmAccrual[] farms,
            FarmPosition[][] positions,
            int owner,
            int f,
            BigInteger amount,
            TrustBoost boost,
            int trust) {
        FarmPosition p = positions[owner][f];
        BigInteger working = boost.workingAmount(amount, trust);
        positions[owner][f] = p.withAmounts(farms[f].accRewardPerShare(), amount, working);
        farms[f] = farms[f].withWorkingDelta(working.subtract(p.workingAmount()));
    }

    @Provide
    Arbitrary<List<Action>> programs() {
        Arbitrary<Integer> owner = Arbitraries.integers().between(0, OWNERS - 1);
        Arbitrary<Integer> farm = Arbitraries.integers().between(0, FARMS - 1);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 20).map(Advance::new)),
                net.jqwik.api.Tuple.of(
                        4,
                        Combinators.combine(owner, farm, Arbitraries.longs().between(1, 1_000_000_000_000_000_000L))
                                .as(Deposit::new)),
                net.jqwik.api.Tuple.of(
                        2,
                        Combinators.combine(owner, farm, Arbitraries.integers().between(0, 100))
                                .as(Withdraw::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(owner, farm).as(Harvest::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(owner, farm).as(EmergencyWithdraw::new)),
                net.jqwik.api.Tuple.of(
                        1,
                        Combinators.combine(farm, Arbitraries.integers().between(0, 200))
                                .as(SetWeight::new)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.longs()
                                .between(0, 5_000_000_000_000_000_000L)
                                .map(SetRate::new)),
                net.jqwik.api.Tuple.of(
                        2,
                        Combinators.combine(owner, Arbitraries.integers().between(0, 100))
                                .as(SetTrust::new)));
        return action.list().ofMinSize(1).ofMaxSize(40);
    }
}
