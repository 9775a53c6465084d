//! Support queries and changes. A Customer admin's statements are scoped by
//! their organization, so another organization's thread id finds nothing
//! (404). Public contact threads have no organization and are reachable
//! only by system administrators.

use super::{InboxPage, Message, Thread, ThreadSummary, CONTACT_SUBJECT};
use crate::error::{AppError, FieldErrors};
use crate::format::Stamp;
use crate::i18n::request_locale;
use crate::review::server::text_error;
use crate::server::audit::{self, Entry};
use crate::server::auth::{require_admin, require_customer};
use crate::server::db::{Row, RowExt, Tx};
use crate::server::mail::{self, Mail};
use crate::server::{new_id, now_ms, state, tz, AppState, DbContext};
use jiff::tz::TimeZone;

const PAGE: i64 = 25;

const COLUMNS: &str = "t.thread_id, t.organization_id, t.contact_name, t.contact_email, t.subject,
    t.status, t.customer_unread, t.admin_unread, t.created_at, t.last_message_at,
    o.legal_name AS organization_name";

const FROM: &str =
    "FROM support_thread t LEFT JOIN organization o ON o.organization_id = t.organization_id";

fn not_found() -> AppError {
    AppError::NotFound(request_locale().t("support-error-not-found"))
}

/// A support form's validator message in the request's language, with the
/// field named by its translated label.
fn localized(field: &str, message: &str) -> String {
    let l = request_locale();
    match field {
        "subject" if message == "Subject must be one line." => l.t("support-error-subject-line"),
        "subject" => text_error(l, message, "Subject", "support-subject"),
        "message" => text_error(l, message, "Message", "support-message"),
        _ => message.to_string(),
    }
}

fn one_field(field: &str, result: Result<String, String>) -> Result<String, AppError> {
    result.map_err(|message| {
        let mut errors = FieldErrors::default();
        errors.push(field, localized(field, &message));
        AppError::Validation(errors)
    })
}

fn to_summary(row: &Row, for_admin: bool) -> Result<ThreadSummary, AppError> {
    let unread_column = if for_admin {
        "admin_unread"
    } else {
        "customer_unread"
    };
    Ok(ThreadSummary {
        thread_id: row.text("thread_id")?,
        subject: row.text("subject")?,
        status: row.text("status")?,
        is_public: row.opt_text("organization_id")?.is_none(),
        organization_name: row.opt_text("organization_name")?,
        contact_name: row.text("contact_name")?,
        contact_email: row.text("contact_email")?,
        unread: row.int(unread_column)? != 0,
        created_at: row.int("created_at")?,
        last_message_at: row.int("last_message_at")?,
        // In UTC until `in_zone` puts it in the viewer's zone.
        last_activity: Stamp::utc(row.int("last_message_at")?),
    })
}

/// The summary's dates in the viewer's zone.
fn in_zone(mut summary: ThreadSummary, zone: &TimeZone) -> ThreadSummary {
    summary.last_activity = tz::stamp(summary.last_message_at, zone);
    summary
}

async fn begin(st: &AppState) -> Result<Tx, AppError> {
    st.db
        .begin_write()
        .await
        .context("failed to start a transaction")
}

async fn add_message(
    tx: &mut Tx,
    thread_id: &str,
    kind: &str,
    label: &str,
    body: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO support_message (message_id, thread_id, author_kind, author_label, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(thread_id)
    .bind(kind)
    .bind(label)
    .bind(body)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("failed to store a support message")?;
    Ok(())
}

async fn messages(tx: &mut Tx, thread_id: &str, zone: &TimeZone) -> Result<Vec<Message>, AppError> {
    let rows = sqlx::query(
        "SELECT author_kind, author_label, body, created_at FROM support_message
         WHERE thread_id = $1 ORDER BY created_at, message_id",
    )
    .bind(thread_id)
    .fetch_all(&mut **tx)
    .await
    .context("failed to load support messages")?;
    rows.iter()
        .map(|row| {
            Ok(Message {
                author_kind: row.text("author_kind")?,
                author_label: row.text("author_label")?,
                body: row.text("body")?,
                created_at: row.int("created_at")?,
                sent: tz::stamp(row.int("created_at")?, zone),
            })
        })
        .collect()
}

/// The thread, locked for the rest of the transaction; `organization_id`
/// scopes it for a Customer admin.
async fn load(
    st: &AppState,
    tx: &mut Tx,
    id: &str,
    organization_id: Option<&str>,
    for_admin: bool,
) -> Result<ThreadSummary, AppError> {
    let lock = st.db.for_update_of("t");
    let scoped =
        format!("SELECT {COLUMNS} {FROM} WHERE t.thread_id = $1 AND t.organization_id = $2{lock}");
    let any = format!("SELECT {COLUMNS} {FROM} WHERE t.thread_id = $1{lock}");
    let row = match organization_id {
        Some(org) => sqlx::query(&scoped).bind(id).bind(org),
        None => sqlx::query(&any).bind(id),
    }
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the support request")?
    .ok_or_else(not_found)?;
    to_summary(&row, for_admin)
}

struct Actor<'a> {
    user_id: Option<&'a str>,
    label: &'a str,
}

async fn record(
    tx: &mut Tx,
    actor: Actor<'_>,
    action: &str,
    thread_id: &str,
    organization_id: Option<&str>,
    detail: &str,
) -> Result<(), AppError> {
    audit::record(
        tx,
        Entry {
            actor_user_id: actor.user_id,
            actor_label: actor.label,
            action,
            subject_kind: "support_thread",
            subject_id: thread_id,
            organization_id,
            detail,
        },
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn insert_thread(
    tx: &mut Tx,
    id: &str,
    organization_id: Option<&str>,
    user_id: Option<&str>,
    name: &str,
    email: &str,
    subject: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO support_thread (thread_id, organization_id, opened_by_user_id, contact_name,
            contact_email, subject, status, customer_unread, admin_unread, created_at, last_message_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', 0, 1, $7, $7)",
    )
    .bind(id)
    .bind(organization_id)
    .bind(user_id)
    .bind(name)
    .bind(email)
    .bind(subject)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("failed to store a support request")?;
    Ok(())
}

pub async fn open(subject: &str, message: &str) -> Result<String, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let mut errors = FieldErrors::default();
    let subject = errors.check(
        "subject",
        super::subject(subject).map_err(|m| localized("subject", &m)),
    );
    let message = errors.check(
        "message",
        super::body(message).map_err(|m| localized("message", &m)),
    );
    let (Some(subject), Some(message)) = (subject, message) else {
        return Err(AppError::Validation(errors));
    };

    let id = new_id();
    let now = now_ms();
    let mut tx = begin(&st).await?;
    insert_thread(
        &mut tx,
        &id,
        Some(&customer.organization_id),
        Some(&customer.user_id),
        &customer.email,
        &customer.email,
        &subject,
        now,
    )
    .await?;
    add_message(&mut tx, &id, "customer", &customer.email, &message, now).await?;
    record(
        &mut tx,
        Actor {
            user_id: Some(&customer.user_id),
            label: &customer.email,
        },
        "support.open",
        &id,
        Some(&customer.organization_id),
        &subject,
    )
    .await?;
    tx.commit().await.context("failed to commit")?;
    Ok(id)
}

pub async fn list() -> Result<Vec<ThreadSummary>, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE t.organization_id = $1
         ORDER BY t.last_message_at DESC, t.thread_id"
    ))
    .bind(&customer.organization_id)
    .fetch_all(st.db.pool())
    .await
    .context("failed to list support requests")?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    rows.iter()
        .map(|row| Ok(in_zone(to_summary(row, false)?, &zone)))
        .collect()
}

pub async fn thread(id: &str) -> Result<Thread, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    // Read before the transaction, which holds the write lock on SQLite.
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let mut tx = begin(&st).await?;
    let summary = load(&st, &mut tx, id, Some(&customer.organization_id), false).await?;
    if summary.unread {
        sqlx::query("UPDATE support_thread SET customer_unread = 0 WHERE thread_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .context("failed to mark a support request read")?;
    }
    let summary = in_zone(summary, &zone);
    let messages = messages(&mut tx, id, &zone).await?;
    tx.commit().await.context("failed to commit")?;
    Ok(Thread { summary, messages })
}

pub async fn reply(id: &str, message: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let message = one_field("message", super::body(message))?;
    let mut tx = begin(&st).await?;
    load(&st, &mut tx, id, Some(&customer.organization_id), false).await?;
    let now = now_ms();
    add_message(&mut tx, id, "customer", &customer.email, &message, now).await?;
    sqlx::query(
        "UPDATE support_thread SET status = 'open', admin_unread = 1, customer_unread = 0,
            last_message_at = $2 WHERE thread_id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to update a support request")?;
    record(
        &mut tx,
        Actor {
            user_id: Some(&customer.user_id),
            label: &customer.email,
        },
        "support.reply",
        id,
        Some(&customer.organization_id),
        "",
    )
    .await?;
    tx.commit().await.context("failed to commit")?;
    Ok(())
}

pub async fn contact(name: &str, email: &str, message: &str) -> Result<(), AppError> {
    let st = state()?;
    st.limits.contact()?;
    let (name, email, message) = super::parse_contact(name, email, message).map_err(|errors| {
        let errors = errors
            .0
            .into_iter()
            .map(|(field, m)| {
                let m = localized(&field, &m);
                (field, m)
            })
            .collect();
        AppError::Validation(FieldErrors(errors))
    })?;
    let id = new_id();
    let now = now_ms();
    let mut tx = begin(&st).await?;
    insert_thread(
        &mut tx,
        &id,
        None,
        None,
        &name,
        &email,
        CONTACT_SUBJECT,
        now,
    )
    .await?;
    add_message(&mut tx, &id, "visitor", &name, &message, now).await?;
    record(
        &mut tx,
        Actor {
            user_id: None,
            label: "visitor",
        },
        "support.contact",
        &id,
        None,
        "",
    )
    .await?;
    tx.commit().await.context("failed to commit")?;
    Ok(())
}

/// `after` is the previous page's `next`: `{created_at}:{thread_id}`.
pub async fn inbox(status: &str, after: &str) -> Result<InboxPage, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let status = match status {
        "" | "open" => "open",
        "answered" => "answered",
        _ => {
            return Err(AppError::BadRequest(
                request_locale().t("support-error-status"),
            ))
        }
    };
    let (after_at, after_id) = if after.is_empty() {
        (i64::MIN, String::new())
    } else {
        after
            .split_once(':')
            .and_then(|(at, id)| Some((at.parse::<i64>().ok()?, id.to_string())))
            .ok_or_else(|| AppError::BadRequest(request_locale().t("queue-error-cursor")))?
    };
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE t.status = $1
           AND (t.created_at > $2 OR (t.created_at = $2 AND t.thread_id > $3))
         ORDER BY t.created_at, t.thread_id LIMIT $4"
    ))
    .bind(status)
    .bind(after_at)
    .bind(&after_id)
    .bind(PAGE + 1)
    .fetch_all(st.db.pool())
    .await
    .context("failed to list the support inbox")?;
    let zone = tz::for_organization(&st, None).await?;
    let mut threads = rows
        .iter()
        .map(|row| Ok(in_zone(to_summary(row, true)?, &zone)))
        .collect::<Result<Vec<_>, AppError>>()?;
    let next = if threads.len() as i64 > PAGE {
        threads.truncate(PAGE as usize);
        threads
            .last()
            .map(|t| format!("{}:{}", t.created_at, t.thread_id))
    } else {
        None
    };
    Ok(InboxPage { threads, next })
}

pub async fn admin_thread(id: &str) -> Result<Thread, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let zone = tz::for_organization(&st, None).await?;
    let mut tx = begin(&st).await?;
    let summary = load(&st, &mut tx, id, None, true).await?;
    if summary.unread {
        sqlx::query("UPDATE support_thread SET admin_unread = 0 WHERE thread_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .context("failed to mark a support request read")?;
    }
    let summary = in_zone(summary, &zone);
    let messages = messages(&mut tx, id, &zone).await?;
    tx.commit().await.context("failed to commit")?;
    Ok(Thread { summary, messages })
}

pub async fn admin_reply(id: &str, message: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let message = one_field("message", super::body(message))?;
    let mut tx = begin(&st).await?;
    let thread = load(&st, &mut tx, id, None, true).await?;
    let now = now_ms();
    add_message(&mut tx, id, "operator", "Coursegate support", &message, now).await?;
    sqlx::query(
        "UPDATE support_thread SET status = 'answered', admin_unread = 0, customer_unread = $2,
            last_message_at = $3 WHERE thread_id = $1",
    )
    .bind(id)
    .bind(i64::from(!thread.is_public))
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to update a support request")?;
    // The recipient's language: a Customer admin's is their organization's
    // (the one it applied in); a visitor's is not recorded, so the answering
    // administrator's request decides.
    let organization_id: Option<String> =
        sqlx::query_scalar("SELECT organization_id FROM support_thread WHERE thread_id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .context("failed to read the support request")?;
    let locale = match &organization_id {
        Some(org) => crate::accounts::server::organization_locale(&mut *tx, org).await?,
        None => None,
    }
    .unwrap_or_else(request_locale);
    let mail_subject = format!("Re: {}", thread.subject);
    let mail_body = if thread.is_public {
        locale.t_args(
            "support-mail-public-body",
            &[
                ("name", thread.contact_name.as_str().into()),
                ("message", message.as_str().into()),
                ("link", format!("{}/apply", st.settings.public_url).into()),
            ],
        )
    } else {
        locale.t_args(
            "support-mail-reply-body",
            &[
                ("subject", thread.subject.as_str().into()),
                ("message", message.as_str().into()),
                ("link", format!("{}/support", st.settings.public_url).into()),
            ],
        )
    };
    mail::enqueue(
        &mut tx,
        Mail {
            to: &thread.contact_email,
            subject: &mail_subject,
            body: &mail_body,
            kind: "support_reply",
        },
    )
    .await?;
    record(
        &mut tx,
        Actor {
            user_id: Some(&admin.user_id),
            label: &admin.email,
        },
        "support.answer",
        id,
        organization_id.as_deref(),
        "",
    )
    .await?;
    tx.commit().await.context("failed to commit")?;
    Ok(())
}
