-- The retention purge looks up, for each application it purges, the mail
-- sent to its address before mail named its application, and the audit
-- entries about it. Without these indexes each look-up read the whole
-- outbox and audit trail, and a purge of thousands of applications held
-- SQLite's write lock long enough for other writers to time out.
CREATE INDEX outbox_to_address_idx ON outbox (to_address);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, subject_id);
