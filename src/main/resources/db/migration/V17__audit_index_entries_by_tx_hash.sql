-- Finds a sealed transaction by its txHash (GET /api/tokens/transactions/by-hash/{txHash}). Unique:
-- each entry is a distinct ledger transaction, whose id is part of what is hashed, so two equal
-- hashes would be a SHA-256 collision or a broken sealer; storage refuses either. On the sealer's
-- path only (one insert of a block's entries), never on the ledger's write path.
create unique index audit_entries_tx_hash on audit_entries (tx_hash);
