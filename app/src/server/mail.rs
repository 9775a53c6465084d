//! Every email goes into the outbox table first. While no SMTP server is
//! configured, system administrators read mail there.

use super::db::Tx;
use super::{new_id, now_ms, DbContext};
use crate::error::AppError;

pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// A short machine name such as `invitation`; the only part of a mail
    /// that reaches the logs besides its id.
    pub kind: &'a str,
}

pub async fn enqueue(tx: &mut Tx, mail: Mail<'_>) -> Result<String, AppError> {
    insert(tx, mail, None).await
}

/// A mail to an applicant about their application: the retention purge
/// deletes it together with the application's personal data.
pub async fn enqueue_for_application(
    tx: &mut Tx,
    mail: Mail<'_>,
    application_id: &str,
) -> Result<String, AppError> {
    insert(tx, mail, Some(application_id)).await
}

async fn insert(
    tx: &mut Tx,
    mail: Mail<'_>,
    application_id: Option<&str>,
) -> Result<String, AppError> {
    let mail_id = new_id();
    sqlx::query(
        "INSERT INTO outbox (mail_id, to_address, subject, body_text, kind, state, attempts,
            created_at, application_id)
         VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6, $7)",
    )
    .bind(&mail_id)
    .bind(mail.to)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(mail.kind)
    .bind(now_ms())
    .bind(application_id)
    .execute(&mut **tx)
    .await
    .context("failed to write a mail to the outbox")?;
    tracing::info!(mail_id = %mail_id, kind = mail.kind, "mail queued");
    Ok(mail_id)
}
