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
    let mail_id = new_id();
    sqlx::query(
        "INSERT INTO outbox (mail_id, to_address, subject, body_text, kind, state, attempts, created_at)
         VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6)",
    )
    .bind(&mail_id)
    .bind(mail.to)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(mail.kind)
    .bind(now_ms())
    .execute(&mut **tx)
    .await
    .context("failed to write a mail to the outbox")?;
    tracing::info!(mail_id = %mail_id, kind = mail.kind, "mail queued");
    Ok(mail_id)
}
