-- Why an organization is suspended, and since when; both cleared again on
-- reactivation (the audit trail keeps the history).
ALTER TABLE organization ADD COLUMN status_reason TEXT;
ALTER TABLE organization ADD COLUMN status_changed_at BIGINT;

-- The audit trail filtered to one organization pages newest first through
-- audit_log_org_recent_idx (organization_id, at, audit_id), created earlier.

-- The administrators page and the "at least one active administrator"
-- check look users up by role and status.
CREATE INDEX app_user_role_status_idx ON app_user (role, status);
