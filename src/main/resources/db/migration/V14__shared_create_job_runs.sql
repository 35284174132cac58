-- One row per run of a scheduled job and due time. Every instance's scheduler fires at the due
-- time; the one whose insert creates the row runs the job, the others find it and skip.
create table job_runs (
    job        text        not null check (length(job) between 1 and 100),
    due_at     timestamptz not null,
    claimed_at timestamptz not null,
    claimed_by text        not null check (length(claimed_by) between 1 and 200),
    primary key (job, due_at)
);
