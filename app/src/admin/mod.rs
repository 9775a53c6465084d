//! Admin console pages besides the review queue: customer organizations,
//! the outbox and the audit trail.

mod pages;
#[cfg(feature = "ssr")]
mod server;

pub use pages::{AuditPage, OrganizationsPage, OutboxPage};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Rows per page of the outbox and the audit trail.
pub const LOG_PAGE: usize = 50;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailRow {
    pub mail_id: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub kind: String,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxView {
    pub page: Page<MailRow>,
    /// Whether an SMTP server is configured (otherwise mail is read here).
    pub delivering: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub organization: Option<String>,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganizationRow {
    pub organization_id: String,
    pub application_id: String,
    pub legal_name: String,
    pub country: String,
    pub status: String,
    pub created_at: i64,
    pub admin_user_id: Option<String>,
    pub admin_email: Option<String>,
    pub admin_status: Option<String>,
}

/// A page of rows, newest first, with the cursor of the next (older) page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub older: Option<String>,
}

#[server(prefix = "/api", endpoint = "admin/outbox/list")]
pub async fn list_outbox(#[server(default)] before: String) -> Result<OutboxView, AppError> {
    server::outbox(&before).await
}

/// Puts a failed mail back in the queue for an immediate new attempt.
#[server(prefix = "/api", endpoint = "admin/outbox/retry")]
pub async fn retry_mail(mail_id: String) -> Result<(), AppError> {
    server::retry(&mail_id).await
}

#[server(prefix = "/api", endpoint = "admin/audit/list")]
pub async fn list_audit(
    #[server(default)] before: String,
    #[server(default)] action: String,
) -> Result<Page<AuditRow>, AppError> {
    server::audit(&before, &action).await
}

#[server(prefix = "/api", endpoint = "admin/organizations/list")]
pub async fn list_organizations(
    #[server(default)] before: String,
) -> Result<Page<OrganizationRow>, AppError> {
    server::organizations(&before).await
}
