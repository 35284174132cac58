-- The ledger's append-only history (transactions and the balance and supply checkpoints) is split
-- into partitions by sequence range, so that it can grow for years: each partition's indexes stay
-- the size of one range, old ranges can be detached for archive, and keyset paging (by sequence)
-- reads the newest partitions first. The tables keep their names, columns, checks and the refusal
-- of UPDATE, DELETE and TRUNCATE.
--
-- In place: each existing table becomes the first partition (sequences below the first bound,
-- a multiple of the partition size above today's head); its rows are not copied, only its
-- primary key and the transactions' id index are built again. Next partitions are created ahead
-- by ledger_ensure_partitions(), called by the service at start and every minute.

create table ledger_partitioning (
    id   boolean primary key default true check (id),
    size bigint not null check (size >= 1000)
);
insert into ledger_partitioning (id, size) values (true, 10000000);

do $$
declare
    size  constant bigint := 10000000;
    head  bigint;
    bound bigint;
begin
    select last_sequence into head from ledger_head;
    bound := (head / size + 1) * size + 1;

    -- transactions: keyed by sequence (a partition key must be in the primary key); the id keeps
    -- an index of its own for lookups by id
    alter table ledger_transactions rename to ledger_transactions_p0;
    drop trigger ledger_transactions_append_only on ledger_transactions_p0;
    alter trigger ledger_transactions_no_truncate on ledger_transactions_p0
        rename to ledger_transactions_p0_no_truncate;
    alter table ledger_transactions_p0 drop constraint ledger_transactions_pkey;
    alter table ledger_transactions_p0 drop constraint ledger_transactions_sequence_key;
    alter table ledger_transactions_p0 add constraint ledger_transactions_p0_pkey primary key (sequence);
    alter index ledger_transactions_from rename to ledger_transactions_p0_from;
    alter index ledger_transactions_to rename to ledger_transactions_p0_to;
    execute format('alter table ledger_transactions_p0 add constraint ledger_transactions_p0_range'
                   ' check (sequence < %s)', bound);

    create table ledger_transactions (like ledger_transactions_p0 including defaults including constraints)
        partition by range (sequence);
    alter table ledger_transactions drop constraint ledger_transactions_p0_range;
    alter table ledger_transactions add constraint ledger_transactions_pkey primary key (sequence);
    alter table ledger_transactions add constraint ledger_transactions_token_id_fkey
        foreign key (token_id) references ledger_tokens (id);
    create index ledger_transactions_id on ledger_transactions (id);
    create index ledger_transactions_from on ledger_transactions (from_entity_id, sequence desc);
    create index ledger_transactions_to on ledger_transactions (to_entity_id, sequence desc);
    execute format('alter table ledger_transactions attach partition ledger_transactions_p0'
                   ' for values from (minvalue) to (%s)', bound);

    -- balance checkpoints
    alter table ledger_balance_checkpoints rename to ledger_balance_checkpoints_p0;
    drop trigger ledger_balance_checkpoints_append_only on ledger_balance_checkpoints_p0;
    alter trigger ledger_balance_checkpoints_no_truncate on ledger_balance_checkpoints_p0
        rename to ledger_balance_checkpoints_p0_no_truncate;
    alter index ledger_balance_checkpoints_pkey rename to ledger_balance_checkpoints_p0_pkey;
    execute format('alter table ledger_balance_checkpoints_p0 add constraint ledger_balance_checkpoints_p0_range'
                   ' check (sequence < %s)', bound);
    create table ledger_balance_checkpoints
        (like ledger_balance_checkpoints_p0 including defaults including constraints)
        partition by range (sequence);
    alter table ledger_balance_checkpoints drop constraint ledger_balance_checkpoints_p0_range;
    alter table ledger_balance_checkpoints add constraint ledger_balance_checkpoints_pkey
        primary key (entity_id, token_id, sequence);
    alter table ledger_balance_checkpoints add constraint ledger_balance_checkpoints_token_id_fkey
        foreign key (token_id) references ledger_tokens (id);
    execute format('alter table ledger_balance_checkpoints attach partition ledger_balance_checkpoints_p0'
                   ' for values from (minvalue) to (%s)', bound);

    -- supply checkpoints
    alter table ledger_supply_checkpoints rename to ledger_supply_checkpoints_p0;
    drop trigger ledger_supply_checkpoints_append_only on ledger_supply_checkpoints_p0;
    alter trigger ledger_supply_checkpoints_no_truncate on ledger_supply_checkpoints_p0
        rename to ledger_supply_checkpoints_p0_no_truncate;
    alter index ledger_supply_checkpoints_pkey rename to ledger_supply_checkpoints_p0_pkey;
    execute format('alter table ledger_supply_checkpoints_p0 add constraint ledger_supply_checkpoints_p0_range'
                   ' check (sequence < %s)', bound);
    create table ledger_supply_checkpoints
        (like ledger_supply_checkpoints_p0 including defaults including constraints)
        partition by range (sequence);
    alter table ledger_supply_checkpoints drop constraint ledger_supply_checkpoints_p0_range;
    alter table ledger_supply_checkpoints add constraint ledger_supply_checkpoints_pkey
        primary key (token_id, sequence);
    alter table ledger_supply_checkpoints add constraint ledger_supply_checkpoints_token_id_fkey
        foreign key (token_id) references ledger_tokens (id);
    execute format('alter table ledger_supply_checkpoints attach partition ledger_supply_checkpoints_p0'
                   ' for values from (minvalue) to (%s)', bound);
end $$;

-- UPDATE and DELETE are refused on the partitioned tables (the row triggers are cloned onto every
-- partition, today's and tomorrow's); TRUNCATE triggers are per table, so each partition gets its
-- own as it is created.
create trigger ledger_transactions_append_only
    before update or delete on ledger_transactions
    for each row execute function ledger_refuse_history_change();
create trigger ledger_balance_checkpoints_append_only
    before update or delete on ledger_balance_checkpoints
    for each row execute function ledger_refuse_history_change();
create trigger ledger_supply_checkpoints_append_only
    before update or delete on ledger_supply_checkpoints
    for each row execute function ledger_refuse_history_change();
create trigger ledger_transactions_no_truncate before truncate on ledger_transactions
    for each statement execute function ledger_refuse_truncate();
create trigger ledger_balance_checkpoints_no_truncate before truncate on ledger_balance_checkpoints
    for each statement execute function ledger_refuse_truncate();
create trigger ledger_supply_checkpoints_no_truncate before truncate on ledger_supply_checkpoints
    for each statement execute function ledger_refuse_truncate();

-- Creates the partitions that cover sequences up to `ahead` partitions past the head, for the
-- three tables; returns how many whole partitions of ledger_transactions lie past the one that holds
-- the head. Safe to
-- call from several instances at once: the partitioning row is locked for the call.
create function ledger_ensure_partitions(ahead int) returns int language plpgsql as $$
declare
    size   bigint;
    head   bigint;
    tbl    text;
    upper  bigint;
    target bigint;
    name   text;
begin
    select p.size into size from ledger_partitioning p for update;
    select last_sequence into head from ledger_head;
    target := (head / size + 1 + ahead) * size + 1;
    foreach tbl in array array['ledger_transactions', 'ledger_balance_checkpoints', 'ledger_supply_checkpoints'] loop
        upper := ledger_partitions_upper(tbl);
        while upper < target loop
            name := tbl || '_p' || upper;
            execute format('create table %I partition of %I for values from (%s) to (%s)',
                           name, tbl, upper, upper + size);
            execute format('create trigger %I before truncate on %I'
                           ' for each statement execute function ledger_refuse_truncate()',
                           name || '_no_truncate', name);
            upper := upper + size;
        end loop;
    end loop;
    return ((ledger_partitions_upper('ledger_transactions') - ((head / size + 1) * size + 1)) / size)::int;
end;
$$;

-- The first sequence past the last partition of `tbl`.
create function ledger_partitions_upper(tbl text) returns bigint language sql stable as $$
    select max((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''?(\d+)''?\)'))[1]::bigint)
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = tbl::regclass
$$;

select ledger_ensure_partitions(2);
