-- Entity ids '.' and '..' are refused (EntityId): they cannot be addressed in a path, where
-- clients and servers normalise them away. Where the schema states what an entity id is (the
-- format checks of V1, V2 and V6), it says so too.
--
-- Existing rows are validated, not skipped (no NOT VALID left behind): EntityId now refuses these
-- two ids, and every reader of stored rows builds one, so a database holding such an id from an
-- earlier version could not be read back where it appears. Such a database stops here, at the
-- upgrade, with the name of the violated constraint, rather than failing later in a read (a
-- history page, the audit chain's sealer). Find the rows with:
--   select 'ledger_balances', entity_id from ledger_balances where entity_id in ('.', '..')
--   union all select 'trust_scores', entity_id from trust_scores where entity_id in ('.', '..')
--   union all select 'rewards', recipient_id from rewards where recipient_id in ('.', '..');
-- (ledger_transactions names entities without a format check and is not covered here.)

alter table ledger_balances
    add constraint ledger_balances_entity_id_not_a_dot_segment check (entity_id not in ('.', '..'));

alter table trust_scores
    add constraint trust_scores_entity_id_not_a_dot_segment check (entity_id not in ('.', '..'));

alter table rewards
    add constraint rewards_recipient_id_not_a_dot_segment check (recipient_id not in ('.', '..'));
