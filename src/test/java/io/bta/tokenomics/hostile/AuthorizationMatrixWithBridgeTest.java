package io.bta.tokenomics.hostile;

import static io.bta.tokenomics.support.Api.json;

import io.bta.tokenomics.support.AnvilNode;
import io.bta.tokenomics.support.Api;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The authorization matrix with the bridge enabled against a local chain (Anvil): every endpoint
 * of the default context and the bridge's ({@link #BRIDGE_ROWS}), called by every kind of caller,
 * gets the answer the table allows. Skipped without {@code anvil}, except under CI.
 */
class AuthorizationMatrixWithBridgeTest extends AuthorizationMatrixTest {

    static AnvilNode anvil;

    @BeforeAll
    static void start() {
        try {
            anvil = AnvilNode.start("the authorization matrix with the bridge");
        } catch (org.opentest4j.TestAbortedException | AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("anvil did not start", e);
        }
        startWith(
                "--tokenomics.security.jwt-secret=" + Api.SECRET,
                "--tokenomics.chain.rpc-url=" + anvil.rpcUrl(),
                "--tokenomics.chain.private-key=" + AnvilNode.KEY_0,
                "--tokenomics.chain.anchoring-enabled=false",
                "--tokenomics.bridge.enabled=true",
                "--tokenomics.bridge.send-interval=1h",
                "--tokenomics.bridge.follow-interval=1h");
        var admin = Api.adminToken();
        var deployed = api.post("/api/bridge/deploy", admin, "{}");
        if (deployed.status() != 200) {
            throw new IllegalStateException("deploy failed: " + deployed.status() + " " + deployed.body());
        }
        var withdrawal = api.post(
                "/api/bridge/withdrawals",
                Api.token(fixture.owner),
                json(
                        "tokenId",
                        "BTA-UTIL",
                        "amount",
                        "0.000001",
                        "toAddress",
                        "0x00000000000000000000000000000000000000b7"));
        if (withdrawal.status() != 201) {
            throw new IllegalStateException("withdrawal failed: " + withdrawal.status() + " " + withdrawal.body());
        }
        fixture.bridgeWithdrawal = withdrawal.text("id");
    }

    @AfterAll
    static void stop() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            if (anvil != null) {
                try {
                    anvil.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    List<Row> matrix() {
        return Stream.concat(MATRIX.stream(), BRIDGE_ROWS.stream()).toList();
    }
}
