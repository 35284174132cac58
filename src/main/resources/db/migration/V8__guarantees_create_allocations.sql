-- Guarantees: one row per BTA-GUAR allocation made for a guarantee of the marketplace.
--
-- While ACTIVE, the allocation's BTA-GUAR (and any extra collateral) sits in the guarantor's
-- locked balance; closing it (RELEASED, CLAIMED or EXPIRED) moves those tokens once, in the same
-- transaction that changes the status. A guarantee has at most one ACTIVE allocation.

create table guarantee_allocations (
    id                  uuid primary key,
    guarantee_id        text not null check (length(guarantee_id) between 1 and 128),
    guarantor_id        text not null,
    beneficiary_id      text not null,
    amount              numeric(38, 18) not null check (amount > 0),
    status              text not null check (status in ('ACTIVE', 'RELEASED', 'CLAIMED', 'EXPIRED')),
    collateral_token_id uuid,
    collateral_amount   numeric(38, 18) check (collateral_amount > 0),
    created_at          timestamptz not null,
    expires_at          timestamptz,
    closed_at           timestamptz,
    closed_by           text,
    check (guarantor_id <> beneficiary_id),
    check ((collateral_token_id is null) = (collateral_amount is null)),
    check ((status = 'ACTIVE') = (closed_at is null)),
    check (expires_at is null or expires_at > created_at)
);

create unique index guarantee_allocations_one_active on guarantee_allocations (guarantee_id) where status = 'ACTIVE';
create index guarantee_allocations_by_guarantor on guarantee_allocations (guarantor_id, created_at desc);
create index guarantee_allocations_by_beneficiary on guarantee_allocations (beneficiary_id, created_at desc);
create index guarantee_allocations_due on guarantee_allocations (id) where status = 'ACTIVE' and expires_at is not null;
