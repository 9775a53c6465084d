-- Why an organization is suspended, and since when; both cleared again on
-- reactivation (the audit trail keeps the history).
ALTER TABLE organization ADD COLUMN status_reason TEXT;
ALTER TABLE organization ADD COLUMN status_changed_at BIGINT;

-- The audit trail filtered to one organization pages newest first.
CREATE INDEX audit_log_organization_idx ON audit_log (organization_id, at, audit_id);

-- The administrators page and the "at least one active administrator"
-- check look users up by role and status.
CREATE INDEX app_user_role_status_idx ON app_user (role, status);
