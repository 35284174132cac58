package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.TestClockConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status rule is written twice: in SQL ({@code governance_status}, which queries filter and
 * count by, and which guards the update that adds votes) and in Java
 * ({@link ProposalTimeline#statusAt}, {@link Tally#outcome}). On random proposals and moments,
 * with ties, exact quorums and the instants either side of each date, the function in the
 * migrated database gives what the Java rule gives (ADR 0026): a change to either side alone
 * fails here.
 */
class GovernanceStatusSqlProperties {

    static ConfigurableApplicationContext context;
    static JdbcClient jdbc;
    static JsonMapper json;

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(TokenomicsApplication.class, TestClockConfig.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/test-data/governance-status-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.idempotency.cleanup-interval-ms=3600000",
                        "--tokenomics.rewards.expiry-interval-ms=3600000",
                        "--tokenomics.guarantees.expiry-interval-ms=3600000",
                        "--tokenomics.audit.seal-interval=1h",
                        "--tokenomics.webhooks.follow-interval-ms=3600000",
                        "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                        "--tokenomics.webhooks.purge-interval-ms=3600000",
                        "--tokenomics.analytics.snapshot-interval=1h");
        jdbc = context.getBean(JdbcClient.class);
        json = context.getBean(JsonMapper.class);
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** A proposal's row as far as its status goes, and the moment it is read at. */
    record Case(
            ProposalTimeline timeline,
            Tally tally,
            BigDecimal quorum,
            Instant executedAt,
            Instant canceledAt,
            Instant now) {}

    /** A weight as the tallies store it: numeric(60, 26). */
    static Arbitrary<BigDecimal> weights() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers()
                        .between(BigInteger.ZERO, BigInteger.TEN.pow(40))
                        .map(u -> new BigDecimal(u, 26)),
                Arbitraries.integers().between(0, 3).map(BigDecimal::valueOf));
    }

    static final BigDecimal ONE_UNIT = BigDecimal.ONE.movePointLeft(26);

    static Arbitrary<Tally> tallies() {
        var independent = Combinators.combine(weights(), weights(), weights()).as(Tally::new);
        var tied = Combinators.combine(weights(), weights()).as((w, abstain) -> new Tally(w, w, abstain));
        return Arbitraries.frequencyOf(Tuple.of(3, independent), Tuple.of(1, tied));
    }

    /** Any quorum, or one at the tally's FOR + ABSTAIN exactly or a smallest unit either side. */
    static Arbitrary<BigDecimal> quorumFor(Tally tally) {
        var reached = tally.towardsQuorum();
        return Arbitraries.oneOf(
                weights(),
                Arbitraries.of(
                        reached,
                        reached.add(ONE_UNIT),
                        reached.subtract(ONE_UNIT).max(BigDecimal.ZERO)));
    }

    static Arbitrary<Duration> millis(ProposalTimeline.Range range) {
        return Arbitraries.longs()
                .between(range.min().toMillis(), range.max().toMillis())
                .edgeCases(
                        c -> c.includeOnly(range.min().toMillis(), range.max().toMillis()))
                .map(Duration::ofMillis);
    }

    static Arbitrary<ProposalTimeline> timelines() {
        var periods = Combinators.combine(
                        millis(ProposalTimeline.Periods.VOTING_DELAY),
                        millis(ProposalTimeline.Periods.VOTING_PERIOD),
                        millis(ProposalTimeline.Periods.TIMELOCK_DELAY),
                        millis(ProposalTimeline.Periods.GRACE_PERIOD))
                .as(ProposalTimeline.Periods::new);
        // the database keeps microseconds, as Governance does
        var created = Arbitraries.longs()
                .between(0, 4_000_000_000_000_000L)
                .map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
        return Combinators.combine(periods, created).as(ProposalTimeline::of);
    }

    /** A moment anywhere around the timeline, or at one of its dates or a microsecond either side. */
    static Arbitrary<Instant> momentsAround(ProposalTimeline t) {
        var dates =
                Arbitraries.of(t.createdAt(), t.votingStartsAt(), t.votingEndsAt(), t.executableAt(), t.expiresAt());
        var nearDates = Combinators.combine(dates, Arbitraries.of(-1L, 0L, 1L))
                .as((d, micros) -> d.plus(micros, ChronoUnit.MICROS));
        var span = ChronoUnit.MICROS.between(t.createdAt(), t.expiresAt());
        var anywhere = Arbitraries.longs()
                .between(-span / 4 - 1, span + span / 4 + 1)
                .map(micros -> t.createdAt().plus(micros, ChronoUnit.MICROS));
        return Arbitraries.oneOf(nearDates, anywhere);
    }

    static Arbitrary<Instant> sometimes(Arbitrary<Instant> moments) {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(null)), Tuple.of(1, moments));
    }

    @Provide
    Arbitrary<Case> cases() {
        return timelines().flatMap(t -> tallies().flatMap(tally -> Combinators.combine(
                        quorumFor(tally), sometimes(momentsAround(t)), sometimes(momentsAround(t)), momentsAround(t))
                .as((quorum, executed, canceled, now) -> new Case(t, tally, quorum, executed, canceled, now))));
    }

    @Property(tries = 400)
    void theDatabaseAndJavaGiveTheSameStatus(@ForAll("cases") Case c) {
        var java = c.timeline().statusAt(c.now(), c.tally(), c.quorum(), c.executedAt(), c.canceledAt());
        assertThat(sqlStatus(c)).as(c.toString()).isEqualTo(java);
    }

    /** {@code governance_status} on a row made of the case's values alone (nothing is written). */
    static ProposalStatus sqlStatus(Case c) {
        var row = new LinkedHashMap<String, Object>();
        row.put("created_at", c.timeline().createdAt().toString());
        row.put("voting_starts_at", c.timeline().votingStartsAt().toString());
        row.put("voting_ends_at", c.timeline().votingEndsAt().toString());
        row.put("executable_at", c.timeline().executableAt().toString());
        row.put("expires_at", c.timeline().expiresAt().toString());
        row.put("quorum", c.quorum().toPlainString());
        row.put("for_votes", c.tally().forVotes().toPlainString());
        row.put("against_votes", c.tally().againstVotes().toPlainString());
        row.put("abstain_votes", c.tally().abstainVotes().toPlainString());
        row.put("executed_at", c.executedAt() == null ? null : c.executedAt().toString());
        row.put("canceled_at", c.canceledAt() == null ? null : c.canceledAt().toString());
        var status = jdbc.sql(
                        """
                        select governance_status(
                            jsonb_populate_record(null::governance_proposals, cast(:row as jsonb)),
                            cast(:now as timestamptz))
                        """)
                .param("row", json.writeValueAsString(row))
                .param("now", c.now().toString())
                .query(String.class)
                .single();
        return ProposalStatus.valueOf(status);
    }
}
