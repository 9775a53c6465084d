//! SMTP delivery from the outbox.
//!
//! Every server runs the same worker loop; the database decides who sends
//! what. A worker takes one due mail in a write transaction (row-locked on
//! PostgreSQL, under the write lock on SQLite), marks it `sending` with a
//! lease, sends it outside the transaction, then records `sent`, or
//! schedules a retry with exponential backoff, or — after the last attempt
//! — `failed`. A worker that dies mid-send leaves the lease to expire, and
//! the mail is taken again.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::watch;

use super::db::RowExt;
use super::{now_ms, AppState, DbContext};
use crate::error::AppError;

/// How long a taken mail is reserved for its worker.
const LEASE_MS: i64 = 120_000;
/// How often an idle worker looks for due mail.
const IDLE_POLL: Duration = Duration::from_secs(2);
/// Longest wait between two attempts.
const MAX_BACKOFF_MS: i64 = 3_600_000;

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `None` when no SMTP URL is configured.
    pub fn from_settings(settings: &super::Settings) -> Result<Option<Self>, String> {
        let url = settings.smtp_url.expose();
        if url.is_empty() {
            return Ok(None);
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("COURSEGATE_SMTP_URL is not usable: {e}"))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let from = settings
            .mail_from
            .parse()
            .map_err(|e| format!("COURSEGATE_MAIL_FROM is not a mailbox: {e}"))?;
        Ok(Some(Self { transport, from }))
    }
}

/// Runs until `stop` turns true.
pub async fn run(state: AppState, mailer: Mailer, mut stop: watch::Receiver<bool>) {
    tracing::info!("mail delivery started");
    loop {
        if *stop.borrow() {
            break;
        }
        let idle = match deliver_one(&state, &mailer).await {
            Ok(sent_or_tried) => !sent_or_tried,
            Err(_) => true,
        };
        if idle {
            tokio::select! {
                _ = tokio::time::sleep(IDLE_POLL) => {}
                _ = stop.changed() => {}
            }
        }
    }
    tracing::info!("mail delivery stopped");
}

struct Taken {
    mail_id: String,
    to: String,
    subject: String,
    body: String,
    kind: String,
    attempts: i64,
}

/// Takes one due mail and tries it. `Ok(false)` when nothing was due.
pub async fn deliver_one(state: &AppState, mailer: &Mailer) -> Result<bool, AppError> {
    let Some(mail) = take_due(state).await? else {
        return Ok(false);
    };
    let outcome = send(mailer, &mail).await;
    let now = now_ms();
    match outcome {
        Ok(()) => {
            sqlx::query(
                "UPDATE outbox SET state = 'sent', sent_at = $2, last_error = NULL
                 WHERE mail_id = $1 AND state = 'sending'",
            )
            .bind(&mail.mail_id)
            .bind(now)
            .execute(state.db.pool())
            .await
            .context("failed to mark a mail sent")?;
            tracing::info!(mail_id = %mail.mail_id, kind = %mail.kind, attempts = mail.attempts, "mail sent");
        }
        Err(error) => {
            let last = mail.attempts >= state.settings.mail_max_attempts || error.permanent;
            let backoff = (state.settings.mail_retry_seconds * 1000)
                .saturating_mul(1_i64 << (mail.attempts - 1).clamp(0, 20))
                .min(MAX_BACKOFF_MS);
            sqlx::query(
                "UPDATE outbox SET state = $2, next_attempt_at = $3, last_error = $4
                 WHERE mail_id = $1 AND state = 'sending'",
            )
            .bind(&mail.mail_id)
            .bind(if last { "failed" } else { "queued" })
            .bind(now + backoff)
            .bind(&error.message)
            .execute(state.db.pool())
            .await
            .context("failed to record a delivery failure")?;
            tracing::warn!(
                mail_id = %mail.mail_id,
                kind = %mail.kind,
                attempts = mail.attempts,
                failed = last,
                error = %error.message,
                "mail delivery failed"
            );
        }
    }
    Ok(true)
}

async fn take_due(state: &AppState) -> Result<Option<Taken>, AppError> {
    let now = now_ms();
    let mut tx = state
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = sqlx::query(&format!(
        "SELECT mail_id, to_address, subject, body_text, kind, attempts FROM outbox
         WHERE state IN ('queued', 'sending') AND next_attempt_at <= $1
         ORDER BY next_attempt_at, created_at LIMIT 1{}",
        state.db.for_update()
    ))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to look for due mail")?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mail_id = row.text("mail_id")?;
    let taken = sqlx::query(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = $2
         WHERE mail_id = $1 AND next_attempt_at <= $3",
    )
    .bind(&mail_id)
    .bind(now + LEASE_MS)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to take a mail")?;
    tx.commit()
        .await
        .context("failed to commit taking a mail")?;
    if taken.rows_affected() != 1 {
        return Ok(None);
    }
    Ok(Some(Taken {
        mail_id,
        to: row.text("to_address")?,
        subject: row.text("subject")?,
        body: row.text("body_text")?,
        kind: row.text("kind")?,
        attempts: row.int("attempts")? + 1,
    }))
}

struct SendError {
    message: String,
    /// Retrying cannot help (a malformed address, a permanent SMTP reply).
    permanent: bool,
}

async fn send(mailer: &Mailer, mail: &Taken) -> Result<(), SendError> {
    let to: Mailbox = mail.to.parse().map_err(|e| SendError {
        message: format!("bad recipient address: {e}"),
        permanent: true,
    })?;
    let message = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| SendError {
            message: format!("cannot build the message: {e}"),
            permanent: true,
        })?;
    mailer
        .transport
        .send(message)
        .await
        .map(drop)
        .map_err(|e| SendError {
            permanent: e.is_permanent(),
            message: e.to_string().chars().take(500).collect(),
        })
}
