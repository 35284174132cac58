-- The ledger: tokens with their supply, balances per (entity, token), and the append-only history.
-- Every invariant that must never be false in storage is a constraint here as well as a check in code.

create table ledger_tokens (
    id             uuid primary key,
    symbol         text not null unique,
    name           text not null,
    type           text not null unique check (type in ('GOVERNANCE', 'REWARD', 'UTILITY', 'GUARANTEE')),
    decimals       int not null check (decimals = 18),
    total_supply   numeric(38, 18) not null default 0 check (total_supply >= 0),
    max_supply     numeric(38, 18) check (max_supply >= 0),
    initial_supply numeric(38, 18) not null check (initial_supply >= 0),
    inflation_rate numeric(12, 10) not null default 0 check (inflation_rate >= 0),
    total_minted   numeric(38, 18) not null default 0 check (total_minted >= 0),
    total_burned   numeric(38, 18) not null default 0 check (total_burned >= 0),
    checkpointed   boolean not null default false,
    created_at     timestamptz not null,
    constraint supply_within_max check (max_supply is null or total_supply <= max_supply),
    constraint supply_is_minted_minus_burned check (total_minted - total_burned = total_supply)
);

create table ledger_balances (
    entity_id text not null check (entity_id ~ '^[A-Za-z0-9._:@-]{1,128}$'),
    token_id  uuid not null references ledger_tokens (id),
    available numeric(38, 18) not null default 0 check (available >= 0),
    locked    numeric(38, 18) not null default 0 check (locked >= 0),
    primary key (entity_id, token_id)
);

create table ledger_transactions (
    id             uuid primary key,
    sequence       bigint not null unique check (sequence > 0),
    type           text not null check (type in ('TRANSFER', 'MINT', 'BURN', 'LOCK', 'UNLOCK')),
    token_id       uuid not null references ledger_tokens (id),
    from_entity_id text,
    to_entity_id   text,
    amount         numeric(38, 18) not null check (amount > 0),
    memo           text check (length(memo) <= 500),
    actor          text not null,
    created_at     timestamptz not null,
    constraint parties_fit_type check (
        (type = 'TRANSFER' and from_entity_id is not null and to_entity_id is not null and from_entity_id <> to_entity_id)
        or (type = 'MINT' and from_entity_id is null and to_entity_id is not null)
        or (type = 'BURN' and from_entity_id is not null and to_entity_id is null)
        or (type in ('LOCK', 'UNLOCK') and from_entity_id is not null and from_entity_id = to_entity_id))
);

create index ledger_transactions_from on ledger_transactions (from_entity_id, sequence desc);
create index ledger_transactions_to on ledger_transactions (to_entity_id, sequence desc);

-- The head of the ledger: the last sequence handed out. Each writing transaction advances it as its
-- last step and holds its row lock until commit, so sequences are gap-free and in commit order.
create table ledger_head (
    id            boolean primary key default true check (id),
    last_sequence bigint not null check (last_sequence >= 0)
);
insert into ledger_head (id, last_sequence) values (true, 0);

-- What governance reads: an entity's holding (available + locked) of a checkpointed token, and the
-- token's supply, as of each sequence at which it changed (as ERC20Votes keeps checkpoints).
create table ledger_balance_checkpoints (
    entity_id text not null,
    token_id  uuid not null references ledger_tokens (id),
    sequence  bigint not null,
    balance   numeric(38, 18) not null check (balance >= 0),
    primary key (entity_id, token_id, sequence)
);

create table ledger_supply_checkpoints (
    token_id     uuid not null references ledger_tokens (id),
    sequence     bigint not null,
    total_supply numeric(38, 18) not null check (total_supply >= 0),
    primary key (token_id, sequence)
);

-- History is append-only: a mistake is corrected by a compensating transaction, never by an edit.
create function ledger_refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger history is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger ledger_transactions_append_only
    before update or delete on ledger_transactions
    for each row execute function ledger_refuse_history_change();

create trigger ledger_balance_checkpoints_append_only
    before update or delete on ledger_balance_checkpoints
    for each row execute function ledger_refuse_history_change();

create trigger ledger_supply_checkpoints_append_only
    before update or delete on ledger_supply_checkpoints
    for each row execute function ledger_refuse_history_change();

create function ledger_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'ledger history is append-only: truncate of % refused', tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger ledger_transactions_no_truncate before truncate on ledger_transactions
    for each statement execute function ledger_refuse_truncate();
create trigger ledger_balance_checkpoints_no_truncate before truncate on ledger_balance_checkpoints
    for each statement execute function ledger_refuse_truncate();
create trigger ledger_supply_checkpoints_no_truncate before truncate on ledger_supply_checkpoints
    for each statement execute function ledger_refuse_truncate();
