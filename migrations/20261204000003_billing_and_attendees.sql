-- Billing accounts: where an organization's purchases are invoiced. An
-- account that was ever used is archived, never deleted, so old invoices
-- keep pointing at it. Exactly one non-archived account per organization is
-- the default; the partial unique index makes a second default impossible
-- even when two requests race.
CREATE TABLE billing_account (
    billing_account_id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization (organization_id),
    name TEXT NOT NULL,
    invoicing_address TEXT NOT NULL,
    vat_id TEXT NOT NULL,
    -- Reference or cost centre printed on the invoice.
    reference TEXT NOT NULL,
    e_invoice_address TEXT,
    is_default BIGINT NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    archived_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX billing_account_org_idx ON billing_account (organization_id, archived_at, created_at);
CREATE UNIQUE INDEX billing_account_one_default_idx ON billing_account (organization_id) WHERE is_default = 1;

-- People an organization sends to courses. One row per address within an
-- organization (NFKC + case folding, like user emails); the list pages in
-- (name_sort, email_normalized) order, which is unique per organization.
CREATE TABLE attendee (
    attendee_id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization (organization_id),
    name TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (organization_id, email_normalized)
);
CREATE INDEX attendee_page_idx ON attendee (organization_id, name_sort, email_normalized);
