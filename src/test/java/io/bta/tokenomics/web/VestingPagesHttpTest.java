package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.vesting.Vesting;
import io.bta.tokenomics.vesting.VestingSchedule;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The vesting page over plain HTTP: the caller's schedules with their chart and figures; a release
 * pays what is releasable once; nobody releases another's grant.
 */
@IntegrationTest
class VestingPagesHttpTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Vesting vesting;

    @Autowired
    MutableClock clock;

    PageClient page;
    String user;
    String grant;

    @BeforeEach
    void setUp() {
        page = new PageClient(port);
        ledger.initializeTokens(ADMIN);
        user = "vest-" + UUID.randomUUID().toString().substring(0, 8);
        // half of it vested already: started 50 days ago, over 100 days, a 10-day cliff
        var schedule = new VestingSchedule(
                Amount.of(1000), clock.instant().minus(Duration.ofDays(50)), Duration.ofDays(10), Duration.ofDays(100));
        grant = vesting.create(EntityId.of(user), ledger.resolve("BTA-GOV"), schedule, false, ADMIN)
                .id()
                .toString();
        page.signIn(Api.token(user));
    }

    @Test
    void thePageShowsTheChartAndTheFiguresAndAReleasePaysOnce() {
        var shown = page.get("/app/vesting");

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("data-vesting=\"" + grant + "\"")
                .contains("class=\"vesting-chart\"")
                .contains("<polyline class=\"curve\"")
                .contains("cx=\"150.0\"") // now: half-way along the schedule
                .contains("cy=\"50.0\"") // half of it vested
                .contains("href=\"/app/vesting\"")
                .contains("Release 500 BTA-GOV");

        var released = page.post("/app/vesting/" + grant + "/release", page.withCsrf("/app/vesting", Map.of()));
        assertThat(released.statusCode()).isEqualTo(302);
        assertThat(released.headers().firstValue("Location").orElseThrow())
                .endsWith("/app/vesting?done=vesting-released");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-GOV")).available())
                .isEqualTo(Amount.of(500));

        var again = page.htmxPost("/app/vesting/" + grant + "/release", page.csrfFrom("/app/vesting"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("nothing is releasable");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-GOV")).available())
                .isEqualTo(Amount.of(500));
    }

    @Test
    void nobodyReleasesAnotherEntitysGrant() {
        var other = new PageClient(port);
        other.signIn(Api.token("someone-else-" + user));

        var refused = other.htmxPost("/app/vesting/" + grant + "/release", other.csrfFrom("/app/vesting"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("no vesting schedule");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-GOV")).available())
                .isEqualTo(Amount.ZERO);
    }
}
