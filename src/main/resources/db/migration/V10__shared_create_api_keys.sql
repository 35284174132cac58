-- Service API keys: only a hash of each secret is kept; a key acts as the platform service it
-- names, within its scopes, until it expires or is revoked.

create table api_keys (
    id          uuid primary key,
    name        text not null unique check (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    lookup      text not null unique check (length(lookup) = 12),
    secret_hash text not null check (length(secret_hash) = 64),
    scopes      text[] not null check (cardinality(scopes) >= 1),
    created_at  timestamptz not null,
    created_by  text not null,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    revoked_by  text,
    check (scopes <@ array['trust:write', 'rewards:write', 'guarantees:write', 'auctions:write', 'ledger:lock']::text[])
);
