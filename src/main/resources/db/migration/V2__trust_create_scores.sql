-- Trust scores (0 to 100, up to 6 decimals) and every change to them.

create table trust_scores (
    entity_id  text primary key check (entity_id ~ '^[A-Za-z0-9._:@-]{1,128}$'),
    score      numeric(9, 6) not null check (score >= 0 and score <= 100),
    updated_at timestamptz not null
);

create table trust_score_history (
    id         bigint generated always as identity primary key,
    entity_id  text not null,
    score      numeric(9, 6) not null check (score >= 0 and score <= 100),
    previous   numeric(9, 6),
    changed_by text not null,
    changed_at timestamptz not null
);

create index trust_score_history_entity on trust_score_history (entity_id, id desc);

-- The history is append-only, like the ledger's.
create function trust_refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception 'trust score history is append-only: % refused', tg_op using errcode = 'restrict_violation';
end;
$$;

create trigger trust_score_history_append_only before update or delete on trust_score_history
    for each row execute function trust_refuse_history_change();
create trigger trust_score_history_no_truncate before truncate on trust_score_history
    for each statement execute function trust_refuse_history_change();
