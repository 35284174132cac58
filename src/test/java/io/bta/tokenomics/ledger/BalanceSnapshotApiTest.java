package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/tokens/balance-snapshot}: several entities' balances in one read. */
@IntegrationTest
class BalanceSnapshotApiTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    Api api;
    String alice;
    String bob;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
        ledger.transfer(
                ledger.resolve("BTA-UTIL"), ledger.treasury(), EntityId.of(alice), Amount.of("12.5"), null, ADMIN);
    }

    @Test
    void anAdminReadsSeveralEntitiesAtTheLastSequence() {
        var answer = api.get("/api/tokens/balance-snapshot?entityId=" + alice + "&entityId=" + bob, Api.adminToken());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sequence").asLong()).isEqualTo(ledger.lastSequence());
        var balances = answer.json().get("balances");
        assertThat(balances.size()).isEqualTo(2 * ledger.tokens().size());
        String aliceUtil = null;
        String bobUtil = null;
        for (int i = 0; i < balances.size(); i++) {
            var b = balances.get(i);
            if (b.get("symbol").asString().equals("BTA-UTIL")) {
                if (b.get("entityId").asString().equals(alice)) {
                    aliceUtil = b.get("available").asString();
                } else {
                    bobUtil = b.get("available").asString();
                }
            }
        }
        assertThat(aliceUtil).isEqualTo("12.5");
        assertThat(bobUtil).isEqualTo("0");
    }

    @Test
    void anEntityReadsItselfButNoOtherEntity() {
        assertThat(api.get("/api/tokens/balance-snapshot?entityId=" + alice, Api.token(alice))
                        .status())
                .isEqualTo(200);
        var other = api.get("/api/tokens/balance-snapshot?entityId=" + alice + "&entityId=" + bob, Api.token(alice));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.isProblem()).isTrue();
    }

    @Test
    void noEntityTooManyEntitiesOrAMalformedOneIsABadRequest() {
        var none = api.get("/api/tokens/balance-snapshot", Api.adminToken());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.isProblem()).isTrue();
        var many = IntStream.range(0, 101).mapToObj(i -> "entityId=e" + i).collect(Collectors.joining("&"));
        assertThat(api.get("/api/tokens/balance-snapshot?" + many, Api.adminToken())
                        .status())
                .isEqualTo(400);
        var malformed = api.get("/api/tokens/balance-snapshot?entityId=%20bad%20id", Api.adminToken());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }
}
