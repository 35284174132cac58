-- An emergency pause per token: while a token is paused every movement of it is refused
-- (TOKEN_PAUSED); reads go on. Each pause and unpause is kept, with who did it and why.

alter table ledger_tokens
    add column paused       boolean not null default false,
    add column paused_at    timestamptz,
    add column pause_reason text check (length(pause_reason) <= 500),
    add constraint pause_is_described check (paused = (paused_at is not null) and paused = (pause_reason is not null));

-- The writer asks for the paused tokens once per batch: this index holds only those rows.
create index ledger_tokens_paused on ledger_tokens (id) where paused;

create table ledger_token_pauses (
    sequence   bigint generated always as identity primary key,
    token_id   uuid not null references ledger_tokens (id),
    paused     boolean not null,
    reason     text check (length(reason) <= 500),
    actor      text not null,
    at         timestamptz not null
);

create trigger ledger_token_pauses_append_only
    before update or delete on ledger_token_pauses
    for each row execute function ledger_refuse_history_change();
create trigger ledger_token_pauses_no_truncate before truncate on ledger_token_pauses
    for each statement execute function ledger_refuse_truncate();
