-- Auctions: reverse-auction terms and the BTA-UTIL participation bonds of their bidders.
--
-- A bond is fixed when the bidder joins (base bond × f(trust) at that moment) and stays locked in
-- the bidder's balance until the auction is settled, once, in one transaction with every bond.
-- An auction that was never registered gets a row with the default terms when the first bidder joins.

create table auctions (
    id                text primary key check (length(id) between 1 and 128),
    base_bond         numeric(38, 18) not null check (base_bond > 0),
    participation_fee numeric(38, 18) check (participation_fee > 0 and participation_fee <= base_bond),
    closes_at         timestamptz,
    registered        boolean not null,
    status            text not null check (status in ('OPEN', 'SETTLED')),
    winner_id         text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    settled_at        timestamptz,
    check ((status = 'SETTLED') = (settled_at is not null)),
    check (winner_id is null or status = 'SETTLED')
);

create table auction_participants (
    auction_id  text not null references auctions (id),
    bidder_id   text not null,
    bond        numeric(38, 18) not null check (bond > 0),
    trust_score numeric(9, 6) not null check (trust_score >= 0 and trust_score <= 100),
    status      text not null check (status in ('JOINED', 'LOST', 'WON', 'FORFEITED')),
    charged     numeric(38, 18) not null default 0 check (charged >= 0 and charged <= bond),
    joined_at   timestamptz not null,
    settled_at  timestamptz,
    primary key (auction_id, bidder_id),
    check ((status = 'JOINED') = (settled_at is null)),
    check (status in ('WON', 'FORFEITED') or charged = 0),
    check (status <> 'FORFEITED' or charged = bond)
);

create index auction_participants_by_bidder on auction_participants (bidder_id, joined_at desc);
