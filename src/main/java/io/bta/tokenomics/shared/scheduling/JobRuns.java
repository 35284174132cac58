package io.bta.tokenomics.shared.scheduling;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Once per due time across every instance on the database: a cron job fires on each instance, and
 * {@link #claim} lets exactly one of them run it, by the primary key {@code (job, due_at)} of
 * {@code job_runs}. The claim commits on its own before the job starts, so a run that crashes is
 * not repeated for that due time: the job must catch up at its next due time (staking distribution
 * pays whatever has accrued since the last payment, so it does).
 */
@Component
public class JobRuns {

    /** Kept this long, then deleted by later claims of the same job. */
    static final Duration RETENTION = Duration.ofDays(30);

    private static final Duration LONGEST_LOOK_BACK = Duration.ofDays(800);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String instance;

    JobRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    }

    /** True for exactly one caller per {@code (job, dueAt)}, on any instance. */
    public boolean claim(String job, Instant dueAt) {
        var now = clock.instant();
        jdbc.sql("delete from job_runs where job = ? and due_at < ?")
                .param(job)
                .param(Timestamp.from(now.minus(RETENTION)))
                .update();
        return jdbc.sql(
                                """
                        insert into job_runs (job, due_at, claimed_at, claimed_by) values (?, ?, ?, ?)
                        on conflict (job, due_at) do nothing
                        """)
                        .param(job)
                        .param(Timestamp.from(dueAt))
                        .param(Timestamp.from(now))
                        .param(instance)
                        .update()
                == 1;
    }

    /**
     * The due time under which a held job's row is kept: one row per job, whoever holds it. Far
     * in the future, so {@link #claim}'s clean-up of old rows never deletes it.
     */
    static final Instant HELD = Instant.parse("9999-01-01T00:00:00Z");

    /** This instance's name in {@code claimed_by} ({@code pid@host}). */
    public String instance() {
        return instance;
    }

    /**
     * For a job that runs continuously on one instance at a time (the bridge's sender and
     * follower): true while {@code holder} holds {@code job}. The first caller takes it; its holder
     * renews it by calling again before {@code lease} has passed; another caller takes it only once
     * the holder has not renewed it for {@code lease} (it stopped or died). The row is {@code
     * (job, HELD)} of {@code job_runs}, written in one statement, so two callers never both hold it.
     */
    public boolean hold(String job, String holder, Duration lease) {
        var now = clock.instant();
        return jdbc.sql(
                                """
                        insert into job_runs (job, due_at, claimed_at, claimed_by) values (?, ?, ?, ?)
                        on conflict (job, due_at) do update
                            set claimed_at = excluded.claimed_at, claimed_by = excluded.claimed_by
                            where job_runs.claimed_by = excluded.claimed_by or job_runs.claimed_at < ?
                        """)
                        .param(job)
                        .param(Timestamp.from(HELD))
                        .param(Timestamp.from(now))
                        .param(holder)
                        .param(Timestamp.from(now.minus(lease)))
                        .update()
                == 1;
    }

    /** Gives up {@code job} if {@code holder} holds it, so another instance may take it at once. */
    public void letGo(String job, String holder) {
        jdbc.sql("delete from job_runs where job = ? and due_at = ? and claimed_by = ?")
                .param(job)
                .param(Timestamp.from(HELD))
                .param(holder)
                .update();
    }

    /** Claims the run of a cron job for its latest due time at or before now (see {@link #dueAt}). */
    public boolean claimCron(String job, CronExpression cron) {
        return claim(job, dueAt(cron, clock.instant(), ZoneId.systemDefault()));
    }

    /**
     * The latest time at or before {@code now} at which {@code cron} fires: the due time of the run
     * the scheduler has just started, the same on every instance whose clock is close. Found by
     * looking back 1 s, 2 s, 4 s… for a firing, then stepping forward to the last one.
     */
    public static Instant dueAt(CronExpression cron, Instant now, ZoneId zone) {
        var at = ZonedDateTime.ofInstant(now, zone);
        for (var back = Duration.ofSeconds(1); back.compareTo(LONGEST_LOOK_BACK) <= 0; back = back.multipliedBy(2)) {
            var fire = cron.next(at.minus(back));
            if (fire != null && !fire.isAfter(at)) {
                for (var next = cron.next(fire); next != null && !next.isAfter(at); next = cron.next(next)) {
                    fire = next;
                }
                return fire.toInstant();
            }
        }
        return now.truncatedTo(ChronoUnit.SECONDS); // a cron firing less often than every 800 days
    }
}
