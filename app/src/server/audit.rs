//! The audit trail: who did what to which record, and why.

use super::db::Tx;
use super::{new_id, now_ms, DbContext};
use crate::error::AppError;

pub struct Entry<'a> {
    /// `None` for the applicant or the system itself.
    pub actor_user_id: Option<&'a str>,
    /// A readable name for the actor: an admin's email, "applicant", "system".
    pub actor_label: &'a str,
    pub action: &'a str,
    pub subject_kind: &'a str,
    pub subject_id: &'a str,
    pub organization_id: Option<&'a str>,
    pub detail: &'a str,
}

pub async fn record(tx: &mut Tx, entry: Entry<'_>) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO audit_log (audit_id, at, actor_user_id, actor_label, action, subject_kind, subject_id, organization_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id())
    .bind(now_ms())
    .bind(entry.actor_user_id)
    .bind(entry.actor_label)
    .bind(entry.action)
    .bind(entry.subject_kind)
    .bind(entry.subject_id)
    .bind(entry.organization_id)
    .bind(entry.detail)
    .execute(&mut **tx)
    .await
    .context("failed to write the audit trail")?;
    Ok(())
}
