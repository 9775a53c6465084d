-- SMTP delivery from the outbox. A mail is due when its state is 'queued'
-- and next_attempt_at has passed; a worker that takes it sets 'sending' and
-- pushes next_attempt_at a lease ahead, so a mail whose worker died is
-- picked up again once the lease runs out.
ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX outbox_due_idx ON outbox (state, next_attempt_at);
