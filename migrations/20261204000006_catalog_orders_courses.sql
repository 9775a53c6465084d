-- The service catalog, orders, course applications and the expense ledger.
--
-- Money is always an integer number of minor units (cents) with an ISO 4217
-- currency code next to it; VAT rates are basis points (2550 = 25.5 %).

-- An organization's time zone (an IANA name such as Europe/Helsinki). NULL
-- means the operator's, from the settings.
ALTER TABLE organization ADD COLUMN time_zone TEXT;

-- What the operator sells. A `course` has dates and applications with named
-- attendees; a `service` (coaching, audits, licences) is bought by the
-- unit. `capacity` NULL means unlimited; `seats_sold` counts every seat
-- taken by an order or an accepted course application, and the conditional
-- UPDATE that raises it is what keeps the last seat from being sold twice.
CREATE TABLE service (
    service_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('course', 'service')),
    title TEXT NOT NULL,
    -- NFKC + case folding of title, description and category, for search.
    search_text TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    delivery_mode TEXT NOT NULL CHECK (delivery_mode IN ('in_person', 'online', 'hybrid')),
    starts_at BIGINT,
    ends_at BIGINT,
    -- Orders and applications can be cancelled with a refund until then;
    -- NULL means until the start.
    cancellation_deadline_at BIGINT,
    capacity BIGINT CHECK (capacity IS NULL OR capacity >= 0),
    seats_sold BIGINT NOT NULL DEFAULT 0 CHECK (seats_sold >= 0),
    price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
    currency TEXT NOT NULL,
    vat_rate_bp BIGINT NOT NULL CHECK (vat_rate_bp >= 0 AND vat_rate_bp <= 10000),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    -- The catalog's order: the start date, or the creation time when the
    -- service has no dates.
    sort_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (capacity IS NULL OR seats_sold <= capacity)
);
CREATE INDEX service_catalog_idx ON service (status, sort_at, service_id);

-- A purchase of seats or units, charged to one billing account. The price
-- and VAT rate are copied from the service at the time of purchase.
CREATE TABLE purchase_order (
    order_id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization (organization_id),
    service_id TEXT NOT NULL REFERENCES service (service_id),
    billing_account_id TEXT NOT NULL REFERENCES billing_account (billing_account_id),
    -- SHA-256 of the form's one-time key: a double-submitted form finds the
    -- order its first copy made.
    submission_key TEXT NOT NULL UNIQUE,
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    vat_rate_bp BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
    created_by TEXT NOT NULL REFERENCES app_user (user_id),
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX purchase_order_org_idx ON purchase_order (organization_id, created_at, order_id);
CREATE INDEX purchase_order_service_idx ON purchase_order (service_id, organization_id);

-- An application for places on a course for named attendees. When it is
-- accepted, its places first use seats the organization bought for the
-- course (`seats_from_orders`); the rest take free capacity and are charged
-- as a course fee (`seats_charged`).
CREATE TABLE course_application (
    course_application_id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization (organization_id),
    service_id TEXT NOT NULL REFERENCES service (service_id),
    billing_account_id TEXT NOT NULL REFERENCES billing_account (billing_account_id),
    submission_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'waitlisted', 'rejected', 'cancelled')),
    note TEXT NOT NULL DEFAULT '',
    decision_reason TEXT,
    decided_by TEXT REFERENCES app_user (user_id),
    decided_at BIGINT,
    seats_from_orders BIGINT NOT NULL DEFAULT 0,
    seats_charged BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL REFERENCES app_user (user_id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX course_application_org_idx ON course_application (organization_id, created_at, course_application_id);
CREATE INDEX course_application_status_idx ON course_application (status, created_at, course_application_id);
CREATE INDEX course_application_service_idx ON course_application (service_id, status);

CREATE TABLE course_application_attendee (
    course_application_id TEXT NOT NULL REFERENCES course_application (course_application_id),
    attendee_id TEXT NOT NULL REFERENCES attendee (attendee_id),
    -- Marked by the operator after the course; NULL until then.
    attended BIGINT CHECK (attended IS NULL OR attended IN (0, 1)),
    PRIMARY KEY (course_application_id, attendee_id)
);
CREATE INDEX course_application_attendee_idx ON course_application_attendee (attendee_id);

-- The ledger: one line per charge, and a negative line per refund, so the
-- lines are never rewritten and every total is a plain SUM over them.
-- `month` is the line's calendar month (YYYY-MM) in the organization's time
-- zone when it was written, for totals per month.
CREATE TABLE expense_line (
    expense_id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization (organization_id),
    billing_account_id TEXT NOT NULL REFERENCES billing_account (billing_account_id),
    service_id TEXT NOT NULL REFERENCES service (service_id),
    source_kind TEXT NOT NULL CHECK (source_kind IN ('order', 'order_refund', 'course_fee', 'course_fee_refund')),
    source_id TEXT NOT NULL,
    description TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    unit_price_minor BIGINT NOT NULL,
    net_minor BIGINT NOT NULL,
    vat_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    vat_rate_bp BIGINT NOT NULL,
    month TEXT NOT NULL,
    occurred_at BIGINT NOT NULL
);
CREATE INDEX expense_line_org_idx ON expense_line (organization_id, occurred_at, expense_id);
CREATE INDEX expense_line_account_idx ON expense_line (organization_id, billing_account_id, month);
CREATE INDEX expense_line_service_idx ON expense_line (service_id);

-- The dashboard's recent activity and the audit filters read one
-- organization's entries newest first.
CREATE INDEX audit_log_org_recent_idx ON audit_log (organization_id, at, audit_id);
