//! Read-only admin listings, newest first, paged by `(time, id)` cursors.

use super::{AuditRow, MailRow, OrganizationRow, OutboxView, Page, LOG_PAGE};
use crate::error::AppError;
use crate::server::audit::{self, Entry};
use crate::server::auth::require_admin;
use crate::server::db::RowExt;
use crate::server::now_ms;
use crate::server::{state, DbContext};

/// `"<ms>_<id>"`, or "after everything" when empty.
fn cursor(before: &str) -> Result<(i64, String), AppError> {
    if before.is_empty() {
        return Ok((i64::MAX, String::new()));
    }
    before
        .split_once('_')
        .and_then(|(at, id)| Some((at.parse().ok()?, id.to_string())))
        .ok_or_else(|| AppError::BadRequest("The page cursor is malformed.".into()))
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
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(MailRow {
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
        None => return Err(AppError::NotFound("No mail has that id.".into())),
        Some("failed") => {}
        Some(other) => {
            return Err(AppError::Conflict(format!(
                "Only a failed mail can be retried; this one is {other}."
            )))
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

pub async fn audit(before: &str, action: &str) -> Result<Page<AuditRow>, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let (at, id) = cursor(before)?;
    if action.len() > 100 {
        return Err(AppError::field(
            "action",
            "Filter by at most 100 characters.",
        ));
    }
    let rows = sqlx::query(&format!(
        "SELECT l.audit_id, l.at, l.actor_label, l.action, l.subject_kind, l.subject_id, l.detail, o.legal_name
         FROM audit_log l LEFT JOIN organization o ON o.organization_id = l.organization_id
         WHERE (l.at < $1 OR (l.at = $1 AND (l.audit_id < $2 OR $2 = '')))
           AND substr(l.action, 1, length($3)) = $3
         ORDER BY l.at DESC, l.audit_id DESC LIMIT {}",
        LOG_PAGE + 1
    ))
    .bind(at)
    .bind(&id)
    // A plain prefix of the (lower-case) action code. Not LIKE: it ignores
    // ASCII case on SQLite but not on PostgreSQL, and only PostgreSQL
    // treats a backslash as its escape character.
    .bind(action.trim().to_lowercase())
    .fetch_all(st.db.pool())
    .await
    .context("failed to list the audit trail")?;
    let mut out = Vec::with_capacity(rows.len());
    let mut ids = Vec::with_capacity(rows.len());
    for row in rows {
        ids.push(row.text("audit_id")?);
        out.push(AuditRow {
            at: row.int("at")?,
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

pub async fn organizations(before: &str) -> Result<Page<OrganizationRow>, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let (at, id) = cursor(before)?;
    let rows = sqlx::query(&format!(
        "SELECT o.organization_id, o.application_id, o.legal_name, o.country, o.status, o.created_at,
                u.user_id, u.email, u.status AS user_status
         FROM organization o
         LEFT JOIN app_user u ON u.organization_id = o.organization_id AND u.status <> 'deactivated'
         WHERE o.created_at < $1 OR (o.created_at = $1 AND (o.organization_id < $2 OR $2 = ''))
         ORDER BY o.created_at DESC, o.organization_id DESC LIMIT {}",
        LOG_PAGE + 1
    ))
    .bind(at)
    .bind(&id)
    .fetch_all(st.db.pool())
    .await
    .context("failed to list organizations")?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(OrganizationRow {
            organization_id: row.text("organization_id")?,
            application_id: row.text("application_id")?,
            legal_name: row.text("legal_name")?,
            country: row.text("country")?,
            status: row.text("status")?,
            created_at: row.int("created_at")?,
            admin_user_id: row.opt_text("user_id")?,
            admin_email: row.opt_text("email")?,
            admin_status: row.opt_text("user_status")?,
        });
    }
    let older = older(&mut out, |o| {
        format!("{}_{}", o.created_at, o.organization_id)
    });
    Ok(Page { rows: out, older })
}
