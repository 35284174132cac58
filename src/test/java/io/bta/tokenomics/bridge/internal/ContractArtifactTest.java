package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.bridge.internal.BridgeContracts.TokenSpec;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The committed artifacts parse and name what the chain client calls; no chain needed. */
class ContractArtifactTest {

    @Test
    void theTokenArtifactNamesTheErc20AndRoleFunctions() {
        var token = ContractArtifact.load("BtaToken");

        assertThat(token.contractName()).isEqualTo("BtaToken");
        assertThat(token.compiler()).startsWith("solc-js 0.8.37+");
        assertThat(token.sourcesSha256()).matches("[0-9a-f]{64}");
        assertThat(token.bytecode()).startsWith("0x").hasSizeGreaterThan(2);
        assertThat(token.functions())
                .contains(
                        "mint(address,uint256)",
                        "mintBatch(address[],uint256[])",
                        "burn(uint256)",
                        "burnFrom(address,uint256)",
                        "approve(address,uint256)",
                        "balanceOf(address)",
                        "totalSupply()",
                        "cap()",
                        "decimals()",
                        "pause()",
                        "unpause()",
                        "paused()",
                        "grantRole(bytes32,address)",
                        "hasRole(bytes32,address)",
                        "MINTER_ROLE()",
                        "PAUSER_ROLE()");
        assertThat(token.events()).contains("Transfer(address,address,uint256)", "Paused(address)");
    }

    @Test
    void theBridgeArtifactNamesDepositWithdrawAndTheirEvents() {
        var bridge = ContractArtifact.load("BtaBridge");

        assertThat(bridge.contractName()).isEqualTo("BtaBridge");
        assertThat(bridge.sourcesSha256())
                .isEqualTo(ContractArtifact.load("BtaToken").sourcesSha256());
        assertThat(bridge.functions())
                .contains(
                        "deposit(address,uint256,string)",
                        "withdraw(address,address,uint256,bytes32)",
                        "withdrawBatch(address,address[],uint256[],bytes32[])",
                        "registerToken(address)",
                        "unregisterToken(address)",
                        "bridgeable(address)",
                        "processed(bytes32)",
                        "depositCount()",
                        "pause()",
                        "unpause()",
                        "OPERATOR_ROLE()",
                        "PAUSER_ROLE()");
        assertThat(bridge.events()).containsAll(BridgeContracts.EVENTS);
        assertThat(bridge.errorsBySelector().values())
                .contains(
                        "AlreadyProcessed(bytes32)",
                        "UnknownToken(address)",
                        "ZeroAmount()",
                        "ZeroAddress()",
                        "EmptyEntityId()",
                        "EnforcedPause()",
                        "AccessControlUnauthorizedAccount(address,bytes32)");
    }

    @Test
    void aRevertIsNamedByItsSelector() {
        var bridge = ContractArtifact.load("BtaBridge");
        var data = ContractArtifact.selector("AlreadyProcessed(bytes32)") + "00".repeat(32);

        assertThat(ContractArtifact.selector("transfer(address,uint256)")).isEqualTo("0xa9059cbb");
        assertThat(bridge.error(data)).hasValue("AlreadyProcessed(bytes32)");
        assertThat(bridge.error("0xdeadbeef")).isEmpty();
        assertThat(bridge.error("0x")).isEmpty();
    }

    @Test
    void aSequenceNumberIsAWithdrawalIdOf32Bytes() {
        assertThat(BridgeContracts.withdrawalId(0)).isEqualTo("0x" + "0".repeat(64));
        assertThat(BridgeContracts.withdrawalId(257)).isEqualTo("0x" + "0".repeat(61) + "101");
        assertThat(BridgeContracts.withdrawalId(Long.MAX_VALUE)).isEqualTo("0x" + "0".repeat(48) + "7fffffffffffffff");
        assertThatThrownBy(() -> BridgeContracts.withdrawalId(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guaranteeCollateralCannotBeDeployedAsABridgeToken() {
        assertThatThrownBy(() -> new TokenSpec("BTA Guarantee", "BTA-GUAR", BridgeContracts.NO_CAP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTA-GUAR is collateral and is not bridgeable");
        assertThatThrownBy(() -> new TokenSpec("BTA Utility", "BTA-UTIL", BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSpec("BTA Utility", "BTA-UTIL", BridgeContracts.NO_CAP.add(BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
