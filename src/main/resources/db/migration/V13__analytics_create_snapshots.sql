-- Analytics: one row per token per snapshot, appended in time order and read by time range.
--
-- Stock figures (supply, circulating, locked, staked, holders) are as of the snapshot; flow figures
-- (transactions, volume, minted, burned, rewards minted) cover the ledger transactions after the
-- previous snapshot's sequence up to this one's, so consecutive snapshots of any kind count every
-- transaction exactly once. A scheduled snapshot carries its due time (the snapshot time truncated
-- to the schedule interval); the unique index below lets each due time be taken once, whichever
-- instance gets there first. On-demand snapshots have no due time.

create table analytics_snapshots (
    id                 uuid primary key,
    token_id           uuid not null,
    kind               text not null check (kind in ('SCHEDULED', 'ON_DEMAND')),
    due_at             timestamptz,
    taken_at           timestamptz not null,
    taken_by           text not null,
    after_sequence     bigint not null check (after_sequence >= 0),
    ledger_sequence    bigint not null check (ledger_sequence >= after_sequence),
    total_supply       numeric(38, 18) not null check (total_supply >= 0),
    circulating        numeric(38, 18) not null check (circulating >= 0),
    locked             numeric(38, 18) not null check (locked >= 0),
    staked             numeric(38, 18) not null check (staked >= 0),
    holders            bigint not null check (holders >= 0),
    transactions       bigint not null check (transactions >= 0),
    volume             numeric(60, 18) not null check (volume >= 0),
    minted             numeric(60, 18) not null check (minted >= 0),
    burned             numeric(60, 18) not null check (burned >= 0),
    rewards_minted     numeric(60, 18) not null check (rewards_minted >= 0),
    check ((kind = 'SCHEDULED') = (due_at is not null))
);

create unique index analytics_snapshots_once_per_due_time on analytics_snapshots (due_at, token_id)
    where kind = 'SCHEDULED';

-- Rows arrive in time order and are never updated, so the physical order follows taken_at and a
-- BRIN index (a few pages for millions of rows) narrows a time range to the blocks that hold it.
create index analytics_snapshots_taken_at on analytics_snapshots using brin (taken_at) with (pages_per_range = 32);

-- Where the next snapshot's interval starts; its row lock serializes snapshot takers (on any
-- instance), so two snapshots never cover the same transactions.
create table analytics_head (
    id              boolean primary key default true check (id),
    last_sequence   bigint not null check (last_sequence >= 0),
    last_taken_at   timestamptz
);
insert into analytics_head (id, last_sequence) values (true, 0);

-- The rewards module's running total of claimed rewards per token at the last snapshot: the next
-- snapshot's rewards_minted is the difference.
create table analytics_reward_totals (
    token_id   uuid primary key,
    paid_total numeric(60, 18) not null check (paid_total >= 0)
);
