package io.bta.tokenomics.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.TimeRange;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolTerms;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AnalyticsTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Analytics analytics;

    @Autowired
    Ledger ledger;

    @Autowired
    Staking staking;

    @Autowired
    Rewards rewards;

    @Autowired
    Governance governance;

    @Autowired
    Trust trust;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    TokenId gov;
    TokenId util;
    TokenId reward;
    TokenId guar;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        gov = ledger.resolve("BTA-GOV");
        util = ledger.resolve("BTA-UTIL");
        reward = ledger.resolve("BTA-REWARD");
        guar = ledger.resolve("BTA-GUAR");
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    /** The start of a day after everything the shared clock has seen: time only moves forward. */
    Instant freshDay() {
        var day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        clock.set(day);
        return day;
    }

    static EntityId entity(String name) {
        return EntityId.of(name + "-" + UUID.randomUUID());
    }

    static Map<TokenId, TokenSnapshot> byToken(List<TokenSnapshot> rows) {
        return rows.stream().collect(Collectors.toMap(TokenSnapshot::tokenId, Function.identity()));
    }

    Amount sumLocked(TokenId token) {
        return Amount.of(jdbc.sql("select coalesce(sum(locked), 0) from ledger_balances where token_id = ?")
                .param(token.value())
                .query(BigDecimal.class)
                .single());
    }

    long holders(TokenId token) {
        return jdbc.sql("select count(*) from ledger_balances where token_id = ? and available + locked > 0")
                .param(token.value())
                .query(Long.class)
                .single();
    }

    long transactionsBetween(TokenId token, long after, long last) {
        return jdbc.sql(
                        "select count(*) from ledger_transactions where token_id = ? and sequence > ? and sequence <= ?")
                .param(token.value())
                .param(after)
                .param(last)
                .query(Long.class)
                .single();
    }

    // --- the figures are the ledger's ---

    @Test
    void snapshotFiguresEqualWhatTheLedgerAndStakingSay() {
        freshDay();
        var before = byToken(analytics.snapshotNow(ADMIN));
        var a = entity("holder-a");
        var b = entity("holder-b");

        ledger.transfer(util, ledger.treasury(), a, Amount.of("1000"), null, ADMIN);
        ledger.transfer(util, a, b, Amount.of("250.5"), null, a);
        ledger.mint(util, b, Amount.of("40"), null, ADMIN);
        ledger.burn(util, a, Amount.of("100"), null, ADMIN);
        ledger.lock(util, a, Amount.of("200"), null, ADMIN);
        var pool = staking.createPool(new PoolTerms(
                util,
                reward,
                "analytics " + UUID.randomUUID(),
                Apy.ofPercent(BigDecimal.ZERO), // no accrual: the stake leaves nothing behind for later tests
                Amount.of(1),
                new LockPeriod(0),
                MinTrustScore.of(BigDecimal.ZERO),
                null,
                null));
        staking.stake(b, pool.id(), Amount.of("50"));
        var grant = rewards.distributeReward(
                a, RewardType.MANUAL, "analytics-" + UUID.randomUUID(), Amount.of("7.25"), null);
        rewards.claimReward(grant.reward().id(), a);
        clock.advance(Duration.ofMinutes(1));

        var after = byToken(analytics.snapshotNow(ADMIN));

        var u = after.get(util);
        var u0 = before.get(util);
        var token = ledger.token("BTA-UTIL");
        assertThat(u.kind()).isEqualTo(SnapshotKind.ON_DEMAND);
        assertThat(u.dueAt()).isNull();
        assertThat(u.takenBy()).isEqualTo(ADMIN);
        assertThat(u.afterSequence()).isEqualTo(u0.ledgerSequence());
        assertThat(u.ledgerSequence()).isEqualTo(ledger.lastSequence());
        assertThat(u.totalSupply()).isEqualTo(token.totalSupply());
        assertThat(u.totalSupply().minus(u0.totalSupply())).isEqualTo(Amount.of("-60")); // +40 minted, -100 burned
        assertThat(u.circulating())
                .isEqualTo(token.totalSupply()
                        .minus(ledger.balance(ledger.treasury(), util).total()));
        assertThat(u.circulating().minus(u0.circulating()))
                .isEqualTo(Amount.of("940")); // 1000 out of the treasury, -60
        assertThat(u.locked()).isEqualTo(sumLocked(util));
        assertThat(u.locked().minus(u0.locked())).isEqualTo(Amount.of("250")); // 200 locked, 50 staked
        assertThat(u.staked()).isEqualTo(staking.stakedByToken().get(util));
        assertThat(u.staked().minus(u0.staked())).isEqualTo(Amount.of("50"));
        assertThat(u.holders()).isEqualTo(holders(util));
        assertThat(u.holders() - u0.holders()).isEqualTo(2);
        // transfer, transfer, mint, burn, lock, and the stake's lock
        assertThat(u.transactions())
                .isEqualTo(6)
                .isEqualTo(transactionsBetween(util, u.afterSequence(), u.ledgerSequence()));
        assertThat(u.volume()).isEqualByComparingTo("1250.5");
        assertThat(u.minted()).isEqualByComparingTo("40");
        assertThat(u.burned()).isEqualByComparingTo("100");
        assertThat(u.rewardsMinted()).isEqualByComparingTo("0");

        var r = after.get(reward);
        var rewardToken = ledger.token("BTA-REWARD");
        assertThat(r.totalSupply()).isEqualTo(rewardToken.totalSupply());
        assertThat(r.transactions()).isEqualTo(1);
        assertThat(r.minted()).isEqualByComparingTo("7.25");
        assertThat(r.rewardsMinted()).isEqualByComparingTo("7.25");
        assertThat(r.volume()).isEqualByComparingTo("0");

        var g = after.get(gov);
        assertThat(g.transactions()).isZero();
        assertThat(g.totalSupply()).isEqualTo(ledger.token("BTA-GOV").totalSupply());
        assertThat(g.holders()).isEqualTo(holders(gov));
    }

    @Test
    void consecutiveSnapshotsCountEachTransactionOnce() {
        freshDay();
        var first = byToken(analytics.snapshotNow(ADMIN)).get(guar);
        var x = entity("guar");
        ledger.mint(guar, x, Amount.of("3"), null, ADMIN);
        var second = byToken(analytics.snapshotNow(ADMIN)).get(guar);
        var third = byToken(analytics.snapshotNow(ADMIN)).get(guar);

        assertThat(second.afterSequence()).isEqualTo(first.ledgerSequence());
        assertThat(third.afterSequence()).isEqualTo(second.ledgerSequence());
        assertThat(second.transactions()).isEqualTo(1);
        assertThat(second.minted()).isEqualByComparingTo("3");
        assertThat(third.transactions()).isZero();
        assertThat(third.minted()).isEqualByComparingTo("0");
        assertThat(third.totalSupply()).isEqualTo(second.totalSupply());
    }

    // --- series ---

    @Test
    void seriesShowTheLastValueOfStocksAndTheSumOfFlowsPerBucket() {
        var day = freshDay();
        clock.set(day.minus(Duration.ofMinutes(1)).plus(Duration.ofDays(1)));
        var t0 = day.plus(Duration.ofDays(1)); // a whole day, so every bucket size starts here
        analytics.snapshotNow(ADMIN); // closes what happened before, outside the range
        var x = entity("series");

        var supplies = new ArrayList<Amount>();
        var steps = List.of(
                Map.entry(Duration.ofMinutes(2), "5"),
                Map.entry(Duration.ofMinutes(4), "7"),
                Map.entry(Duration.ofMinutes(7), "11"),
                Map.entry(Duration.ofMinutes(90), "13"),
                Map.entry(Duration.ofDays(1).plus(Duration.ofMinutes(10)), "17"));
        for (var step : steps) {
            clock.set(t0.plus(step.getKey()));
            ledger.mint(guar, x, Amount.of(step.getValue()), null, ADMIN);
            supplies.add(byToken(analytics.snapshotNow(ADMIN)).get(guar).totalSupply());
        }

        var minted5m = analytics.series(
                "BTA-GUAR", Metric.MINTED, BucketSize.FIVE_MINUTES, new TimeRange(t0, t0.plus(Duration.ofMinutes(15))));
        assertThat(minted5m.from()).isEqualTo(t0);
        assertThat(minted5m.points())
                .extracting(Series.Point::start)
                .containsExactly(t0, t0.plus(Duration.ofMinutes(5)), t0.plus(Duration.ofMinutes(10)));
        assertThat(values(minted5m)).containsExactly("12", "11", null);
        assertThat(minted5m.points()).extracting(Series.Point::snapshots).containsExactly(2, 1, 0);

        var supply5m = analytics.series(
                "BTA-GUAR",
                Metric.TOTAL_SUPPLY,
                BucketSize.FIVE_MINUTES,
                new TimeRange(t0, t0.plus(Duration.ofMinutes(10))));
        assertThat(values(supply5m)).containsExactly(plain(supplies.get(1)), plain(supplies.get(2)));

        var minted1h = analytics.series(
                "BTA-GUAR", Metric.MINTED, BucketSize.ONE_HOUR, new TimeRange(t0, t0.plus(Duration.ofHours(2))));
        assertThat(values(minted1h)).containsExactly("23", "13");
        var transactions1h = analytics.series(
                "BTA-GUAR", Metric.TRANSACTIONS, BucketSize.ONE_HOUR, new TimeRange(t0, t0.plus(Duration.ofHours(2))));
        assertThat(values(transactions1h)).containsExactly("3", "1");
        var supply1h = analytics.series(
                "BTA-GUAR", Metric.TOTAL_SUPPLY, BucketSize.ONE_HOUR, new TimeRange(t0, t0.plus(Duration.ofHours(2))));
        assertThat(values(supply1h)).containsExactly(plain(supplies.get(2)), plain(supplies.get(3)));

        var minted1d = analytics.series(
                "BTA-GUAR", Metric.MINTED, BucketSize.ONE_DAY, new TimeRange(t0, t0.plus(Duration.ofDays(2))));
        assertThat(values(minted1d)).containsExactly("36", "17");
        var supply1d = analytics.series(
                "BTA-GUAR", Metric.TOTAL_SUPPLY, BucketSize.ONE_DAY, new TimeRange(t0, t0.plus(Duration.ofDays(2))));
        assertThat(values(supply1d)).containsExactly(plain(supplies.get(3)), plain(supplies.get(4)));
        var holders1d = analytics.series(
                "BTA-GUAR", Metric.HOLDERS, BucketSize.ONE_DAY, new TimeRange(t0, t0.plus(Duration.ofDays(2))));
        assertThat(values(holders1d)).containsExactly(Long.toString(holders(guar)), Long.toString(holders(guar)));

        // the same through the API: from and to rounded outwards, values as decimal strings
        var response = api.get(
                "/api/analytics/tokens/BTA-GUAR/series?metric=minted&interval=1h&from="
                        + t0.plus(Duration.ofMinutes(30)) + "&to=" + t0.plus(Duration.ofMinutes(61)),
                Api.token(entity("reader").value()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.text("symbol")).isEqualTo("BTA-GUAR");
        assertThat(response.text("kind")).isEqualTo("FLOW");
        assertThat(response.text("aggregation")).isEqualTo("sum");
        assertThat(response.text("from")).isEqualTo(t0.toString());
        assertThat(response.text("to")).isEqualTo(t0.plus(Duration.ofHours(2)).toString());
        assertThat(response.json().get("points").get(0).get("value").asString()).isEqualTo("23");
        assertThat(response.json().get("points").get(1).get("value").asString()).isEqualTo("13");
        assertThat(response.json().get("points").get(1).get("snapshots").asInt())
                .isEqualTo(1);
    }

    static List<String> values(Series series) {
        return series.points().stream()
                .map(p -> p.value() == null
                        ? null
                        : p.value().stripTrailingZeros().toPlainString())
                .toList();
    }

    static String plain(Amount amount) {
        return amount.toBigDecimal().stripTrailingZeros().toPlainString();
    }

    // --- validation ---

    @Test
    void badSeriesRequestsAreProblems() {
        var token = Api.token(entity("reader").value());
        var base = "/api/analytics/tokens/BTA-UTIL/series?";
        assertProblem(api.get(base + "interval=1h", token), 400, "metric");
        assertProblem(api.get(base + "metric=price", token), 400, "metric");
        assertProblem(api.get(base + "metric=volume&interval=2h", token), 400, "interval");
        assertProblem(api.get(base + "metric=volume&from=yesterday", token), 400, "from");
        assertProblem(api.get(base + "metric=volume&to=2026-13-01T00:00:00Z", token), 400, "to");
        assertProblem(
                api.get(base + "metric=volume&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", token), 400, "from");
        assertProblem(
                api.get(base + "metric=volume&from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", token), 400, "from");
        assertProblem(
                api.get(base + "metric=volume&interval=5m&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", token),
                400,
                "interval");
        assertProblem(
                api.get(base + "metric=volume&from=1900-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", token), 400, "from");
        assertProblem(api.get(base + "metric=volume&to=+100000-01-01T00:00:00Z", token), 400, "to");
        var unknown = api.get("/api/analytics/tokens/BTA-NOPE/series?metric=volume", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_TOKEN");
        assertThat(unknown.isProblem()).isTrue();
        assertProblem(api.get("/api/analytics/overview?limit=0", token), 400, "limit");
        assertProblem(api.get("/api/analytics/overview?limit=101", token), 400, "limit");
        assertProblem(api.get("/api/analytics/overview?limit=ten", token), 400, null);
    }

    void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .as(response.body())
                    .contains(field);
        }
    }

    // --- once per due time ---

    @Test
    void aScheduledSnapshotIsTakenOncePerDueTime() {
        var day = freshDay();
        clock.set(day.plus(Duration.ofMinutes(62)));
        var first = analytics.snapshotDue();
        assertThat(first).hasSize(4).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SnapshotKind.SCHEDULED);
            assertThat(s.dueAt()).isEqualTo(day.plus(Duration.ofHours(1)));
            assertThat(s.takenBy()).isEqualTo(Analytics.SCHEDULER);
        });
        var rows = countRows();
        var head = head();

        ledger.mint(guar, entity("due"), Amount.of("1"), null, ADMIN);
        // the tests' interval is 1h: another instance, or a late timer, within the same due time
        clock.set(day.plus(Duration.ofMinutes(119)));
        assertThat(analytics.snapshotDue()).isEmpty();
        assertThat(countRows()).isEqualTo(rows);
        assertThat(head()).isEqualTo(head);
        assertThat(analytics.latest())
                .extracting(TokenSnapshot::id)
                .containsExactlyInAnyOrderElementsOf(
                        first.stream().map(TokenSnapshot::id).toList());

        clock.set(day.plus(Duration.ofMinutes(121))); // the next due time: its own snapshot, with the mint
        var next = byToken(analytics.snapshotDue());
        assertThat(next.get(guar).dueAt()).isEqualTo(day.plus(Duration.ofHours(2)));
        assertThat(next.get(guar).transactions()).isEqualTo(1);
    }

    @Test
    void scheduledAndOnDemandSnapshotsShareOneChainSoABucketSumsEachTransactionOnce() {
        var day = freshDay();
        analytics.snapshotNow(ADMIN); // closes what happened before, in the bucket before the range
        var x = entity("chain");
        clock.set(day.plus(Duration.ofMinutes(65)));
        ledger.mint(guar, x, Amount.of("2"), null, ADMIN);
        analytics.snapshotNow(ADMIN);
        clock.set(day.plus(Duration.ofMinutes(70)));
        ledger.mint(guar, x, Amount.of("3"), null, ADMIN);
        var scheduled = byToken(analytics.snapshotDue()).get(guar);
        assertThat(scheduled.kind()).isEqualTo(SnapshotKind.SCHEDULED);
        assertThat(scheduled.minted()).isEqualByComparingTo("3");
        clock.set(day.plus(Duration.ofMinutes(80)));
        ledger.mint(guar, x, Amount.of("4"), null, ADMIN);
        analytics.snapshotNow(ADMIN);

        var hour = day.plus(Duration.ofHours(1));
        var minted = analytics.series(
                "BTA-GUAR", Metric.MINTED, BucketSize.ONE_HOUR, new TimeRange(hour, hour.plus(Duration.ofHours(1))));
        assertThat(values(minted)).containsExactly("9");
        assertThat(minted.points().get(0).snapshots()).isEqualTo(3);
        var transactions = analytics.series(
                "BTA-GUAR",
                Metric.TRANSACTIONS,
                BucketSize.ONE_HOUR,
                new TimeRange(hour, hour.plus(Duration.ofHours(1))));
        assertThat(values(transactions)).containsExactly("3");
        assertThat(analytics.snapshots("BTA-GUAR", hour, hour.plus(Duration.ofHours(1))))
                .extracting(TokenSnapshot::kind)
                .containsExactly(SnapshotKind.ON_DEMAND, SnapshotKind.SCHEDULED, SnapshotKind.ON_DEMAND);
    }

    @Test
    void twoConcurrentTakersStoreOneScheduledSnapshot() throws Exception {
        var day = freshDay();
        clock.set(day.plus(Duration.ofMinutes(3)));
        var barrier = new CyclicBarrier(4);
        Callable<List<TokenSnapshot>> take = () -> {
            barrier.await();
            return analytics.snapshotDue();
        };
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<List<TokenSnapshot>>>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(take));
            }
            var sizes = new ArrayList<Integer>();
            for (var f : futures) {
                sizes.add(f.get().size());
            }
            assertThat(sizes).containsExactlyInAnyOrder(4, 0, 0, 0);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from analytics_snapshots where kind = 'SCHEDULED' and due_at = ?")
                        .param(java.sql.Timestamp.from(day))
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void theDatabaseRefusesASecondScheduledRowForADueTimeEvenPastTheLock() {
        var day = freshDay();
        clock.set(day.plus(Duration.ofMinutes(1)));
        var taken = analytics.snapshotDue().get(0);
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                insert into analytics_snapshots (id, token_id, kind, due_at, taken_at, taken_by,
                                    after_sequence, ledger_sequence, total_supply, circulating, locked, staked, holders,
                                    transactions, volume, minted, burned, rewards_minted)
                                values (?, ?, 'SCHEDULED', ?, now(), 'other-instance', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                                """)
                        .param(UUID.randomUUID())
                        .param(taken.tokenId().value())
                        .param(java.sql.Timestamp.from(taken.dueAt()))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    long countRows() {
        return jdbc.sql("select count(*) from analytics_snapshots")
                .query(Long.class)
                .single();
    }

    Object head() {
        return jdbc.sql("select last_sequence, last_taken_at from analytics_head")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .single();
    }

    // --- gauges ---

    @Test
    void theLatestFiguresAreGaugesAtThePrometheusEndpoint() {
        freshDay();
        ledger.mint(guar, entity("gauge"), Amount.of("2.5"), null, ADMIN);
        var rows = byToken(analytics.snapshotNow(ADMIN));
        var scrape = api.get("/actuator/prometheus", null);
        assertThat(scrape.status()).isEqualTo(200);
        for (var s : rows.values()) {
            assertThat(gauge(scrape.body(), "bta_token_supply", s.symbol()))
                    .isEqualTo(s.totalSupply().toBigDecimal().doubleValue());
            assertThat(gauge(scrape.body(), "bta_token_circulating", s.symbol()))
                    .isEqualTo(s.circulating().toBigDecimal().doubleValue());
            assertThat(gauge(scrape.body(), "bta_token_locked", s.symbol()))
                    .isEqualTo(s.locked().toBigDecimal().doubleValue());
            assertThat(gauge(scrape.body(), "bta_token_staked", s.symbol()))
                    .isEqualTo(s.staked().toBigDecimal().doubleValue());
            assertThat(gauge(scrape.body(), "bta_token_holders", s.symbol())).isEqualTo((double) s.holders());
        }
        assertThat(gauge(scrape.body(), "bta_token_supply", "BTA-GUAR"))
                .isEqualTo(ledger.token("BTA-GUAR").totalSupply().toBigDecimal().doubleValue());

        // a scrape reads the cache: a ledger change shows only with the next snapshot
        ledger.mint(guar, entity("gauge"), Amount.of("1"), null, ADMIN);
        var unchanged = api.get("/actuator/prometheus", null);
        assertThat(gauge(unchanged.body(), "bta_token_supply", "BTA-GUAR"))
                .isEqualTo(rows.get(guar).totalSupply().toBigDecimal().doubleValue());
        analytics.snapshotNow(ADMIN);
        var refreshed = api.get("/actuator/prometheus", null);
        assertThat(gauge(refreshed.body(), "bta_token_supply", "BTA-GUAR"))
                .isEqualTo(ledger.token("BTA-GUAR").totalSupply().toBigDecimal().doubleValue());
    }

    static double gauge(String scrape, String name, String symbol) {
        return scrape.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("token=\"" + symbol + "\""))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " for " + symbol + " in the scrape"));
    }

    // --- overview ---

    @Test
    void theOverviewShowsTheFiguresNowTopHoldersStakingAndGovernance() {
        freshDay();
        var whale = entity("whale");
        ledger.transfer(gov, ledger.treasury(), whale, Amount.of("5000"), null, ADMIN);
        var proposalsBefore = governance.participation().proposals();
        governance.propose(whale, "Signal " + UUID.randomUUID(), "for the overview", List.of());

        var response = api.get(
                "/api/analytics/overview?limit=3", Api.token(entity("reader").value()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var tokens = response.json().get("tokens");
        assertThat(tokens.size()).isEqualTo(4);
        for (var t : tokens) {
            var symbol = t.get("symbol").asString();
            var token = ledger.token(symbol);
            assertThat(t.get("totalSupply").asString())
                    .isEqualTo(token.totalSupply().toString());
            assertThat(t.get("circulating").asString())
                    .isEqualTo(token.totalSupply()
                            .minus(ledger.balance(ledger.treasury(), token.id()).total())
                            .toString());
            assertThat(t.get("locked").asString())
                    .isEqualTo(sumLocked(token.id()).toString());
            assertThat(t.get("holders").asString()).isEqualTo(Long.toString(holders(token.id())));
            assertThat(t.get("staked").asString())
                    .isEqualTo(staking.stakedByToken()
                            .getOrDefault(token.id(), Amount.ZERO)
                            .toString());
            var top = ledger.topHolders(token.id(), 3);
            assertThat(t.get("topHolders").size()).isEqualTo(top.size()).isLessThanOrEqualTo(3);
            for (int i = 0; i < top.size(); i++) {
                assertThat(t.get("topHolders").get(i).get("entityId").asString())
                        .isEqualTo(top.get(i).entityId().value());
                assertThat(t.get("topHolders").get(i).get("total").asString())
                        .isEqualTo(top.get(i).total().toString());
            }
        }
        var govTop = tokens.get(0).get("topHolders");
        assertThat(govTop.get(0).get("entityId").asString()).isEqualTo("treasury");

        var g = response.json().get("governance");
        assertThat(Long.parseLong(g.get("proposals").asString())).isEqualTo(proposalsBefore + 1);
        assertThat(Long.parseLong(g.get("proposalsByStatus").get("PENDING").asString()))
                .isGreaterThanOrEqualTo(1);
        long sumByStatus = 0;
        for (var status : ProposalStatus.values()) {
            sumByStatus +=
                    Long.parseLong(g.get("proposalsByStatus").get(status.name()).asString());
        }
        assertThat(sumByStatus).isEqualTo(proposalsBefore + 1);
        long votes = jdbc.sql("select count(*) from governance_votes")
                .query(Long.class)
                .single();
        long voters = jdbc.sql("select count(distinct voter_id) from governance_votes")
                .query(Long.class)
                .single();
        assertThat(g.get("votesCast").asString()).isEqualTo(Long.toString(votes));
        assertThat(g.get("voters").asString()).isEqualTo(Long.toString(voters));
        assertThat(g.get("eligibleVoters").asString()).isEqualTo(Long.toString(holders(gov)));
        assertThat(new BigDecimal(g.get("participationRate").asString()))
                .isEqualByComparingTo(BigDecimal.valueOf(voters)
                        .divide(BigDecimal.valueOf(holders(gov)), 6, java.math.RoundingMode.HALF_EVEN));
        assertThat(response.json().get("staking").get(2).get("symbol").asString())
                .isEqualTo("BTA-UTIL");
    }

    // --- who may ---

    @Test
    void onlyAnAdminTakesASnapshotAndOnlyAuthenticatedCallersRead() {
        var rows = countRows();
        var user = Api.token(entity("user").value());
        var refused = api.post("/api/analytics/snapshots", user, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(api.post("/api/analytics/snapshots", null, null).status()).isEqualTo(401);
        assertThat(countRows()).isEqualTo(rows);

        assertThat(api.get("/api/analytics/overview", null).status()).isEqualTo(401);
        assertThat(api.get("/api/analytics/tokens/BTA-UTIL/series?metric=holders", null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/analytics/overview", user).status()).isEqualTo(200);
        assertThat(api.get("/api/analytics/tokens/BTA-UTIL/series?metric=holders", user)
                        .status())
                .isEqualTo(200);

        var taken = api.post("/api/analytics/snapshots", Api.adminToken(), null);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().get("snapshots").size()).isEqualTo(4);
        assertThat(taken.json().get("snapshots").get(0).get("kind").asString()).isEqualTo("ON_DEMAND");
        assertThat(taken.json().get("snapshots").get(0).get("totalSupply").isString())
                .isTrue();
        assertThat(countRows()).isEqualTo(rows + 4);
    }
}
