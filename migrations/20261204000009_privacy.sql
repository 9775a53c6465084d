-- Privacy: the terms an applicant accepted, the retention purge of
-- rejected and withdrawn applications, and erased attendees.

-- The version of the terms and privacy notice the applicant accepted, and
-- when. NULL on applications submitted before the version was recorded.
ALTER TABLE application ADD COLUMN terms_version TEXT;
ALTER TABLE application ADD COLUMN terms_accepted_at BIGINT;
-- Set when the retention purge blanked the application's personal data.
-- The row stays, holding only its status, organization type and size,
-- country and timestamps, so queue counts and the platform reports
-- (applications per week, time to decision) do not move.
ALTER TABLE application ADD COLUMN purged_at BIGINT;
-- The purge looks for final applications by status and last change.
CREATE INDEX application_retention_idx ON application (status, updated_at);

-- Mail to an applicant names the application it is about, so the purge
-- can delete exactly that application's mail.
ALTER TABLE outbox ADD COLUMN application_id TEXT;
CREATE INDEX outbox_application_idx ON outbox (application_id);

-- Set when a Customer admin erased the attendee's personal data. The row
-- stays (anonymized) while course applications and attendance name it, so
-- seat counts and the ledger stay whole; lists and pickers leave it out.
ALTER TABLE attendee ADD COLUMN erased_at BIGINT;
