-- Idempotency keys of state-changing requests and the responses they got (kept at least 24 hours).

create table idempotency_keys (
    caller                text not null,
    key                   text not null,
    fingerprint           text not null,
    state                 text not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    lease                 uuid not null,
    locked_until          timestamptz not null,
    response_status       int,
    response_content_type text,
    response_body         bytea,
    created_at            timestamptz not null,
    expires_at            timestamptz not null,
    primary key (caller, key),
    check (state = 'IN_PROGRESS' or response_status is not null)
);

create index idempotency_keys_expiry on idempotency_keys (expires_at);
