-- A service key may hold the scope nft:mint (minting NFT badges); the list of known scopes is
-- kept in one CHECK, replaced here by the same list plus the new scope.
do $$
declare
    known text;
begin
    select conname into known from pg_constraint
    where conrelid = 'api_keys'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%ledger:lock%';
    execute format('alter table api_keys drop constraint %I', known);
end $$;

alter table api_keys add constraint api_keys_scopes_known check (
    scopes <@ array['trust:write', 'rewards:write', 'guarantees:write', 'auctions:write', 'ledger:lock', 'nft:mint']::text[]);
