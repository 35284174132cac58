-- Rewards in BTA-REWARD and the emission budget they are charged to (owned by the rewards module).

-- One row per emission epoch, created lazily by the first reward or mint of the epoch. The budget
-- is fixed when the row is created; minted + reserved never exceeds it.
create table rewards_epochs (
    epoch            integer primary key check (epoch >= 0),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null check (ends_at > starts_at),
    supply_at_start  numeric(38, 18) not null check (supply_at_start >= 0),
    inflation_rate   numeric(12, 8) not null check (inflation_rate >= 0 and inflation_rate <= 1),
    budget           numeric(38, 18) not null check (budget >= 0),
    minted           numeric(38, 18) not null default 0 check (minted >= 0),
    reserved         numeric(38, 18) not null default 0 check (reserved >= 0),
    check (minted + reserved <= budget)
);

create table rewards (
    id             uuid primary key,
    recipient_id   text not null check (recipient_id ~ '^[A-Za-z0-9._:@-]{1,128}$'),
    token_id       uuid not null,
    amount         numeric(38, 18) not null check (amount > 0),
    type           text not null check (type in ('TRANSACTION', 'LEARNING', 'GOVERNANCE', 'REFERRAL', 'STAKING', 'MANUAL')),
    source_ref     text not null check (length(source_ref) between 1 and 200),
    reason         text check (length(reason) <= 500),
    trust_score    numeric(9, 6) not null check (trust_score >= 0 and trust_score <= 100),
    status         text not null check (status in ('PENDING', 'CLAIMED', 'EXPIRED')),
    epoch          integer not null references rewards_epochs (epoch),
    created_at     timestamptz not null,
    claimed_at     timestamptz,
    expires_at     timestamptz check (expires_at > created_at),
    transaction_id uuid,
    check ((status = 'CLAIMED') = (claimed_at is not null and transaction_id is not null)),
    -- The same event never rewards the same entity twice.
    constraint rewards_once_per_source unique (type, recipient_id, source_ref)
);

-- A referee is referred once, whoever the referrer.
create unique index rewards_referral_once_per_referee on rewards (source_ref) where type = 'REFERRAL';
create index rewards_recipient on rewards (recipient_id, id desc);
create index rewards_pending_expiry on rewards (expires_at) where status = 'PENDING' and expires_at is not null;

-- Values that governance set (SET_PARAMETER); a key without a row has its configured default.
create table rewards_parameters (
    key        text primary key check (key like 'rewards.%'),
    value      text not null,
    updated_at timestamptz not null
);
