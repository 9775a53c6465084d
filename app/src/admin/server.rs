//! Admin listings, newest first, paged by `(time, id)` cursors, with their
//! filters.

use super::{AuditFilter, AuditRow, MailRow, OrganizationRow, OutboxView, Page, LOG_PAGE};
use crate::error::{AppError, FieldErrors};
use crate::i18n::request_locale;
use crate::server::audit::{self, Entry};
use crate::server::auth::require_admin;
use crate::server::db::{bind_all, contains_pattern, Bind, RowExt};
use crate::server::{normalize, now_ms};
use crate::server::{state, DbContext};

/// `"<ms>_<id>"`, or "after everything" when empty.
fn cursor(before: &str) -> Result<(i64, String), AppError> {
    if before.is_empty() {
        return Ok((i64::MAX, String::new()));
    }
    before
        .split_once('_')
        .and_then(|(at, id)| Some((at.parse().ok()?, id.to_string())))
        .ok_or_else(|| AppError::BadRequest(request_locale().t("queue-error-cursor")))
}

fn older<T>(rows: &mut Vec<T>, key: impl Fn(&T) -> String) -> Option<String> {
    if rows.len() > LOG_PAGE {
        rows.truncate(LOG_PAGE);
        rows.last().map(key)
    } else {
        None
    }
}

pub async fn outbox(before: &str) -> Result<OutboxView, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let delivering = !st.settings.smtp_url.expose().is_empty();
    let (at, id) = cursor(before)?;
    let rows = sqlx::query(&format!(
        "SELECT mail_id, to_address, subject, body_text, kind, state, attempts, last_error, created_at, sent_at FROM outbox
         WHERE created_at < $1 OR (created_at = $1 AND (mail_id < $2 OR $2 = ''))
         ORDER BY created_at DESC, mail_id DESC LIMIT {}",
        LOG_PAGE + 1
    ))
    .bind(at)
    .bind(&id)
    .fetch_all(st.db.pool())
    .await
    .context("failed to list the outbox")?;
    let zone = crate::server::tz::for_organization(&st, None).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(MailRow {
            created: crate::server::tz::stamp(row.int("created_at")?, &zone),
            mail_id: row.text("mail_id")?,
            to: row.text("to_address")?,
            subject: row.text("subject")?,
            body: row.text("body_text")?,
            kind: row.text("kind")?,
            state: row.text("state")?,
            attempts: row.int("attempts")?,
            last_error: row.opt_text("last_error")?,
            created_at: row.int("created_at")?,
            sent_at: row.opt_int("sent_at")?,
        });
    }
    let older = older(&mut out, |m| format!("{}_{}", m.created_at, m.mail_id));
    Ok(OutboxView {
        page: Page { rows: out, older },
        delivering,
    })
}

pub async fn retry(mail_id: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let state_now: Option<String> =
        sqlx::query_scalar("SELECT state FROM outbox WHERE mail_id = $1")
            .bind(mail_id)
            .fetch_optional(&mut *tx)
            .await
            .context("failed to load the mail")?;
    match state_now.as_deref() {
        None => {
            return Err(AppError::NotFound(
                request_locale().t("outbox-error-not-found"),
            ))
        }
        Some("failed") => {}
        Some(other) => {
            let l = request_locale();
            let state = l.t(&format!("outbox-state-{other}")).to_lowercase();
            return Err(AppError::Conflict(
                l.t_args("outbox-error-not-failed", &[("state", state.into())]),
            ));
        }
    }
    sqlx::query(
        "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = $2 WHERE mail_id = $1",
    )
    .bind(mail_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to requeue the mail")?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "mail.retry_requested",
            subject_kind: "mail",
            subject_id: mail_id,
            organization_id: None,
            detail: "",
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the retry")?;
    Ok(())
}

/// Longest text accepted in a filter field.
const FILTER_MAX: usize = 200;

/// Milliseconds at the start of a `YYYY-MM-DD` day, UTC.
fn day_start(value: &str) -> Result<i64, String> {
    let l = request_locale();
    let bad = || l.t("audit-error-date");
    let parts: Vec<&str> = value.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return Err(bad());
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
        return Err(bad());
    };
    let month = time::Month::try_from(m).map_err(|_| l.t("audit-error-month"))?;
    let date = time::Date::from_calendar_date(y, month, d).map_err(|_| l.t("audit-error-day"))?;
    Ok(date.midnight().assume_utc().unix_timestamp() * 1000)
}

/// An organization id as the application makes them (UUID text).
fn looks_like_id(value: &str) -> bool {
    value.len() == 36 && value.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// The WHERE conditions (after the page cursor's) and their values for the
/// filters in use, numbered from `$first`. Only the filters in use become
/// SQL, so each combination gets a plan that can use its index.
fn audit_conditions(filter: &AuditFilter, first: usize) -> Result<(String, Vec<Bind>), AppError> {
    let l = request_locale();
    let mut errors = FieldErrors::default();
    for (field, value) in [
        ("who", &filter.who),
        ("action", &filter.action),
        ("organization", &filter.organization),
    ] {
        if value.chars().count() > FILTER_MAX {
            errors.push(
                field,
                l.t_args("audit-error-filter-long", &[("max", FILTER_MAX.into())]),
            );
        }
    }
    let from = match filter.from.trim() {
        "" => None,
        value => errors.check("from", day_start(value)),
    };
    let to = match filter.to.trim() {
        "" => None,
        // The whole last day is included.
        value => errors.check("to", day_start(value).map(|ms| ms + 86_400_000)),
    };
    if let (Some(from), Some(to)) = (from, to) {
        if to <= from {
            errors.push("to", l.t("audit-error-dates-order"));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }

    let mut sql = String::new();
    let mut params = Vec::new();
    let mut add = |condition: &str, param: Bind| {
        let n = first + params.len();
        sql.push_str(&format!(
            " AND {}",
            condition.replace("$?", &format!("${n}"))
        ));
        params.push(param);
    };
    let action = filter.action.trim().to_lowercase();
    if !action.is_empty() {
        // A plain prefix of the (lower-case) action code. Not LIKE: it
        // ignores ASCII case on SQLite but not on PostgreSQL.
        add("substr(l.action, 1, length($?)) = $?", Bind::Text(action));
    }
    let who = filter.who.trim().to_lowercase();
    if !who.is_empty() {
        add(
            "lower(l.actor_label) LIKE $? ESCAPE '\\'",
            Bind::Text(contains_pattern(&who)),
        );
    }
    let organization = filter.organization.trim();
    if looks_like_id(organization) {
        add(
            "l.organization_id = $?",
            Bind::Text(organization.to_lowercase()),
        );
    } else if !organization.is_empty() {
        let name = normalize::organization_name(organization);
        add(
            "o.name_normalized LIKE $? ESCAPE '\\'",
            Bind::Text(contains_pattern(&name)),
        );
    }
    if let Some(from) = from {
        add("l.at >= $?", Bind::Int(from));
    }
    if let Some(to) = to {
        add("l.at < $?", Bind::Int(to));
    }
    Ok((sql, params))
}

pub async fn audit(before: &str, filter: &AuditFilter) -> Result<Page<AuditRow>, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let (at, id) = cursor(before)?;
    let (conditions, params) = audit_conditions(filter, 3)?;
    let sql = format!(
        "SELECT l.audit_id, l.at, l.actor_label, l.action, l.subject_kind, l.subject_id, l.detail, o.legal_name
         FROM audit_log l LEFT JOIN organization o ON o.organization_id = l.organization_id
         WHERE (l.at < $1 OR (l.at = $1 AND (l.audit_id < $2 OR $2 = ''))){conditions}
         ORDER BY l.at DESC, l.audit_id DESC LIMIT {}",
        LOG_PAGE + 1
    );
    let rows = bind_all(sqlx::query(&sql).bind(at).bind(&id), &params)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list the audit trail")?;
    let zone = crate::server::tz::for_organization(&st, None).await?;
    let mut out = Vec::with_capacity(rows.len());
    let mut ids = Vec::with_capacity(rows.len());
    for row in rows {
        ids.push(row.text("audit_id")?);
        out.push(AuditRow {
            at: row.int("at")?,
            when: crate::server::tz::stamp(row.int("at")?, &zone),
            actor: row.text("actor_label")?,
            action: row.text("action")?,
            subject: format!("{} {}", row.text("subject_kind")?, row.text("subject_id")?),
            organization: row.opt_text("legal_name")?,
            detail: row.text("detail")?,
        });
    }
    let older = if out.len() > LOG_PAGE {
        out.truncate(LOG_PAGE);
        out.last()
            .map(|r| format!("{}_{}", r.at, ids[LOG_PAGE - 1]))
    } else {
        None
    };
    Ok(Page { rows: out, older })
}

pub async fn organizations(
    before: &str,
    q: &str,
    status: &str,
) -> Result<Page<OrganizationRow>, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let (at, id) = cursor(before)?;
    if q.chars().count() > FILTER_MAX {
        return Err(AppError::field(
            "q",
            request_locale().t_args("queue-error-search-long", &[("max", FILTER_MAX.into())]),
        ));
    }
    let mut conditions = String::new();
    let mut params = Vec::new();
    let name = normalize::organization_name(q);
    if !name.is_empty() {
        conditions.push_str(" AND o.name_normalized LIKE $3 ESCAPE '\\'");
        params.push(Bind::Text(contains_pattern(&name)));
    }
    match status {
        "" => {}
        "active" | "suspended" => {
            conditions.push_str(&format!(" AND o.status = ${}", 3 + params.len()));
            params.push(Bind::Text(status.to_string()));
        }
        _ => {
            return Err(AppError::field(
                "status",
                request_locale().t("accounts-orgs-error-status"),
            ))
        }
    }
    // The Customer admin is the active person, or the first one invited
    // while nobody has set a password; anyone else is a pending handover.
    let sql = format!(
        "SELECT o.organization_id, o.application_id, o.legal_name, o.country, o.status, o.created_at,
                u.user_id, u.email, u.status AS user_status,
                (SELECT COUNT(*) FROM app_user x
                 WHERE x.organization_id = o.organization_id AND x.status <> 'deactivated') AS people
         FROM organization o
         LEFT JOIN app_user u ON u.user_id = (
             SELECT x.user_id FROM app_user x
             WHERE x.organization_id = o.organization_id AND x.status <> 'deactivated'
             ORDER BY CASE WHEN x.status = 'active' THEN 0 ELSE 1 END, x.created_at, x.user_id
             LIMIT 1)
         WHERE (o.created_at < $1 OR (o.created_at = $1 AND (o.organization_id < $2 OR $2 = ''))){conditions}
         ORDER BY o.created_at DESC, o.organization_id DESC LIMIT {}",
        LOG_PAGE + 1
    );
    let rows = bind_all(sqlx::query(&sql).bind(at).bind(&id), &params)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list organizations")?;
    let zone = crate::server::tz::for_organization(&st, None).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(OrganizationRow {
            created: crate::server::tz::stamp(row.int("created_at")?, &zone),
            organization_id: row.text("organization_id")?,
            application_id: row.text("application_id")?,
            legal_name: row.text("legal_name")?,
            country: row.text("country")?,
            status: row.text("status")?,
            created_at: row.int("created_at")?,
            admin_user_id: row.opt_text("user_id")?,
            admin_email: row.opt_text("email")?,
            admin_status: row.opt_text("user_status")?,
            handover_pending: row.int("people")? > 1,
        });
    }
    let older = older(&mut out, |o| {
        format!("{}_{}", o.created_at, o.organization_id)
    });
    Ok(Page { rows: out, older })
}
