-- Support: a thread per request, opened by a Customer admin (organization_id
-- set) or by an anonymous visitor from the public contact form
-- (organization_id NULL). Status is 'open' while the last word is the
-- customer's or visitor's, 'answered' after an operator replied. The two
-- unread flags drive the "new reply" / "new message" markers.
CREATE TABLE support_thread (
    thread_id TEXT PRIMARY KEY,
    organization_id TEXT REFERENCES organization (organization_id),
    opened_by_user_id TEXT REFERENCES app_user (user_id),
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
    customer_unread BIGINT NOT NULL DEFAULT 0 CHECK (customer_unread IN (0, 1)),
    admin_unread BIGINT NOT NULL DEFAULT 1 CHECK (admin_unread IN (0, 1)),
    created_at BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL
);
CREATE INDEX support_thread_inbox_idx ON support_thread (status, created_at, thread_id);
CREATE INDEX support_thread_org_idx ON support_thread (organization_id, last_message_at);

CREATE TABLE support_message (
    message_id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES support_thread (thread_id),
    author_kind TEXT NOT NULL CHECK (author_kind IN ('customer', 'visitor', 'operator')),
    author_label TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX support_message_thread_idx ON support_message (thread_id, created_at, message_id);
