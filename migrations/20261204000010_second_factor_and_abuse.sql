-- A system administrator's authenticator (TOTP, RFC 6238), once confirmed
-- with a code. The base32 secret has to be kept readable to compute codes;
-- it is never sent to anyone after enrolment.
CREATE TABLE user_totp (
    user_id TEXT PRIMARY KEY REFERENCES app_user (user_id),
    secret TEXT NOT NULL,
    -- The 30-second step of the last accepted code: a code is accepted only
    -- for a later step, so the same code cannot be used twice.
    last_step BIGINT NOT NULL,
    enabled_at BIGINT NOT NULL
);

-- One-time recovery codes; only their SHA-256 is kept.
CREATE TABLE recovery_code (
    code_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES app_user (user_id),
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX recovery_code_user_idx ON recovery_code (user_id);

-- Counted attempts for the per-account abuse limits. They live in the
-- database so that every app server behind a load balancer sees the same
-- counts. `subject` is a hash or id of what is limited (account, link,
-- administrator), `client` the address the attempt came from.
CREATE TABLE abuse_event (
    abuse_event_id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    client TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX abuse_event_subject_idx ON abuse_event (scope, subject, at);
