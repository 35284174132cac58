-- Webhooks: the endpoints admins register, the messages (one per domain event, the body sent),
-- one delivery per (endpoint, message) with its retry state, every attempt, and the position of the
-- follower that turns the ledger's own history into messages.

create table webhook_endpoints (
    id                   uuid primary key,
    url                  text not null check (length(url) between 1 and 2000 and url ~ '^https?://'),
    description          text check (length(description) <= 500),
    -- known event types, or '*' for all of them
    event_types          text[] not null check (cardinality(event_types) >= 1),
    -- 'whsec_' + base64: shown once, when created or rotated; kept to sign every delivery
    secret               text not null check (secret like 'whsec\_%'),
    -- after a rotation the previous secret also signs, until previous_secret_expires_at
    previous_secret      text,
    previous_secret_expires_at timestamptz,
    status               text not null check (status in ('ENABLED', 'DISABLED')),
    disabled_reason      text,
    consecutive_failures int not null default 0 check (consecutive_failures >= 0),
    failing_since        timestamptz,
    last_success_at      timestamptz,
    created_by           text not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    check ((previous_secret is null) = (previous_secret_expires_at is null)),
    check ((failing_since is null) = (consecutive_failures = 0))
);

-- seq follows commit order: every transaction that adds messages takes one advisory lock first and
-- holds it until commit, so a reader that resumes after the last seq it saw (the event stream's
-- Last-Event-ID) misses nothing.
create table webhook_messages (
    id            uuid primary key,
    seq           bigint generated always as identity unique,
    type          text not null check (length(type) between 1 and 100),
    -- what delivery order is kept for: a delivery waits for earlier pending ones sharing a key
    ordering_keys text[] not null check (cardinality(ordering_keys) >= 1),
    -- the entities that see the message on their own event stream
    parties       text[] not null,
    -- the exact body sent (and signed): {"type", "timestamp", "data"}
    payload       text not null,
    -- what the message was made from (a ledger transaction, a domain event): recorded once
    source_key    text not null unique,
    created_at    timestamptz not null
);

create index webhook_messages_by_created_at on webhook_messages (created_at);
create index webhook_messages_by_party on webhook_messages using gin (parties);

create table webhook_deliveries (
    id              uuid primary key,
    endpoint_id     uuid not null references webhook_endpoints (id) on delete cascade,
    message_id      uuid not null references webhook_messages (id) on delete cascade,
    message_seq     bigint not null,
    ordering_keys   text[] not null,
    status          text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts        int not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    check ((status = 'PENDING') = (next_attempt_at is not null)),
    check ((status = 'PENDING') = (completed_at is null))
);

create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_pending_keys on webhook_deliveries using gin (ordering_keys)
    where status = 'PENDING';
create index webhook_deliveries_by_endpoint on webhook_deliveries (endpoint_id, message_seq);
create index webhook_deliveries_by_message on webhook_deliveries (message_id);

create table webhook_attempts (
    id           uuid primary key,
    delivery_id  uuid not null references webhook_deliveries (id) on delete cascade,
    endpoint_id  uuid not null,
    message_id   uuid not null,
    attempt      int not null check (attempt >= 1),
    attempted_at timestamptz not null,
    succeeded    boolean not null,
    status_code  int,
    error        text,
    response     text,
    duration_ms  bigint not null check (duration_ms >= 0),
    -- when the next attempt was scheduled after this failure; null after a success or the last try
    next_attempt_at timestamptz,
    unique (delivery_id, attempt)
);

create index webhook_attempts_by_endpoint on webhook_attempts (endpoint_id, attempted_at desc);
create index webhook_attempts_by_message on webhook_attempts (message_id, attempted_at desc);

-- How far the ledger follower got: the last ledger sequence turned into messages. One row.
create table webhook_ledger_cursor (
    id            boolean primary key default true check (id),
    last_sequence bigint not null check (last_sequence >= 0),
    updated_at    timestamptz not null
);

insert into webhook_ledger_cursor (id, last_sequence, updated_at) values (true, 0, now());
