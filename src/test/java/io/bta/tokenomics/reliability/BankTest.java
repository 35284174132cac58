package io.bta.tokenomics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Suite 1, the bank test over HTTP (see {@link BankWorkload}), against the service in this JVM.
 * {@code -Dreliability.bank.seconds} sets how long each run takes (3 s by default).
 */
@IntegrationTest
class BankTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void transfersAmongAccountsOfOneTokenKeepTheTotalAndReplay() throws Exception {
        run(List.of("BTA-UTIL"));
    }

    @Test
    void transfersInTwoTokensKeepEachTotalAndReplay() throws Exception {
        run(List.of("BTA-UTIL", "BTA-GOV"));
    }

    private void run(List<String> tokens) throws Exception {
        var api = new Api(port);
        var bank = new BankWorkload(() -> List.of(api), "bank-" + UUID.randomUUID(), 5, tokens);
        bank.fund();
        bank.start(Reliability.count("bank.writers", 8), Reliability.count("bank.readers", 2));
        Thread.sleep(Reliability.seconds("bank", 3).toMillis()); // the load runs meanwhile
        bank.stop(Duration.ofSeconds(60));
        var violations = bank.verify(api);
        Reliability.print("bank test, " + tokens, bank.report());

        assertThat(violations).isEmpty();
        assertThat(bank.applied()).as("transfers applied").isPositive();
        Invariants.assertHold(jdbc);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }
}
