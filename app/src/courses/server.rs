//! Course application queries and changes. Customer statements are scoped
//! by the signed-in admin's organization; decisions lock the application
//! row so two administrators cannot decide it twice.

use std::collections::HashSet;

use jiff::tz::TimeZone;

use super::status_label_in;
use super::{
    CourseApplication, CourseApplicationList, CourseApplicationRow, NamedAttendee, OpenCourse,
    MAX_ATTENDEES, PAGE_SIZE,
};
use crate::catalog::server::{refund_deadline, submission_hash, usable_billing_account};
use crate::error::{AppError, FieldErrors};
use crate::format;
use crate::i18n::{request_locale, Arg, Locale};
use crate::money;
use crate::server::audit::{self, Entry};
use crate::server::auth::{require_admin, require_customer, AdminSession, CustomerAdmin};
use crate::server::db::{bind_all, decode_cursor, encode_cursor, Bind, Row, RowExt, Tx};
use crate::server::ledger::{self, ExpenseLine};
use crate::server::mail::{self, Mail};
use crate::server::{is_unique_violation, new_id, now_ms, state, tz, AppState, DbContext};
use crate::validate;

const COLUMNS: &str =
    "c.course_application_id, c.organization_id, o.legal_name AS organization_name,
    c.service_id, s.title AS service_title, s.starts_at, s.ends_at, s.cancellation_deadline_at,
    s.price_minor, s.currency, c.status, c.billing_account_id, b.name AS billing_account_name,
    c.note, c.decision_reason, c.created_at, c.decided_at, c.seats_from_orders, c.seats_charged,
    (SELECT COUNT(*) FROM course_application_attendee x
        WHERE x.course_application_id = c.course_application_id) AS places,
    (SELECT CAST(COALESCE(SUM(e.net_minor), 0) AS BIGINT) FROM expense_line e
        WHERE e.source_id = c.course_application_id
          AND e.source_kind IN ('course_fee', 'course_fee_refund')) AS fee_net";

const FROM: &str = "course_application c
    JOIN service s ON s.service_id = c.service_id
    JOIN organization o ON o.organization_id = c.organization_id
    JOIN billing_account b ON b.billing_account_id = c.billing_account_id";

fn not_found() -> AppError {
    AppError::NotFound(request_locale().t("courses-not-found"))
}

fn is_open(status: &str) -> bool {
    matches!(status, "submitted" | "waitlisted" | "accepted")
}

fn to_row(row: &Row, zone: &TimeZone) -> Result<CourseApplicationRow, AppError> {
    let locale = request_locale();
    Ok(CourseApplicationRow {
        course_application_id: row.text("course_application_id")?,
        organization_name: row.text("organization_name")?,
        service_id: row.text("service_id")?,
        service_title: row.text("service_title")?,
        starts: row
            .opt_int("starts_at")?
            .map(|ms| format::zoned_in(locale, ms, zone)),
        status: row.text("status")?,
        places: row.int("places")?,
        created: format::zoned_in(locale, row.int("created_at")?, zone),
        applied: format::stamp_in(locale, row.int("created_at")?, zone),
    })
}

async fn attendees_of(tx: &mut Tx, id: &str) -> Result<Vec<NamedAttendee>, AppError> {
    let rows = sqlx::query(
        "SELECT a.attendee_id, a.name, a.email, a.job_title, x.attended
         FROM course_application_attendee x JOIN attendee a ON a.attendee_id = x.attendee_id
         WHERE x.course_application_id = $1 ORDER BY a.name_sort, a.email_normalized",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await
    .context("failed to load the attendees")?;
    rows.iter()
        .map(|row| {
            Ok(NamedAttendee {
                attendee_id: row.text("attendee_id")?,
                name: row.text("name")?,
                email: row.text("email")?,
                job_title: row.text("job_title")?,
                attended: row.opt_int("attended")?.map(|a| a != 0),
            })
        })
        .collect()
}

fn to_application(
    row: &Row,
    attendees: Vec<NamedAttendee>,
    zone: &TimeZone,
    now: i64,
) -> Result<CourseApplication, AppError> {
    to_application_in(row, attendees, zone, now, request_locale())
}

/// An application with its dates written in `locale`.
fn to_application_in(
    row: &Row,
    attendees: Vec<NamedAttendee>,
    zone: &TimeZone,
    now: i64,
    locale: Locale,
) -> Result<CourseApplication, AppError> {
    let at = |ms: i64| format::zoned_in(locale, ms, zone);
    let status = row.text("status")?;
    let starts_at = row.opt_int("starts_at")?;
    let not_started = starts_at.is_none_or(|s| now < s);
    let seats_charged = row.int("seats_charged")?;
    Ok(CourseApplication {
        course_application_id: row.text("course_application_id")?,
        organization_id: row.text("organization_id")?,
        organization_name: row.text("organization_name")?,
        service_id: row.text("service_id")?,
        service_title: row.text("service_title")?,
        starts: starts_at.map(at),
        ends: row.opt_int("ends_at")?.map(at),
        attendees,
        billing_account_id: row.text("billing_account_id")?,
        billing_account_name: row.text("billing_account_name")?,
        note: row.text("note")?,
        decision_reason: row.opt_text("decision_reason")?,
        created: at(row.int("created_at")?),
        decided: row.opt_int("decided_at")?.map(at),
        seats_from_orders: row.int("seats_from_orders")?,
        seats_charged,
        fee_minor: row.int("fee_net")?,
        currency: row.text("currency")?,
        changeable: is_open(&status) && not_started,
        refundable: refund_deadline(row)?.is_none_or(|d| now < d),
        status,
    })
}

// ---- Customer admin ----

pub async fn list(status: &str, after: &str) -> Result<CourseApplicationList, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    check_status_filter(status)?;
    let cursor = decode_cursor(after)?;
    let mut binds = vec![Bind::Text(customer.organization_id.clone())];
    let mut conditions = vec!["c.organization_id = $1".to_string()];
    if !status.is_empty() {
        binds.push(Bind::Text(status.to_string()));
        conditions.push(format!("c.status = ${}", binds.len()));
    }
    if let Some((key, id)) = cursor {
        binds.push(Bind::Int(key));
        binds.push(Bind::Text(id));
        let n = binds.len();
        conditions.push(format!(
            "(c.created_at, c.course_application_id) < (${}, ${n})",
            n - 1
        ));
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE {}
         ORDER BY c.created_at DESC, c.course_application_id DESC LIMIT {}",
        conditions.join(" AND "),
        PAGE_SIZE + 1
    );
    page(&st, &sql, &binds, &zone).await
}

fn check_status_filter(status: &str) -> Result<(), AppError> {
    if status.is_empty() || super::STATUSES.iter().any(|(code, _)| *code == status) {
        Ok(())
    } else {
        Err(AppError::field(
            "status",
            request_locale().t("courses-choose-status"),
        ))
    }
}

async fn page(
    st: &AppState,
    sql: &str,
    binds: &[Bind],
    zone: &TimeZone,
) -> Result<CourseApplicationList, AppError> {
    let rows = bind_all(sqlx::query(sql), binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list course applications")?;
    let next = match (rows.len() > PAGE_SIZE, rows.get(PAGE_SIZE - 1)) {
        (true, Some(last)) => Some(encode_cursor(
            last.int("created_at")?,
            &last.text("course_application_id")?,
        )),
        _ => None,
    };
    Ok(CourseApplicationList {
        rows: rows
            .iter()
            .take(PAGE_SIZE)
            .map(|row| to_row(row, zone))
            .collect::<Result<_, _>>()?,
        next,
    })
}

/// Loads one application (of `organization_id` when given) in `tx`,
/// locking its row on PostgreSQL when `lock` is set.
async fn load(
    st: &AppState,
    tx: &mut Tx,
    id: &str,
    organization_id: Option<&str>,
    lock: bool,
) -> Result<Row, AppError> {
    let scope = if organization_id.is_some() {
        " AND c.organization_id = $2"
    } else {
        ""
    };
    let suffix = if lock {
        st.db.for_update_of("c")
    } else {
        String::new()
    };
    let sql =
        format!("SELECT {COLUMNS} FROM {FROM} WHERE c.course_application_id = $1{scope}{suffix}");
    let mut query = sqlx::query(&sql).bind(id);
    if let Some(org) = organization_id {
        query = query.bind(org);
    }
    query
        .fetch_optional(&mut **tx)
        .await
        .context("failed to load the course application")?
        .ok_or_else(not_found)
}

pub async fn get(id: &str) -> Result<CourseApplication, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let mut tx = st
        .db
        .pool()
        .begin()
        .await
        .context("failed to start a read")?;
    let row = load(&st, &mut tx, id, Some(&customer.organization_id), false).await?;
    let attendees = attendees_of(&mut tx, id).await?;
    tx.commit().await.context("failed to end a read")?;
    to_application(&row, attendees, &zone, now_ms())
}

pub async fn open_courses() -> Result<Vec<OpenCourse>, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let locale = request_locale();
    let rows = sqlx::query(
        "SELECT service_id, title, starts_at, capacity, seats_sold FROM service
         WHERE kind = 'course' AND status = 'published' AND (starts_at IS NULL OR starts_at > $1)
         ORDER BY sort_at, service_id LIMIT 200",
    )
    .bind(now_ms())
    .fetch_all(st.db.pool())
    .await
    .context("failed to list open courses")?;
    rows.iter()
        .map(|row| {
            Ok(OpenCourse {
                service_id: row.text("service_id")?,
                title: row.text("title")?,
                starts: row
                    .opt_int("starts_at")?
                    .map(|ms| format::zoned_in(locale, ms, &zone)),
                seats_left: row
                    .opt_int("capacity")?
                    .map(|c| c - row.int("seats_sold").unwrap_or(0)),
            })
        })
        .collect()
}

/// Checks the attendee list: at least one, at most the limit, no repeats,
/// and every id one of the organization's attendees. Returns them with
/// their names.
async fn check_attendees(
    tx: &mut Tx,
    organization_id: &str,
    ids: &[String],
) -> Result<Vec<(String, String)>, AppError> {
    let field = "attendee_ids";
    let locale = request_locale();
    if ids.is_empty() {
        return Err(AppError::field(field, locale.t("courses-choose-attendee")));
    }
    if ids.len() > MAX_ATTENDEES {
        return Err(AppError::field(
            field,
            locale.t_args(
                "courses-too-many-attendees",
                &[("max", MAX_ATTENDEES.into())],
            ),
        ));
    }
    let mut seen = HashSet::new();
    let mut named = Vec::with_capacity(ids.len());
    for id in ids {
        if !seen.insert(id.as_str()) {
            return Err(AppError::field(field, locale.t("courses-attendee-twice")));
        }
        let name: Option<String> = sqlx::query_scalar(
            "SELECT name FROM attendee
             WHERE attendee_id = $1 AND organization_id = $2 AND erased_at IS NULL",
        )
        .bind(id)
        .bind(organization_id)
        .fetch_optional(&mut **tx)
        .await
        .context("failed to load an attendee")?;
        match name {
            Some(name) => named.push((id.clone(), name)),
            None => {
                return Err(AppError::field(
                    field,
                    locale.t("courses-attendee-not-ours"),
                ))
            }
        }
    }
    Ok(named)
}

/// Refuses attendees who are already on another open application for the
/// same course.
async fn check_not_elsewhere(
    tx: &mut Tx,
    service_id: &str,
    except: &str,
    named: &[(String, String)],
) -> Result<(), AppError> {
    for (id, name) in named {
        let elsewhere: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM course_application_attendee x
             JOIN course_application c ON c.course_application_id = x.course_application_id
             WHERE x.attendee_id = $1 AND c.service_id = $2 AND c.course_application_id <> $3
               AND c.status IN ('submitted', 'waitlisted', 'accepted')",
        )
        .bind(id)
        .bind(service_id)
        .bind(except)
        .fetch_one(&mut **tx)
        .await
        .context("failed to check other applications")?;
        if elsewhere > 0 {
            return Err(AppError::field(
                "attendee_ids",
                request_locale().t_args(
                    "courses-attendee-elsewhere",
                    &[("name", name.clone().into())],
                ),
            ));
        }
    }
    Ok(())
}

async fn set_attendees(tx: &mut Tx, id: &str, named: &[(String, String)]) -> Result<(), AppError> {
    sqlx::query("DELETE FROM course_application_attendee WHERE course_application_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("failed to clear the attendees")?;
    for (attendee_id, _) in named {
        sqlx::query(
            "INSERT INTO course_application_attendee (course_application_id, attendee_id)
             VALUES ($1, $2)",
        )
        .bind(id)
        .bind(attendee_id)
        .execute(&mut **tx)
        .await
        .context("failed to add an attendee")?;
    }
    Ok(())
}

fn names(named: &[(String, String)]) -> String {
    named
        .iter()
        .map(|(_, name)| name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn customer_audit(
    tx: &mut Tx,
    customer: &CustomerAdmin,
    action: &str,
    id: &str,
    detail: &str,
) -> Result<(), AppError> {
    audit::record(
        tx,
        Entry {
            actor_user_id: Some(&customer.user_id),
            actor_label: &customer.email,
            action,
            subject_kind: "course_application",
            subject_id: id,
            organization_id: Some(&customer.organization_id),
            detail,
        },
    )
    .await
}

pub async fn create(
    service_id: &str,
    billing_account_id: &str,
    attendee_ids: &[String],
    note: &str,
    key: &str,
) -> Result<String, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let locale = request_locale();
    let mut errors = FieldErrors::default();
    let note = errors.check("note", validate::note(note));
    if billing_account_id.trim().is_empty() {
        errors.push("billing_account_id", locale.t("orders-choose-account"));
    }
    if service_id.trim().is_empty() {
        errors.push("service_id", locale.t("courses-choose-course"));
    }
    let (Some(note), true) = (note, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let submission = submission_hash("course", &customer.organization_id, key)?;
    let existing = || async {
        sqlx::query_scalar::<_, String>(
            "SELECT course_application_id FROM course_application WHERE submission_key = $1",
        )
        .bind(&submission)
        .fetch_optional(st.db.pool())
        .await
        .context("failed to look up an earlier application")
    };
    if let Some(id) = existing().await? {
        return Ok(id);
    }

    let now = now_ms();
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let course: Option<(String, String, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT kind, title, starts_at FROM service WHERE service_id = $1 AND status = 'published'{}",
        st.db.for_update()
    ))
    .bind(service_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the course")?;
    let Some((kind, title, starts_at)) = course else {
        return Err(AppError::NotFound(locale.t("courses-no-such-course")));
    };
    if kind != "course" {
        return Err(AppError::field(
            "service_id",
            locale.t("courses-not-a-course"),
        ));
    }
    if starts_at.is_some_and(|s| s <= now) {
        return Err(AppError::Conflict(locale.t("courses-closed")));
    }
    let account_name =
        usable_billing_account(&mut tx, &customer.organization_id, billing_account_id).await?;
    let named = check_attendees(&mut tx, &customer.organization_id, attendee_ids).await?;
    let id = new_id();
    check_not_elsewhere(&mut tx, service_id, &id, &named).await?;

    let inserted = sqlx::query(
        "INSERT INTO course_application (course_application_id, organization_id, service_id,
            billing_account_id, submission_key, status, note, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8, $8)",
    )
    .bind(&id)
    .bind(&customer.organization_id)
    .bind(service_id)
    .bind(billing_account_id)
    .bind(&submission)
    .bind(&note)
    .bind(&customer.user_id)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => {
            drop(tx);
            return existing().await?.ok_or(AppError::Internal);
        }
        other => {
            other.context("failed to insert the course application")?;
        }
    }
    set_attendees(&mut tx, &id, &named).await?;
    customer_audit(
        &mut tx,
        &customer,
        "course_application.submitted",
        &id,
        &format!("{title}: {} (billing: {account_name})", names(&named)),
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the course application")?;
    Ok(id)
}

pub async fn change_attendees(id: &str, attendee_ids: &[String]) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let now = now_ms();
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = load(&st, &mut tx, id, Some(&customer.organization_id), true).await?;
    let status = row.text("status")?;
    let starts_at = row.opt_int("starts_at")?;
    let locale = request_locale();
    if !is_open(&status) {
        return Err(AppError::Conflict(locale.t_args(
            "courses-closed-status",
            &[(
                "status",
                status_label_in(locale, &status).to_lowercase().into(),
            )],
        )));
    }
    if starts_at.is_some_and(|s| s <= now) {
        return Err(AppError::Conflict(locale.t("courses-started-no-change")));
    }
    let named = check_attendees(&mut tx, &customer.organization_id, attendee_ids).await?;
    let places = row.int("places")?;
    if status == "accepted" && named.len() as i64 != places {
        return Err(AppError::field(
            "attendee_ids",
            locale.t_args("courses-name-exactly", &[("places", places.into())]),
        ));
    }
    let service_id = row.text("service_id")?;
    check_not_elsewhere(&mut tx, &service_id, id, &named).await?;
    set_attendees(&mut tx, id, &named).await?;
    sqlx::query("UPDATE course_application SET updated_at = $2 WHERE course_application_id = $1")
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("failed to touch the course application")?;
    customer_audit(
        &mut tx,
        &customer,
        "course_application.attendees_changed",
        id,
        &names(&named),
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the attendees")?;
    Ok(())
}

pub async fn withdraw(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let now = now_ms();
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = load(&st, &mut tx, id, Some(&customer.organization_id), true).await?;
    let application = to_application(&row, Vec::new(), &zone, now)?;
    let locale = request_locale();
    if !is_open(&application.status) {
        return Err(AppError::Conflict(
            locale.t_args(
                "courses-already-status",
                &[(
                    "status",
                    status_label_in(locale, &application.status)
                        .to_lowercase()
                        .into(),
                )],
            ),
        ));
    }
    if !application.changeable {
        return Err(AppError::Conflict(locale.t("courses-started-no-withdraw")));
    }
    let mut detail = application.service_title.clone();
    if application.status == "accepted" {
        ledger::release_seats(
            &mut tx,
            &application.service_id,
            application.seats_charged,
            now,
        )
        .await?;
        if application.seats_charged > 0 && application.refundable {
            refund_fee(&mut tx, &row, &zone, now).await?;
            detail.push_str("; course fee refunded");
        } else if application.seats_charged > 0 {
            detail.push_str("; after the cancellation deadline, the course fee stays");
        }
    }
    sqlx::query(
        "UPDATE course_application SET status = 'cancelled', updated_at = $2
         WHERE course_application_id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to withdraw the course application")?;
    customer_audit(
        &mut tx,
        &customer,
        "course_application.withdrawn",
        id,
        &detail,
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the withdrawal")?;
    Ok(())
}

/// Writes the negative line that cancels the application's course fee, at
/// the unit price its fee line was written with.
async fn refund_fee(tx: &mut Tx, row: &Row, zone: &TimeZone, now: i64) -> Result<(), AppError> {
    let id = row.text("course_application_id")?;
    let fee: Option<(i64, i64, String, i64)> = sqlx::query_as(
        "SELECT quantity, unit_price_minor, currency, vat_rate_bp FROM expense_line
         WHERE source_kind = 'course_fee' AND source_id = $1",
    )
    .bind(&id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the course fee")?;
    let Some((quantity, unit_price, currency, rate)) = fee else {
        return Ok(());
    };
    let organization_id = row.text("organization_id")?;
    let billing_account_id = row.text("billing_account_id")?;
    let service_id = row.text("service_id")?;
    let description = format!(
        "Refund, withdrawn application: {}",
        row.text("service_title")?
    );
    ledger::write(
        tx,
        ExpenseLine {
            organization_id: &organization_id,
            billing_account_id: &billing_account_id,
            service_id: &service_id,
            source_kind: "course_fee_refund",
            source_id: &id,
            description: &description,
            quantity: -quantity,
            unit_price_minor: unit_price,
            currency: &currency,
            vat_rate_bp: rate,
            month: &tz::month_key(now, zone),
            occurred_at: now,
        },
    )
    .await
}

// ---- System administrator ----

pub async fn admin_list(status: &str, after: &str) -> Result<CourseApplicationList, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let zone = tz::for_organization(&st, None).await?;
    check_status_filter(status)?;
    let cursor = decode_cursor(after)?;
    let mut binds = Vec::new();
    let mut conditions = vec![if status.is_empty() {
        "c.status IN ('submitted', 'waitlisted')".to_string()
    } else {
        binds.push(Bind::Text(status.to_string()));
        "c.status = $1".to_string()
    }];
    if let Some((key, id)) = cursor {
        binds.push(Bind::Int(key));
        binds.push(Bind::Text(id));
        let n = binds.len();
        conditions.push(format!(
            "(c.created_at, c.course_application_id) > (${}, ${n})",
            n - 1
        ));
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE {}
         ORDER BY c.created_at, c.course_application_id LIMIT {}",
        conditions.join(" AND "),
        PAGE_SIZE + 1
    );
    page(&st, &sql, &binds, &zone).await
}

pub async fn admin_get(id: &str) -> Result<CourseApplication, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let zone = tz::for_organization(&st, None).await?;
    let mut tx = st
        .db
        .pool()
        .begin()
        .await
        .context("failed to start a read")?;
    let row = load(&st, &mut tx, id, None, false).await?;
    let attendees = attendees_of(&mut tx, id).await?;
    tx.commit().await.context("failed to end a read")?;
    to_application(&row, attendees, &zone, now_ms())
}

/// The active Customer admin's address, where decisions are mailed, and
/// the language they read (theirs, else the deciding request's).
async fn customer_email(
    tx: &mut Tx,
    organization_id: &str,
) -> Result<Option<(String, Locale)>, AppError> {
    let found: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT email, locale FROM app_user WHERE organization_id = $1 AND role = 'customer_admin'
         AND status = 'active' ORDER BY created_at LIMIT 1",
    )
    .bind(organization_id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to find the organization's admin")?;
    Ok(found.map(|(email, locale)| {
        let locale = locale
            .as_deref()
            .and_then(Locale::from_code)
            .unwrap_or_else(request_locale);
        (email, locale)
    }))
}

pub async fn decide(id: &str, decision: &str, reason: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let (next, allowed_from): (&str, &[&str]) = match decision {
        "accept" => ("accepted", &["submitted", "waitlisted"]),
        "waitlist" => ("waitlisted", &["submitted"]),
        "reject" => ("rejected", &["submitted", "waitlisted"]),
        _ => {
            return Err(AppError::field(
                "decision",
                request_locale().t("courses-choose-decision"),
            ))
        }
    };
    let reason = if decision == "reject" {
        validate::message(reason, "Reason").map_err(|m| AppError::field("reason", m))?
    } else {
        validate::note(reason).map_err(|m| AppError::field("reason", m))?
    };
    let now = now_ms();
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = load(&st, &mut tx, id, None, true).await?;
    let status = row.text("status")?;
    if !allowed_from.contains(&status.as_str()) {
        let locale = request_locale();
        return Err(AppError::Conflict(locale.t_args(
            "courses-cannot-decide",
            &[
                (
                    "status",
                    status_label_in(locale, &status).to_lowercase().into(),
                ),
                ("next", status_label_in(locale, next).to_lowercase().into()),
            ],
        )));
    }
    let organization_id = row.text("organization_id")?;
    let zone = tz::for_organization(&st, Some(&organization_id)).await?;
    let application = to_application(&row, Vec::new(), &zone, now)?;
    if next == "accepted" && !application.changeable {
        return Err(AppError::Conflict(
            request_locale().t("courses-started-no-accept"),
        ));
    }

    let (mut from_orders, mut charged) = (0, 0);
    if next == "accepted" {
        (from_orders, charged) = accept_places(&st, &mut tx, &row, &zone, now).await?;
    }
    sqlx::query(
        "UPDATE course_application SET status = $2, decision_reason = $3, decided_by = $4,
            decided_at = $5, seats_from_orders = $6, seats_charged = $7, updated_at = $5
         WHERE course_application_id = $1",
    )
    .bind(id)
    .bind(next)
    .bind((!reason.is_empty()).then_some(reason.as_str()))
    .bind(&admin.user_id)
    .bind(now)
    .bind(from_orders)
    .bind(charged)
    .execute(&mut *tx)
    .await
    .context("failed to record the decision")?;
    admin_audit(
        &mut tx,
        &admin,
        &format!("course_application.{next}"),
        id,
        &organization_id,
        &format!(
            "{}: {} place(s); {from_orders} from bought seats, {charged} charged{}",
            application.service_title,
            row.int("places")?,
            if reason.is_empty() {
                String::new()
            } else {
                format!("; reason: {reason}")
            }
        ),
    )
    .await?;
    if let Some((to, m)) = customer_email(&mut tx, &organization_id).await? {
        let dated = to_application_in(&row, Vec::new(), &zone, now, m)?;
        let fee = if charged > 0 {
            m.t_args(
                "mail-course-fee",
                &[
                    ("count", charged.into()),
                    (
                        "price",
                        money::format_in(m, row.int("price_minor")?, &row.text("currency")?).into(),
                    ),
                    ("account", application.billing_account_name.clone().into()),
                ],
            )
        } else {
            String::new()
        };
        let message = if reason.is_empty() {
            String::new()
        } else {
            m.t_args(
                "mail-course-operator-message",
                &[("reason", reason.clone().into())],
            )
        };
        let args: [(&str, Arg); 5] = [
            ("service", application.service_title.clone().into()),
            ("when", dated.starts.clone().unwrap_or_default().into()),
            ("fee", fee.into()),
            ("message", message.into()),
            (
                "link",
                format!("{}/org/courses/{id}", st.settings.base_url()).into(),
            ),
        ];
        let (subject, body) = match next {
            "accepted" => ("mail-course-accepted-subject", "mail-course-accepted-body"),
            "waitlisted" => (
                "mail-course-waitlisted-subject",
                "mail-course-waitlisted-body",
            ),
            _ => ("mail-course-rejected-subject", "mail-course-rejected-body"),
        };
        mail::enqueue(
            &mut tx,
            Mail {
                to: &to,
                subject: &m.t_args(subject, &args),
                body: &m.t_args(body, &args),
                kind: "course_decision",
            },
        )
        .await?;
    }
    tx.commit().await.context("failed to commit the decision")?;
    Ok(())
}

/// Splits an accepted application's places between seats the organization
/// bought and not yet used, and new seats taken from capacity and charged
/// as a course fee. Fails with 409 when the course is too full.
async fn accept_places(
    st: &AppState,
    tx: &mut Tx,
    row: &Row,
    zone: &TimeZone,
    now: i64,
) -> Result<(i64, i64), AppError> {
    let organization_id = row.text("organization_id")?;
    let service_id = row.text("service_id")?;
    let places = row.int("places")?;
    // Serializes acceptances for one course, so two administrators cannot
    // both hand out the same bought seats.
    sqlx::query(&format!(
        "SELECT service_id FROM service WHERE service_id = $1{}",
        st.db.for_update()
    ))
    .bind(&service_id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to lock the course")?;
    let (bought, used) = ledger::seats_of(tx, &organization_id, &service_id).await?;
    let from_orders = places.min((bought - used).max(0));
    let charged = places - from_orders;
    ledger::take_seats(tx, &service_id, charged, now)
        .await
        .map_err(|e| match e {
            AppError::Conflict(message) => AppError::Conflict(format!(
                "{message} {}",
                request_locale().t_args("courses-needs-seats", &[("count", charged.into())])
            )),
            other => other,
        })?;
    if charged > 0 {
        let (price, currency, rate): (i64, String, i64) = sqlx::query_as(
            "SELECT price_minor, currency, vat_rate_bp FROM service WHERE service_id = $1",
        )
        .bind(&service_id)
        .fetch_one(&mut **tx)
        .await
        .context("failed to load the course price")?;
        let id = row.text("course_application_id")?;
        let billing_account_id = row.text("billing_account_id")?;
        let description = format!(
            "Course fee, {charged} × place: {}",
            row.text("service_title")?
        );
        ledger::write(
            tx,
            ExpenseLine {
                organization_id: &organization_id,
                billing_account_id: &billing_account_id,
                service_id: &service_id,
                source_kind: "course_fee",
                source_id: &id,
                description: &description,
                quantity: charged,
                unit_price_minor: price,
                currency: &currency,
                vat_rate_bp: rate,
                month: &tz::month_key(now, zone),
                occurred_at: now,
            },
        )
        .await?;
    }
    Ok((from_orders, charged))
}

async fn admin_audit(
    tx: &mut Tx,
    admin: &AdminSession,
    action: &str,
    id: &str,
    organization_id: &str,
    detail: &str,
) -> Result<(), AppError> {
    audit::record(
        tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action,
            subject_kind: "course_application",
            subject_id: id,
            organization_id: Some(organization_id),
            detail,
        },
    )
    .await
}

pub async fn mark_attendance(id: &str, attendee_id: &str, attended: bool) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = load(&st, &mut tx, id, None, true).await?;
    if row.text("status")? != "accepted" {
        return Err(AppError::Conflict(
            request_locale().t("courses-attendance-accepted-only"),
        ));
    }
    let changed = sqlx::query(
        "UPDATE course_application_attendee SET attended = $3
         WHERE course_application_id = $1 AND attendee_id = $2",
    )
    .bind(id)
    .bind(attendee_id)
    .bind(i64::from(attended))
    .execute(&mut *tx)
    .await
    .context("failed to mark attendance")?
    .rows_affected();
    if changed == 0 {
        return Err(AppError::NotFound(
            request_locale().t("courses-attendee-not-on"),
        ));
    }
    admin_audit(
        &mut tx,
        &admin,
        "course_application.attendance",
        id,
        &row.text("organization_id")?,
        &format!(
            "{attendee_id}: {}",
            if attended {
                "attended"
            } else {
                "did not attend"
            }
        ),
    )
    .await?;
    tx.commit().await.context("failed to commit attendance")?;
    Ok(())
}
