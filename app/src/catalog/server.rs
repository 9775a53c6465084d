//! Catalog queries, orders and the catalog editor. Customer statements are
//! scoped by the signed-in admin's organization; the seat counter lives in
//! `server::ledger` so course applications share it.

use jiff::tz::TimeZone;

use super::{
    AdminServiceList, AdminServiceRow, CatalogFilter, Order, OrderList, Service, ServiceDetail,
    ServiceEdit, ServiceInput, ServiceList, ServiceValues, MAX_QUANTITY, PAGE_SIZE,
};
use crate::error::{AppError, FieldErrors};
use crate::format;
use crate::i18n::{request_locale, Locale};
use crate::money;
use crate::profile::locale;
use crate::server::audit::{self, Entry};
use crate::server::auth::{require_admin, require_customer, CustomerAdmin};
use crate::server::db::{
    bind_all, contains_pattern, decode_cursor, encode_cursor, Bind, Row, RowExt, Tx,
};
use crate::server::ledger::{self, ExpenseLine};
use crate::server::mail::{self, Mail};
use crate::server::{
    is_unique_violation, new_id, normalize, now_ms, state, tokens, tz, AppState, DbContext,
};
use crate::validate::{self, ServiceKind};

pub const SERVICE_COLUMNS: &str = "s.service_id, s.kind, s.title, s.description, s.category,
    s.delivery_mode, s.starts_at, s.ends_at, s.cancellation_deadline_at, s.capacity, s.seats_sold,
    s.price_minor, s.currency, s.vat_rate_bp, s.status, s.sort_at";

/// Until when an order or application of the service may be cancelled with
/// a refund: the deadline, else the start; `None` means no limit.
pub fn refund_deadline(row: &Row) -> Result<Option<i64>, AppError> {
    Ok(row
        .opt_int("cancellation_deadline_at")?
        .or(row.opt_int("starts_at")?))
}

/// A service with its dates in `zone`, written in the request's language.
pub fn to_service(row: &Row, zone: &TimeZone, now: i64) -> Result<Service, AppError> {
    to_service_in(row, zone, now, request_locale())
}

/// A service with its dates in `zone`, written in `locale`.
pub fn to_service_in(
    row: &Row,
    zone: &TimeZone,
    now: i64,
    locale: Locale,
) -> Result<Service, AppError> {
    let starts_at = row.opt_int("starts_at")?;
    let status = row.text("status")?;
    Ok(Service {
        service_id: row.text("service_id")?,
        kind: row.text("kind")?,
        title: row.text("title")?,
        description: row.text("description")?,
        category: row.text("category")?,
        delivery_mode: row.text("delivery_mode")?,
        starts: starts_at.map(|ms| format::zoned_in(locale, ms, zone)),
        ends: row
            .opt_int("ends_at")?
            .map(|ms| format::zoned_in(locale, ms, zone)),
        cancellation_deadline: row
            .opt_int("cancellation_deadline_at")?
            .map(|ms| format::zoned_in(locale, ms, zone)),
        capacity: row.opt_int("capacity")?,
        seats_sold: row.int("seats_sold")?,
        price_minor: row.int("price_minor")?,
        currency: row.text("currency")?,
        vat_rate_bp: row.int("vat_rate_bp")?,
        open: status == "published" && starts_at.is_none_or(|s| s > now),
        status,
    })
}

fn service_not_found() -> AppError {
    AppError::NotFound(request_locale().t("catalog-no-such-service"))
}

// ---- Customer admin ----

pub async fn catalog(filter: &CatalogFilter, after: &str) -> Result<ServiceList, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let cursor = decode_cursor(after)?;
    let now = now_ms();
    let locale = request_locale();

    let mut errors = FieldErrors::default();
    if filter.q.chars().count() > 200 {
        errors.push("q", locale.t("catalog-search-too-long"));
    }
    if !filter.mode.is_empty() {
        errors.check("mode", validate::DeliveryMode::parse(&filter.mode));
    }
    let day = |field: &str, value: &str, errors: &mut FieldErrors| -> Option<i64> {
        if value.trim().is_empty() {
            return None;
        }
        let parsed = tz::parse_day_start(value, &zone);
        if parsed.is_none() {
            errors.push(field, locale.t("validate-date"));
        }
        parsed
    };
    let from = day("from", &filter.from, &mut errors);
    // "To" includes the whole day.
    let to = day("to", &filter.to, &mut errors).map(|d| d + 86_400_000);
    let price = |field: &str, label: &str, value: &str, errors: &mut FieldErrors| {
        if value.trim().is_empty() {
            None
        } else {
            errors.check(field, money::parse_amount(value, label))
        }
    };
    let min_price = price(
        "min_price",
        &locale.t("catalog-lowest-price"),
        &filter.min_price,
        &mut errors,
    );
    let max_price = price(
        "max_price",
        &locale.t("catalog-highest-price"),
        &filter.max_price,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }

    // Only what can still be bought: published and not yet started.
    let mut binds = vec![Bind::Int(now)];
    let mut conditions = vec![
        "s.status = 'published'".to_string(),
        "(s.starts_at IS NULL OR s.starts_at > $1)".to_string(),
    ];
    let mut push = |binds: &mut Vec<Bind>, value: Bind, condition: &str| {
        binds.push(value);
        conditions.push(condition.replace('#', &format!("${}", binds.len())));
    };
    let folded = normalize::fold(&filter.q);
    if !folded.is_empty() {
        push(
            &mut binds,
            Bind::Text(contains_pattern(&folded)),
            "s.search_text LIKE # ESCAPE '\\'",
        );
    }
    if !filter.category.trim().is_empty() {
        push(
            &mut binds,
            Bind::Text(filter.category.trim().to_string()),
            "s.category = #",
        );
    }
    if !filter.mode.is_empty() {
        push(
            &mut binds,
            Bind::Text(filter.mode.trim().to_string()),
            "s.delivery_mode = #",
        );
    }
    if let Some(from) = from {
        push(&mut binds, Bind::Int(from), "s.starts_at >= #");
    }
    if let Some(to) = to {
        push(&mut binds, Bind::Int(to), "s.starts_at < #");
    }
    if let Some(min) = min_price {
        push(&mut binds, Bind::Int(min), "s.price_minor >= #");
    }
    if let Some(max) = max_price {
        push(&mut binds, Bind::Int(max), "s.price_minor <= #");
    }
    if let Some((key, id)) = cursor {
        binds.push(Bind::Int(key));
        binds.push(Bind::Text(id));
        let n = binds.len();
        conditions.push(format!("(s.sort_at, s.service_id) > (${}, ${n})", n - 1));
    }
    let sql = format!(
        "SELECT {SERVICE_COLUMNS} FROM service s WHERE {}
         ORDER BY s.sort_at, s.service_id LIMIT {}",
        conditions.join(" AND "),
        PAGE_SIZE + 1
    );
    let rows = bind_all(sqlx::query(&sql), &binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list the catalog")?;
    let categories: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT category FROM service WHERE status = 'published' ORDER BY category",
    )
    .fetch_all(st.db.pool())
    .await
    .context("failed to list categories")?;

    let next = match (rows.len() > PAGE_SIZE, rows.get(PAGE_SIZE - 1)) {
        (true, Some(last)) => Some(encode_cursor(
            last.int("sort_at")?,
            &last.text("service_id")?,
        )),
        _ => None,
    };
    Ok(ServiceList {
        rows: rows
            .iter()
            .take(PAGE_SIZE)
            .map(|row| to_service(row, &zone, now))
            .collect::<Result<_, _>>()?,
        next,
        categories,
    })
}

pub async fn detail(id: &str) -> Result<ServiceDetail, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let mut tx = st
        .db
        .pool()
        .begin()
        .await
        .context("failed to start a read")?;
    // Drafts stay hidden; an unpublished or archived service is still shown
    // to an organization that has orders or applications for it.
    let row = sqlx::query(&format!(
        "SELECT {SERVICE_COLUMNS} FROM service s WHERE s.service_id = $1 AND (s.status = 'published'
            OR EXISTS (SELECT 1 FROM purchase_order o WHERE o.service_id = s.service_id AND o.organization_id = $2)
            OR EXISTS (SELECT 1 FROM course_application c WHERE c.service_id = s.service_id AND c.organization_id = $2))"
    ))
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the service")?
    .ok_or_else(service_not_found)?;
    let service = to_service(&row, &zone, now_ms())?;
    let (seats_bought, seats_used) =
        ledger::seats_of(&mut tx, &customer.organization_id, id).await?;
    tx.commit().await.context("failed to end a read")?;
    Ok(ServiceDetail {
        service,
        seats_bought,
        seats_used,
    })
}

/// The billing account, if it is one of the organization's and not archived.
pub async fn usable_billing_account(
    tx: &mut Tx,
    organization_id: &str,
    billing_account_id: &str,
) -> Result<String, AppError> {
    sqlx::query_scalar::<_, String>(
        "SELECT name FROM billing_account
         WHERE billing_account_id = $1 AND organization_id = $2 AND archived_at IS NULL",
    )
    .bind(billing_account_id)
    .bind(organization_id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the billing account")?
    .ok_or_else(|| {
        AppError::field(
            "billing_account_id",
            request_locale().t("orders-choose-own-account"),
        )
    })
}

/// The hash stored for a form's one-time key, scoped to the organization so
/// two organizations can never meet on the same key.
pub fn submission_hash(
    purpose: &str,
    organization_id: &str,
    key: &str,
) -> Result<String, AppError> {
    let key = key.trim();
    if key.len() < 16 || key.len() > 64 || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(AppError::BadRequest(
            request_locale().t("form-key-malformed"),
        ));
    }
    Ok(tokens::hash(&format!("{purpose}:{organization_id}:{key}")))
}

pub async fn purchase(
    service_id: &str,
    billing_account_id: &str,
    quantity: &str,
    key: &str,
) -> Result<String, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let mut errors = FieldErrors::default();
    let locale = request_locale();
    let quantity = errors.check(
        "quantity",
        validate::whole_number(quantity, &locale.t("orders-quantity"), 1, MAX_QUANTITY),
    );
    if billing_account_id.trim().is_empty() {
        errors.push("billing_account_id", locale.t("orders-choose-account"));
    }
    let (Some(quantity), true) = (quantity, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let submission = submission_hash("order", &customer.organization_id, key)?;

    match place_order(
        &st,
        &customer,
        service_id,
        billing_account_id,
        quantity,
        &submission,
    )
    .await
    {
        // The same form sent twice at once: the second insert met the first
        // one's key; answer with the first order.
        Err(PlaceError::Duplicate) => existing_order(&st, &submission)
            .await?
            .ok_or(AppError::Internal),
        Err(PlaceError::App(e)) => Err(e),
        Ok(id) => Ok(id),
    }
}

enum PlaceError {
    Duplicate,
    App(AppError),
}

impl From<AppError> for PlaceError {
    fn from(e: AppError) -> Self {
        PlaceError::App(e)
    }
}

async fn existing_order(st: &AppState, submission: &str) -> Result<Option<String>, AppError> {
    sqlx::query_scalar("SELECT order_id FROM purchase_order WHERE submission_key = $1")
        .bind(submission)
        .fetch_optional(st.db.pool())
        .await
        .context("failed to look up an earlier order")
}

async fn place_order(
    st: &AppState,
    customer: &CustomerAdmin,
    service_id: &str,
    billing_account_id: &str,
    quantity: i64,
    submission: &str,
) -> Result<String, PlaceError> {
    if let Some(id) = existing_order(st, submission).await? {
        return Ok(id);
    }
    let zone = tz::for_organization(st, Some(&customer.organization_id)).await?;
    let now = now_ms();
    let locale = request_locale();
    // The confirmation goes out in the recipient's own language.
    let mail_locale = locale::of_user(st.db.pool(), &customer.user_id).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = sqlx::query(&format!(
        "SELECT {SERVICE_COLUMNS} FROM service s WHERE s.service_id = $1 AND s.status = 'published'{}",
        st.db.for_update()
    ))
    .bind(service_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the service")?
    .ok_or_else(service_not_found)?;
    let service = to_service(&row, &zone, now)?;
    if !service.open {
        return Err(AppError::Conflict(locale.t("orders-already-started")).into());
    }
    let account_name =
        usable_billing_account(&mut tx, &customer.organization_id, billing_account_id).await?;
    // The ledger's refusal, said in the request's language; the service
    // row is locked, so its count is the one the ledger saw.
    ledger::take_seats(&mut tx, service_id, quantity, now)
        .await
        .map_err(|e| match e {
            AppError::Conflict(_) => AppError::Conflict(match service.seats_left() {
                Some(0) | None => locale.t("orders-fully-booked"),
                Some(left) => locale.t_args(
                    "orders-only-seats-left",
                    &[("left", left.into()), ("asked", quantity.into())],
                ),
            }),
            other => other,
        })?;

    let order_id = new_id();
    let inserted = sqlx::query(
        "INSERT INTO purchase_order (order_id, organization_id, service_id, billing_account_id,
            submission_key, quantity, unit_price_minor, currency, vat_rate_bp, status, created_by,
            created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'confirmed', $10, $11)",
    )
    .bind(&order_id)
    .bind(&customer.organization_id)
    .bind(service_id)
    .bind(billing_account_id)
    .bind(submission)
    .bind(quantity)
    .bind(service.price_minor)
    .bind(&service.currency)
    .bind(service.vat_rate_bp)
    .bind(&customer.user_id)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => return Err(PlaceError::Duplicate),
        other => {
            other.context("failed to insert the order")?;
        }
    }
    let unit = if service.kind == "course" {
        "seat"
    } else {
        "unit"
    };
    let description = format!("{} × {unit}: {}", quantity, service.title);
    ledger::write(
        &mut tx,
        ExpenseLine {
            organization_id: &customer.organization_id,
            billing_account_id,
            service_id,
            source_kind: "order",
            source_id: &order_id,
            description: &description,
            quantity,
            unit_price_minor: service.price_minor,
            currency: &service.currency,
            vat_rate_bp: service.vat_rate_bp,
            month: &tz::month_key(now, &zone),
            occurred_at: now,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&customer.user_id),
            actor_label: &customer.email,
            action: "order.created",
            subject_kind: "order",
            subject_id: &order_id,
            organization_id: Some(&customer.organization_id),
            detail: &format!("{description} on {account_name}"),
        },
    )
    .await?;
    let net = quantity * service.price_minor;
    let vat = money::vat(net, service.vat_rate_bp);
    let m = mail_locale;
    let dated = to_service_in(&row, &zone, now, m)?;
    let cancel = match dated.cancellation_deadline.clone().or(dated.starts.clone()) {
        Some(deadline) => m.t_args("mail-order-cancel-until", &[("date", deadline.into())]),
        None => m.t("mail-order-cancel-any-time"),
    };
    let body = m.t_args(
        "mail-order-confirmation-body",
        &[
            ("quantity", quantity.into()),
            (
                "unit",
                m.t(if service.kind == "course" {
                    "mail-order-unit-seat"
                } else {
                    "mail-order-unit-unit"
                })
                .into(),
            ),
            ("service", service.title.clone().into()),
            ("when", dated.when_in(m).into()),
            ("account", account_name.clone().into()),
            ("net", money::format_in(m, net, &service.currency).into()),
            ("rate", money::format_rate_in(m, service.vat_rate_bp).into()),
            ("vat", money::format_in(m, vat, &service.currency).into()),
            (
                "total",
                money::format_in(m, net + vat, &service.currency).into(),
            ),
            ("cancel", cancel.into()),
            (
                "link",
                format!("{}/org/orders", st.settings.base_url()).into(),
            ),
        ],
    );
    mail::enqueue(
        &mut tx,
        Mail {
            to: &customer.email,
            subject: &m.t_args(
                "mail-order-confirmation-subject",
                &[("service", service.title.clone().into())],
            ),
            body: &body,
            kind: "order_confirmation",
        },
    )
    .await?;
    match tx.commit().await {
        Err(e) if is_unique_violation(&e) => Err(PlaceError::Duplicate),
        other => {
            other.context("failed to commit the order")?;
            Ok(order_id)
        }
    }
}

const ORDER_COLUMNS: &str = "o.order_id, o.service_id, s.title AS service_title, s.kind AS service_kind,
    o.billing_account_id, b.name AS billing_account_name, o.quantity, o.unit_price_minor, o.currency,
    o.vat_rate_bp, o.status, o.created_at, o.cancelled_at, s.starts_at, s.cancellation_deadline_at";

fn to_order(row: &Row, zone: &TimeZone, now: i64) -> Result<Order, AppError> {
    let locale = request_locale();
    let quantity = row.int("quantity")?;
    let unit = row.int("unit_price_minor")?;
    let rate = row.int("vat_rate_bp")?;
    let status = row.text("status")?;
    let deadline = refund_deadline(row)?;
    let net = quantity * unit;
    Ok(Order {
        order_id: row.text("order_id")?,
        service_id: row.text("service_id")?,
        service_title: row.text("service_title")?,
        service_kind: row.text("service_kind")?,
        billing_account_id: row.text("billing_account_id")?,
        billing_account_name: row.text("billing_account_name")?,
        quantity,
        unit_price_minor: unit,
        currency: row.text("currency")?,
        vat_rate_bp: rate,
        net_minor: net,
        vat_minor: money::vat(net, rate),
        cancellable: status == "confirmed" && deadline.is_none_or(|d| now < d),
        status,
        created: format::zoned_in(locale, row.int("created_at")?, zone),
        ordered: format::stamp_in(locale, row.int("created_at")?, zone),
        starts: row
            .opt_int("starts_at")?
            .map(|ms| format::zoned_in(locale, ms, zone)),
        cancelled: row
            .opt_int("cancelled_at")?
            .map(|ms| format::zoned_in(locale, ms, zone)),
    })
}

pub async fn orders(after: &str) -> Result<OrderList, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let cursor = decode_cursor(after)?;
    let mut binds = vec![Bind::Text(customer.organization_id.clone())];
    let mut conditions = vec!["o.organization_id = $1".to_string()];
    if let Some((key, id)) = cursor {
        binds.push(Bind::Int(key));
        binds.push(Bind::Text(id));
        conditions.push("(o.created_at, o.order_id) < ($2, $3)".into());
    }
    let sql = format!(
        "SELECT {ORDER_COLUMNS} FROM purchase_order o
         JOIN service s ON s.service_id = o.service_id
         JOIN billing_account b ON b.billing_account_id = o.billing_account_id
         WHERE {} ORDER BY o.created_at DESC, o.order_id DESC LIMIT {}",
        conditions.join(" AND "),
        PAGE_SIZE + 1
    );
    let rows = bind_all(sqlx::query(&sql), &binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list orders")?;
    let next = match (rows.len() > PAGE_SIZE, rows.get(PAGE_SIZE - 1)) {
        (true, Some(last)) => Some(encode_cursor(
            last.int("created_at")?,
            &last.text("order_id")?,
        )),
        _ => None,
    };
    let now = now_ms();
    Ok(OrderList {
        rows: rows
            .iter()
            .take(PAGE_SIZE)
            .map(|row| to_order(row, &zone, now))
            .collect::<Result<_, _>>()?,
        next,
    })
}

pub async fn cancel_order(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let now = now_ms();
    let locale = request_locale();
    let m = locale::of_user(st.db.pool(), &customer.user_id).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = sqlx::query(&format!(
        "SELECT {ORDER_COLUMNS} FROM purchase_order o
         JOIN service s ON s.service_id = o.service_id
         JOIN billing_account b ON b.billing_account_id = o.billing_account_id
         WHERE o.order_id = $1 AND o.organization_id = $2{}",
        st.db.for_update_of("o")
    ))
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the order")?
    .ok_or_else(|| AppError::NotFound(locale.t("orders-not-found")))?;
    let order = to_order(&row, &zone, now)?;
    if order.status != "confirmed" {
        return Err(AppError::Conflict(locale.t("orders-already-cancelled")));
    }
    if !order.cancellable {
        return Err(AppError::Conflict(locale.t("orders-deadline-passed")));
    }
    let (bought, used) =
        ledger::seats_of(&mut tx, &customer.organization_id, &order.service_id).await?;
    if bought - order.quantity < used {
        return Err(AppError::Conflict(
            locale.t_args("orders-seats-in-use", &[("used", used.into())]),
        ));
    }
    sqlx::query(
        "UPDATE purchase_order SET status = 'cancelled', cancelled_at = $3
         WHERE order_id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to cancel the order")?;
    ledger::release_seats(&mut tx, &order.service_id, order.quantity, now).await?;
    let description = format!("Refund, cancelled order: {}", order.service_title);
    ledger::write(
        &mut tx,
        ExpenseLine {
            organization_id: &customer.organization_id,
            billing_account_id: &order.billing_account_id,
            service_id: &order.service_id,
            source_kind: "order_refund",
            source_id: id,
            description: &description,
            quantity: -order.quantity,
            unit_price_minor: order.unit_price_minor,
            currency: &order.currency,
            vat_rate_bp: order.vat_rate_bp,
            month: &tz::month_key(now, &zone),
            occurred_at: now,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&customer.user_id),
            actor_label: &customer.email,
            action: "order.cancelled",
            subject_kind: "order",
            subject_id: id,
            organization_id: Some(&customer.organization_id),
            detail: &format!("{} × {}", order.quantity, order.service_title),
        },
    )
    .await?;
    mail::enqueue(
        &mut tx,
        Mail {
            to: &customer.email,
            subject: &m.t_args(
                "mail-order-cancelled-subject",
                &[("service", order.service_title.clone().into())],
            ),
            body: &m.t_args(
                "mail-order-cancelled-body",
                &[
                    ("quantity", order.quantity.into()),
                    ("service", order.service_title.clone().into()),
                    (
                        "amount",
                        money::format_in(m, order.net_minor + order.vat_minor, &order.currency)
                            .into(),
                    ),
                    ("account", order.billing_account_name.clone().into()),
                ],
            ),
            kind: "order_cancelled",
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the cancellation")?;
    Ok(())
}

// ---- System administrator ----

async fn operator_zone(st: &AppState) -> Result<TimeZone, AppError> {
    tz::for_organization(st, None).await
}

pub async fn admin_list(status: &str, after: &str) -> Result<AdminServiceList, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let zone = operator_zone(&st).await?;
    if !matches!(status, "" | "draft" | "published" | "archived") {
        return Err(AppError::field(
            "status",
            request_locale().t("catalog-choose-status"),
        ));
    }
    let cursor = decode_cursor(after)?;
    let mut binds = Vec::new();
    let mut conditions = vec!["1 = 1".to_string()];
    if !status.is_empty() {
        binds.push(Bind::Text(status.to_string()));
        conditions.push(format!("s.status = ${}", binds.len()));
    }
    if let Some((key, id)) = cursor {
        binds.push(Bind::Int(key));
        binds.push(Bind::Text(id));
        let n = binds.len();
        conditions.push(format!("(s.sort_at, s.service_id) < (${}, ${n})", n - 1));
    }
    let sql = format!(
        "SELECT {SERVICE_COLUMNS},
            (SELECT COUNT(*) FROM purchase_order o WHERE o.service_id = s.service_id AND o.status = 'confirmed') AS orders,
            (SELECT COUNT(*) FROM course_application c WHERE c.service_id = s.service_id) AS applications
         FROM service s WHERE {} ORDER BY s.sort_at DESC, s.service_id DESC LIMIT {}",
        conditions.join(" AND "),
        PAGE_SIZE + 1
    );
    let rows = bind_all(sqlx::query(&sql), &binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list services")?;
    let next = match (rows.len() > PAGE_SIZE, rows.get(PAGE_SIZE - 1)) {
        (true, Some(last)) => Some(encode_cursor(
            last.int("sort_at")?,
            &last.text("service_id")?,
        )),
        _ => None,
    };
    let now = now_ms();
    Ok(AdminServiceList {
        rows: rows
            .iter()
            .take(PAGE_SIZE)
            .map(|row| {
                Ok(AdminServiceRow {
                    service: to_service(row, &zone, now)?,
                    orders: row.int("orders")?,
                    applications: row.int("applications")?,
                })
            })
            .collect::<Result<_, AppError>>()?,
        next,
    })
}

pub async fn admin_get(id: &str) -> Result<ServiceEdit, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let zone = operator_zone(&st).await?;
    let row = sqlx::query(&format!(
        "SELECT {SERVICE_COLUMNS} FROM service s WHERE s.service_id = $1"
    ))
    .bind(id)
    .fetch_optional(st.db.pool())
    .await
    .context("failed to load the service")?
    .ok_or_else(service_not_found)?;
    let local = |column: &str| -> Result<String, AppError> {
        Ok(row
            .opt_int(column)?
            .map(|ms| tz::to_input(ms, &zone))
            .unwrap_or_default())
    };
    Ok(ServiceEdit {
        service_id: row.text("service_id")?,
        status: row.text("status")?,
        seats_sold: row.int("seats_sold")?,
        input: ServiceInput {
            kind: row.text("kind")?,
            title: row.text("title")?,
            description: row.text("description")?,
            category: row.text("category")?,
            delivery_mode: row.text("delivery_mode")?,
            starts_at: local("starts_at")?,
            ends_at: local("ends_at")?,
            cancellation_deadline: local("cancellation_deadline_at")?,
            capacity: row
                .opt_int("capacity")?
                .map(|c| c.to_string())
                .unwrap_or_default(),
            price: money::to_input(row.int("price_minor")?),
            currency: row.text("currency")?,
            vat_rate: {
                let bp = row.int("vat_rate_bp")?;
                money::format_rate(bp).trim_end_matches(" %").to_string()
            },
        },
        time_zone: zone.iana_name().unwrap_or("UTC").to_string(),
    })
}

/// Everything the editor's form says, dates included.
struct Checked {
    values: ServiceValues,
    starts_at: Option<i64>,
    ends_at: Option<i64>,
    deadline: Option<i64>,
}

fn check(input: &ServiceInput, zone: &TimeZone) -> Result<Checked, AppError> {
    let locale = request_locale();
    let parsed = input.parse();
    let mut errors = parsed.clone().err().unwrap_or_default();
    let mut date = |field: &str, label: &str, value: &str| -> Option<i64> {
        if value.trim().is_empty() {
            return None;
        }
        let ms = tz::parse_local(value, zone);
        if ms.is_none() {
            errors.push(
                field,
                locale.t_args("validate-date-time", &[("label", label.into())]),
            );
        }
        ms
    };
    let starts_at = date("starts_at", &locale.t("catalog-start"), &input.starts_at);
    let ends_at = date("ends_at", &locale.t("catalog-end"), &input.ends_at);
    let deadline = date(
        "cancellation_deadline",
        &locale.t("catalog-cancellation-deadline"),
        &input.cancellation_deadline,
    );
    let is_course = input.kind.trim() == ServiceKind::Course.code();
    if is_course && input.starts_at.trim().is_empty() {
        errors.push("starts_at", locale.t("catalog-course-needs-start"));
    }
    if is_course && input.ends_at.trim().is_empty() {
        errors.push("ends_at", locale.t("catalog-course-needs-end"));
    }
    if is_course && input.capacity.trim().is_empty() {
        errors.push("capacity", locale.t("catalog-course-needs-capacity"));
    }
    if let (Some(s), Some(e)) = (starts_at, ends_at) {
        if e <= s {
            errors.push("ends_at", locale.t("catalog-end-after-start"));
        }
    }
    if !is_course && !input.ends_at.trim().is_empty() && input.starts_at.trim().is_empty() {
        errors.push("starts_at", locale.t("catalog-start-with-end"));
    }
    if let (Some(d), Some(s)) = (deadline, starts_at) {
        if d > s {
            errors.push(
                "cancellation_deadline",
                locale.t("catalog-deadline-before-start"),
            );
        }
    }
    match parsed {
        Ok(values) if errors.is_empty() => Ok(Checked {
            values,
            starts_at,
            ends_at,
            deadline,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}

fn search_text(values: &ServiceValues) -> String {
    normalize::fold(&format!(
        "{} {} {}",
        values.title, values.category, values.description
    ))
}

pub async fn create(input: &ServiceInput) -> Result<String, AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let zone = operator_zone(&st).await?;
    let checked = check(input, &zone)?;
    let values = &checked.values;
    let id = new_id();
    let now = now_ms();
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    sqlx::query(
        "INSERT INTO service (service_id, kind, title, search_text, description, category,
            delivery_mode, starts_at, ends_at, cancellation_deadline_at, capacity, seats_sold,
            price_minor, currency, vat_rate_bp, status, sort_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $13, $14, 'draft', $15, $16, $16)",
    )
    .bind(&id)
    .bind(values.kind.code())
    .bind(&values.title)
    .bind(search_text(values))
    .bind(&values.description)
    .bind(&values.category)
    .bind(values.delivery_mode.code())
    .bind(checked.starts_at)
    .bind(checked.ends_at)
    .bind(checked.deadline)
    .bind(values.capacity)
    .bind(values.price_minor)
    .bind(&values.currency)
    .bind(values.vat_rate_bp)
    .bind(checked.starts_at.unwrap_or(now))
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to insert the service")?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "service.created",
            subject_kind: "service",
            subject_id: &id,
            organization_id: None,
            detail: &format!(
                "{} ({}, {})",
                values.title,
                values.kind.label(),
                money::format(values.price_minor, &values.currency)
            ),
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the service")?;
    Ok(id)
}

pub async fn update(id: &str, input: &ServiceInput) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let zone = operator_zone(&st).await?;
    let checked = check(input, &zone)?;
    let values = &checked.values;
    let now = now_ms();
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = sqlx::query(&format!(
        "SELECT {SERVICE_COLUMNS},
            (SELECT COUNT(*) FROM purchase_order o WHERE o.service_id = s.service_id) +
            (SELECT COUNT(*) FROM course_application c WHERE c.service_id = s.service_id) AS uses
         FROM service s WHERE s.service_id = $1{}",
        st.db.for_update_of("s")
    ))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the service")?
    .ok_or_else(service_not_found)?;
    let before = to_service(&row, &zone, now)?;
    let mut errors = FieldErrors::default();
    if let Some(capacity) = values.capacity {
        if capacity < before.seats_sold {
            errors.push(
                "capacity",
                format!(
                    "{} seats are already taken; the capacity cannot be lower.",
                    before.seats_sold
                ),
            );
        }
    }
    if row.int("uses")? > 0 && values.kind.code() != before.kind {
        errors.push("kind", request_locale().t("catalog-kind-locked"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    sqlx::query(
        "UPDATE service SET kind = $2, title = $3, search_text = $4, description = $5,
            category = $6, delivery_mode = $7, starts_at = $8, ends_at = $9,
            cancellation_deadline_at = $10, capacity = $11, price_minor = $12, currency = $13,
            vat_rate_bp = $14, sort_at = $15, updated_at = $16
         WHERE service_id = $1",
    )
    .bind(id)
    .bind(values.kind.code())
    .bind(&values.title)
    .bind(search_text(values))
    .bind(&values.description)
    .bind(&values.category)
    .bind(values.delivery_mode.code())
    .bind(checked.starts_at)
    .bind(checked.ends_at)
    .bind(checked.deadline)
    .bind(values.capacity)
    .bind(values.price_minor)
    .bind(&values.currency)
    .bind(values.vat_rate_bp)
    .bind(checked.starts_at.unwrap_or(row.int("sort_at")?))
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to update the service")?;
    let mut changed = Vec::new();
    if before.title != values.title {
        changed.push(format!("title “{}” → “{}”", before.title, values.title));
    }
    if before.price_minor != values.price_minor || before.currency != values.currency {
        changed.push(format!(
            "price {} → {}",
            money::format(before.price_minor, &before.currency),
            money::format(values.price_minor, &values.currency)
        ));
    }
    if before.capacity != values.capacity {
        let show = |c: Option<i64>| c.map_or("unlimited".to_string(), |c| c.to_string());
        changed.push(format!(
            "capacity {} → {}",
            show(before.capacity),
            show(values.capacity)
        ));
    }
    if before.vat_rate_bp != values.vat_rate_bp {
        changed.push(format!(
            "VAT {} → {}",
            money::format_rate(before.vat_rate_bp),
            money::format_rate(values.vat_rate_bp)
        ));
    }
    let starts_after = checked.starts_at.map(|ms| tz::format(ms, &zone));
    if before.starts != starts_after {
        changed.push(format!(
            "start {} → {}",
            before.starts.unwrap_or_else(|| "none".into()),
            starts_after.unwrap_or_else(|| "none".into())
        ));
    }
    if changed.is_empty() {
        changed.push("description, category, dates or delivery mode".into());
    }
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "service.updated",
            subject_kind: "service",
            subject_id: id,
            organization_id: None,
            detail: &changed.join("; "),
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the service")?;
    Ok(())
}

pub async fn set_status(id: &str, status: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    if !matches!(status, "draft" | "published" | "archived") {
        return Err(AppError::field(
            "status",
            request_locale().t("catalog-choose-status"),
        ));
    }
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let (current, title): (String, String) = sqlx::query_as(&format!(
        "SELECT status, title FROM service WHERE service_id = $1{}",
        st.db.for_update()
    ))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the service")?
    .ok_or_else(service_not_found)?;
    if current == status {
        return Ok(());
    }
    sqlx::query("UPDATE service SET status = $2, updated_at = $3 WHERE service_id = $1")
        .bind(id)
        .bind(status)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("failed to change the service's status")?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: &format!("service.{status}"),
            subject_kind: "service",
            subject_id: id,
            organization_id: None,
            detail: &format!("{title}: {current} → {status}"),
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the status")?;
    Ok(())
}
