-- Vesting: a grant moves its total from the treasury to its escrow (vesting:<id>), locked there;
-- releases pay the beneficiary what has vested; a revocable grant may be revoked once, returning
-- what had not vested to the treasury.

create table vesting_grants (
    id               uuid primary key,
    beneficiary_id   text not null check (beneficiary_id ~ '^[A-Za-z0-9._:@-]{1,128}$'),
    token_id         uuid not null references ledger_tokens (id),
    total            numeric(38, 18) not null check (total > 0),
    start_at         timestamptz not null,
    cliff_micros     bigint not null check (cliff_micros >= 0),
    duration_micros  bigint not null check (duration_micros > 0),
    revocable        boolean not null,
    released         numeric(38, 18) not null default 0 check (released >= 0),
    revoked_at       timestamptz,
    -- what had vested at the revocation: all that will ever vest
    vested_at_revoke numeric(38, 18),
    created_by       text not null,
    created_at       timestamptz not null,
    constraint vesting_cliff_within_duration check (cliff_micros <= duration_micros),
    constraint vesting_revoked_whole check ((revoked_at is null) = (vested_at_revoke is null)),
    constraint vesting_revoked_only_if_revocable check (revoked_at is null or revocable),
    constraint vesting_vested_at_revoke_within_total check (vested_at_revoke is null or vested_at_revoke between 0 and total),
    constraint vesting_released_within_vested check (released <= coalesce(vested_at_revoke, total))
);
create index vesting_grants_by_beneficiary on vesting_grants (beneficiary_id, created_at desc, id desc);

-- The terms of a grant never change; only what was released grows, and a revocation is written once.
create function vesting_grants_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'vesting grants are never deleted';
    end if;
    if new.beneficiary_id <> old.beneficiary_id or new.token_id <> old.token_id or new.total <> old.total
       or new.start_at <> old.start_at or new.cliff_micros <> old.cliff_micros
       or new.duration_micros <> old.duration_micros or new.revocable <> old.revocable
       or new.created_by <> old.created_by or new.created_at <> old.created_at then
        raise exception 'a vesting grant''s terms never change';
    end if;
    if new.released < old.released then
        raise exception 'what a vesting grant released never decreases';
    end if;
    if old.revoked_at is not null and (new.revoked_at is distinct from old.revoked_at
                                       or new.vested_at_revoke is distinct from old.vested_at_revoke) then
        raise exception 'a vesting grant is revoked once';
    end if;
    return new;
end $$;
create trigger vesting_grants_guard before update or delete on vesting_grants
    for each row execute function vesting_grants_guard();
