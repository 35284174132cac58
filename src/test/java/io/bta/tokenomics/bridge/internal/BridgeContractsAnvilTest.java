package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.bridge.internal.BridgeContracts.Deployment;
import io.bta.tokenomics.bridge.internal.BridgeContracts.TokenSpec;
import io.bta.tokenomics.bridge.internal.BridgeContracts.Withdrawal;
import io.bta.tokenomics.support.AnvilNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/**
 * The contracts on a real local node (Anvil), through {@link BridgeContracts}: each test deploys its
 * own tokens and bridge. Skipped without {@code anvil}, except under CI, where it must run.
 */
class BridgeContractsAnvilTest {

    static final BigInteger UNIT = BigInteger.TEN.pow(18);
    static final BigInteger GOV_CAP = BigInteger.valueOf(1_000_000_000).multiply(UNIT);
    static final BigInteger UTIL_CAP = BigInteger.valueOf(2_000_000_000).multiply(UNIT);
    static final BigInteger UTIL_100 = BigInteger.valueOf(100).multiply(UNIT);
    static final BigInteger UTIL_40 = BigInteger.valueOf(40).multiply(UNIT);

    static AnvilNode anvil;

    /** The platform's account: deployer, admin, pauser and operator. */
    BridgeContracts operator;
    /** A holder's account on chain, with no role. */
    BridgeContracts holder;

    Deployment deployment;
    String bridge;
    String util;
    String gov;
    String reward;

    @BeforeAll
    static void startAnvil() throws Exception {
        anvil = AnvilNode.start("the bridge contract tests");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @BeforeEach
    void deploy() throws Exception {
        operator = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_0, Duration.ofSeconds(10));
        holder = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_1, Duration.ofSeconds(10));
        deployment = operator.deploy(List.of(
                new TokenSpec("BTA Governance", "BTA-GOV", GOV_CAP),
                new TokenSpec("BTA Reward", "BTA-REWARD", BridgeContracts.NO_CAP),
                new TokenSpec("BTA Utility", "BTA-UTIL", UTIL_CAP)));
        bridge = deployment.bridge();
        gov = deployment.tokensBySymbol().get("BTA-GOV");
        reward = deployment.tokensBySymbol().get("BTA-REWARD");
        util = deployment.tokensBySymbol().get("BTA-UTIL");
    }

    @AfterEach
    void close() {
        operator.close();
        holder.close();
    }

    @Test
    void deploymentGivesTheBridgeTheMinterRoleAndRegistersEachToken() throws Exception {
        assertThat(deployment.tokensBySymbol()).containsOnlyKeys("BTA-GOV", "BTA-REWARD", "BTA-UTIL");
        for (var token : List.of(gov, reward, util)) {
            assertThat(operator.bridgeable(bridge, token)).isTrue();
            assertThat(operator.hasRole(token, BridgeContracts.MINTER_ROLE, bridge))
                    .isTrue();
            assertThat(operator.hasRole(token, BridgeContracts.MINTER_ROLE, operator.address()))
                    .isFalse();
            assertThat(operator.totalSupply(token)).isZero();
        }
        assertThat(operator.hasRole(bridge, BridgeContracts.OPERATOR_ROLE, operator.address()))
                .isTrue();
        assertThat(operator.hasRole(bridge, BridgeContracts.OPERATOR_ROLE, holder.address()))
                .isFalse();
        assertThat(operator.cap(gov)).isEqualTo(GOV_CAP);
        assertThat(operator.cap(util)).isEqualTo(UTIL_CAP);
        assertThat(operator.cap(reward)).isEqualTo(BridgeContracts.NO_CAP);
    }

    @Test
    void aWithdrawalMintsToTheAddress() throws Exception {
        var receipt = operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1")));

        assertThat(receipt.gasUsed()).isPositive();
        assertThat(operator.balanceOf(util, holder.address())).isEqualTo(UTIL_100);
        assertThat(operator.totalSupply(util)).isEqualTo(UTIL_100);
        assertThat(operator.processed(bridge, id("w-1"))).isTrue();
        assertThat(operator.processed(bridge, id("w-2"))).isFalse();
    }

    @Test
    void aRepeatedWithdrawalIdIsRefusedAndMintsNothing() throws Exception {
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1")));

        assertThatThrownBy(() -> operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1"))))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("AlreadyProcessed"));
        // the same id with another token, recipient or amount is the same withdrawal
        assertThatThrownBy(() -> operator.withdraw(bridge, new Withdrawal(gov, operator.address(), UNIT, id("w-1"))))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("AlreadyProcessed"));
        assertThat(operator.balanceOf(util, holder.address())).isEqualTo(UTIL_100);
        assertThat(operator.totalSupply(util)).isEqualTo(UTIL_100);
        assertThat(operator.totalSupply(gov)).isZero();
    }

    @Test
    void aBatchSkipsTheIdsAlreadyProcessedAndMintsTheRest() throws Exception {
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1")));

        var result = operator.withdrawBatch(
                bridge,
                util,
                List.of(
                        new Withdrawal(util, holder.address(), UTIL_100, id("w-1")),
                        new Withdrawal(util, holder.address(), UTIL_40, id("w-2")),
                        new Withdrawal(util, operator.address(), UNIT, id("w-3")),
                        new Withdrawal(util, holder.address(), UTIL_40, id("w-2"))));

        assertThat(result.minted()).containsExactly(id("w-2"), id("w-3"));
        assertThat(result.skipped()).containsExactly(id("w-1"), id("w-2"));
        assertThat(operator.balanceOf(util, holder.address())).isEqualTo(UTIL_100.add(UTIL_40));
        assertThat(operator.balanceOf(util, operator.address())).isEqualTo(UNIT);

        // re-sending the whole batch, as after a crash, mints nothing more
        var again = operator.withdrawBatch(
                bridge,
                util,
                List.of(
                        new Withdrawal(util, holder.address(), UTIL_40, id("w-2")),
                        new Withdrawal(util, operator.address(), UNIT, id("w-3"))));
        assertThat(again.minted()).isEmpty();
        assertThat(again.skipped()).containsExactly(id("w-2"), id("w-3"));
        assertThat(operator.totalSupply(util)).isEqualTo(UTIL_100.add(UTIL_40).add(UNIT));

        // a batch is of one token
        assertThatThrownBy(() -> operator.withdrawBatch(
                        bridge, util, List.of(new Withdrawal(gov, holder.address(), UNIT, id("w-4")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consecutiveIdsSharingABitmapWordAreEachProcessedOnce() throws Exception {
        var all = "0x" + "f".repeat(64);
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UNIT, BridgeContracts.withdrawalId(5)));
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UNIT, all));

        assertThat(operator.processed(bridge, BridgeContracts.withdrawalId(5))).isTrue();
        assertThat(operator.processed(bridge, all)).isTrue();
        for (long other : new long[] {0, 4, 6, 255, 256, 261}) {
            assertThat(operator.processed(bridge, BridgeContracts.withdrawalId(other)))
                    .as("id %d", other)
                    .isFalse();
        }
        var result = operator.withdrawBatch(
                bridge,
                util,
                List.of(
                        new Withdrawal(util, holder.address(), UNIT, BridgeContracts.withdrawalId(4)),
                        new Withdrawal(util, holder.address(), UNIT, BridgeContracts.withdrawalId(5)),
                        new Withdrawal(util, holder.address(), UNIT, BridgeContracts.withdrawalId(6)),
                        new Withdrawal(util, holder.address(), UNIT, BridgeContracts.withdrawalId(261))));
        assertThat(result.minted())
                .containsExactly(
                        BridgeContracts.withdrawalId(4),
                        BridgeContracts.withdrawalId(6),
                        BridgeContracts.withdrawalId(261));
        assertThat(result.skipped()).containsExactly(BridgeContracts.withdrawalId(5));
        assertThatThrownBy(() -> operator.withdraw(
                        bridge, new Withdrawal(util, holder.address(), UNIT, BridgeContracts.withdrawalId(6))))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("AlreadyProcessed"));
        assertThat(operator.totalSupply(util)).isEqualTo(UNIT.multiply(BigInteger.valueOf(5)));
    }

    @Test
    void aBatchWithAnInvalidEntryRevertsWhole() throws Exception {
        var invalid = List.of(
                new Withdrawal(util, holder.address(), UTIL_40, id("w-1")),
                new Withdrawal(util, holder.address(), BigInteger.ZERO, id("w-2")));

        assertThatThrownBy(() -> operator.withdrawBatch(bridge, util, invalid))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("ZeroAmount"));
        assertThatThrownBy(() -> operator.withdrawBatch(bridge, util, List.of()))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("EmptyBatch"));
        assertThat(operator.processed(bridge, id("w-1"))).isFalse();
        assertThat(operator.totalSupply(util)).isZero();
    }

    @Test
    void aWithdrawalToNobodyOfNothingOrOfAnUnregisteredTokenIsRefused() throws Exception {
        var zero = "0x" + "0".repeat(40);
        assertThatThrownBy(() -> operator.withdraw(bridge, new Withdrawal(util, zero, UTIL_40, id("w-1"))))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("ZeroAddress"));
        assertThatThrownBy(() ->
                        operator.withdraw(bridge, new Withdrawal(util, holder.address(), BigInteger.ZERO, id("w-1"))))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("ZeroAmount"));
        // a token deployed with the same code but never registered (as BTA-GUAR never is)
        var unregistered = operator.deployToken(new TokenSpec("Unregistered", "OTHER", UTIL_CAP), operator.address());
        operator.grantRole(unregistered, BridgeContracts.MINTER_ROLE, bridge);
        assertThatThrownBy(() ->
                        operator.withdraw(bridge, new Withdrawal(unregistered, holder.address(), UTIL_40, id("w-1"))))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("UnknownToken"));
        assertThat(operator.processed(bridge, id("w-1"))).isFalse();
        assertThat(operator.totalSupply(unregistered)).isZero();
    }

    @Test
    void onlyTheOperatorWithdrawsAndOnlyTheBridgeMints() throws Exception {
        var withdrawal = new Withdrawal(util, holder.address(), UTIL_100, id("w-1"));

        assertThatThrownBy(() -> holder.withdraw(bridge, withdrawal))
                .isInstanceOfSatisfying(ContractReverted.class, e -> assertThat(e.errorName())
                        .hasValue("AccessControlUnauthorizedAccount"));
        assertThatThrownBy(() -> holder.withdrawBatch(bridge, util, List.of(withdrawal)))
                .isInstanceOfSatisfying(ContractReverted.class, e -> assertThat(e.errorName())
                        .hasValue("AccessControlUnauthorizedAccount"));
        // minting straight on the token: not even the token's admin may, only the bridge
        for (var account : List.of(holder, operator)) {
            assertThatThrownBy(() -> account.mint(util, account.address(), UTIL_100))
                    .isInstanceOfSatisfying(ContractReverted.class, e -> assertThat(e.errorName())
                            .hasValue("AccessControlUnauthorizedAccount"));
        }
        assertThat(operator.totalSupply(util)).isZero();
        assertThat(operator.processed(bridge, id("w-1"))).isFalse();

        // once granted the role, another account may withdraw
        operator.grantRole(bridge, BridgeContracts.OPERATOR_ROLE, holder.address());
        holder.withdraw(bridge, withdrawal);
        assertThat(operator.balanceOf(util, holder.address())).isEqualTo(UTIL_100);
    }

    @Test
    void aDepositBurnsTheHoldersTokensAndLogsTheEntity() throws Exception {
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1")));
        long before = operator.blockNumber();

        holder.approve(util, bridge, UTIL_40);
        var receipt = holder.deposit(bridge, util, UTIL_40, "alice");

        assertThat(operator.balanceOf(util, holder.address())).isEqualTo(UTIL_100.subtract(UTIL_40));
        assertThat(operator.totalSupply(util)).isEqualTo(UTIL_100.subtract(UTIL_40));
        var deposits = operator.deposits(bridge, before + 1, operator.blockNumber());
        assertThat(deposits).hasSize(1);
        var deposit = deposits.get(0);
        assertThat(deposit.depositId()).isEqualTo(BigInteger.ONE);
        assertThat(deposit.token()).isEqualTo(util);
        assertThat(deposit.from()).isEqualTo(holder.address());
        assertThat(deposit.entityId()).isEqualTo("alice");
        assertThat(deposit.amount()).isEqualTo(UTIL_40);
        assertThat(deposit.transactionHash()).isEqualTo(receipt.transactionHash());
        assertThat(deposit.blockNumber()).isEqualTo(receipt.blockNumber());
        assertThat(deposit.blockHash()).isEqualTo(receipt.blockHash());

        // ids are sequential across tokens and holders
        holder.approve(util, bridge, UNIT);
        holder.deposit(bridge, util, UNIT, "bob");
        var all = operator.deposits(bridge, 0, operator.blockNumber());
        assertThat(all).extracting(BridgeContracts.Deposit::depositId).containsExactly(BigInteger.ONE, BigInteger.TWO);
        assertThat(all).extracting(BridgeContracts.Deposit::entityId).containsExactly("alice", "bob");
    }

    @Test
    void aDepositIsRefusedWithoutAllowanceOrAmountOrEntityOrARegisteredToken() throws Exception {
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1")));

        assertThatThrownBy(() -> holder.deposit(bridge, util, UTIL_40, "alice"))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("ERC20InsufficientAllowance"));
        holder.approve(util, bridge, UTIL_100);
        assertThatThrownBy(() -> holder.deposit(bridge, util, BigInteger.ZERO, "alice"))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("ZeroAmount"));
        assertThatThrownBy(() -> holder.deposit(bridge, util, UTIL_40, ""))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("EmptyEntityId"));
        assertThatThrownBy(() -> holder.deposit(bridge, util, UTIL_100.add(UNIT), "alice"))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("ERC20InsufficientAllowance"));
        var unregistered = operator.deployToken(new TokenSpec("Unregistered", "OTHER", UTIL_CAP), operator.address());
        assertThatThrownBy(() -> holder.deposit(bridge, unregistered, UTIL_40, "alice"))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("UnknownToken"));
        assertThat(operator.balanceOf(util, holder.address())).isEqualTo(UTIL_100);
        assertThat(operator.deposits(bridge, 0, operator.blockNumber())).isEmpty();
    }

    @Test
    void pausingTheBridgeStopsDepositsAndWithdrawalsUntilUnpaused() throws Exception {
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1")));
        holder.approve(util, bridge, UTIL_100);

        assertThatThrownBy(() -> holder.pause(bridge))
                .isInstanceOfSatisfying(ContractReverted.class, e -> assertThat(e.errorName())
                        .hasValue("AccessControlUnauthorizedAccount"));
        operator.pause(bridge);
        assertThat(operator.paused(bridge)).isTrue();

        var withdrawal = new Withdrawal(util, holder.address(), UTIL_40, id("w-2"));
        assertThatThrownBy(() -> operator.withdraw(bridge, withdrawal))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("EnforcedPause"));
        assertThatThrownBy(() -> operator.withdrawBatch(bridge, util, List.of(withdrawal)))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("EnforcedPause"));
        assertThatThrownBy(() -> holder.deposit(bridge, util, UTIL_40, "alice"))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("EnforcedPause"));
        assertThat(operator.totalSupply(util)).isEqualTo(UTIL_100);

        operator.unpause(bridge);
        assertThat(operator.paused(bridge)).isFalse();
        operator.withdraw(bridge, withdrawal);
        holder.deposit(bridge, util, UTIL_40, "alice");
        assertThat(operator.balanceOf(util, holder.address())).isEqualTo(UTIL_100);
        assertThat(operator.totalSupply(util)).isEqualTo(UTIL_100);
    }

    @Test
    void pausingATokenStopsItsTransfersMintsAndBurns() throws Exception {
        operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_100, id("w-1")));
        holder.approve(util, bridge, UTIL_100);

        operator.pause(util);

        assertThatThrownBy(() -> operator.withdraw(bridge, new Withdrawal(util, holder.address(), UTIL_40, id("w-2"))))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("EnforcedPause"));
        assertThatThrownBy(() -> holder.deposit(bridge, util, UTIL_40, "alice"))
                .isInstanceOfSatisfying(
                        ContractReverted.class, e -> assertThat(e.errorName()).hasValue("EnforcedPause"));
        // another token goes on
        operator.withdraw(bridge, new Withdrawal(gov, holder.address(), UNIT, id("w-3")));
        assertThat(operator.balanceOf(gov, holder.address())).isEqualTo(UNIT);
        operator.unpause(util);
        holder.deposit(bridge, util, UTIL_40, "alice");
        assertThat(operator.totalSupply(util)).isEqualTo(UTIL_100.subtract(UTIL_40));
    }

    /**
     * The goal is a batch of 100 costing at most 0.4 x the gas of 100 single withdrawals.
     * Gas is deterministic (same code, same state shape), so the test asserts the contract's
     * properties (a batch is cheaper than singles; consecutive ids, sharing bitmap words, are
     * cheaper than ids of no pattern) and prints the measured numbers. Each withdrawal goes to an
     * address that holds none of the token yet, in both forms, as a first withdrawal does.
     */
    @Test
    void aBatchOf100WithdrawalsCostsLessGasThan100SingleOnes() throws Exception {
        int n = 100;
        // ids of no pattern (keccak-256 of a name), to addresses holding none of the token yet
        var hashed = measure(n, i -> id("single-" + i), i -> id("batch-" + i), "hash", false);
        // consecutive ids: singles 1..100 (bitmap word 0), the batch 256..355 (word 1)
        var consecutive = measure(
                n, i -> BridgeContracts.withdrawalId(1 + i), i -> BridgeContracts.withdrawalId(256 + i), "seq", false);
        // consecutive ids again (words 2 and 3), to addresses that already hold some of the token
        var toHolders = measure(
                n, i -> BridgeContracts.withdrawalId(512 + i), i -> BridgeContracts.withdrawalId(768 + i), "seq", true);

        assertThat(hashed[1]).isLessThan(hashed[0]);
        assertThat(consecutive[1]).isLessThan(consecutive[0]);
        assertThat(toHolders[1]).isLessThan(toHolders[0]);
        // the bitmap: consecutive ids share storage words, ids of no pattern do not
        assertThat(consecutive[1]).isLessThan(hashed[1]);
    }

    /**
     * Gas of {@code n} single withdrawals and of one batch of {@code n}, each to its own address:
     * {@code {singles, batch}}. With {@code holders}, each address is first given some of the
     * token (not measured), so the withdrawals measured add to a balance instead of creating one.
     */
    private BigInteger[] measure(
            int n, IntFunction<String> singleId, IntFunction<String> batchId, String label, boolean holders)
            throws Exception {
        var prefix = label + (holders ? "-holders" : "-fresh");
        if (holders) {
            for (var form : List.of("-single", "-batch")) {
                var prime = new ArrayList<Withdrawal>();
                for (int i = 0; i < n; i++) {
                    prime.add(
                            new Withdrawal(util, recipient(prefix + form, i), UNIT, id(prefix + form + "-prime-" + i)));
                }
                operator.withdrawBatch(bridge, util, prime);
            }
        }
        var singles = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            singles = singles.add(operator.withdraw(
                            bridge, new Withdrawal(util, recipient(prefix + "-single", i), UTIL_40, singleId.apply(i)))
                    .gasUsed());
        }
        var batch = new ArrayList<Withdrawal>();
        for (int i = 0; i < n; i++) {
            batch.add(new Withdrawal(util, recipient(prefix + "-batch", i), UTIL_40, batchId.apply(i)));
        }
        var result = operator.withdrawBatch(bridge, util, batch);
        assertThat(result.minted()).hasSize(n);
        var batched = result.receipt().gasUsed();
        System.out.printf(
                "bridge gas (%s ids, %s recipients): %d single withdrawals %s gas (%s each), one batch of %d"
                        + " %s gas (%s each); batch/singles = %s/1000 (goal <= 400/1000)%n",
                label,
                holders ? "holding" : "fresh",
                n,
                singles,
                singles.divide(BigInteger.valueOf(n)),
                n,
                batched,
                batched.divide(BigInteger.valueOf(n)),
                batched.multiply(BigInteger.valueOf(1000)).divide(singles));
        return new BigInteger[] {singles, batched};
    }

    /** A withdrawal id: the keccak-256 of a name, as any 32 bytes will do. */
    static String id(String name) {
        return Hash.sha3String(name);
    }

    /** A fresh address per name and index. */
    static String recipient(String name, int i) {
        return "0x" + Hash.sha3String(name + "-" + i).substring(26);
    }
}
