//! Admin console pages besides the review queue: customer organizations,
//! the outbox and the audit trail (filtered by who, what, organization and
//! dates).

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
    /// `created_at` with its time in the operator's zone.
    pub created: crate::format::Stamp,
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
    /// `at` with its time in the operator's zone.
    pub when: crate::format::Stamp,
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
    /// `created_at` with its time in the operator's zone.
    pub created: crate::format::Stamp,
    pub admin_user_id: Option<String>,
    pub admin_email: Option<String>,
    pub admin_status: Option<String>,
    /// Someone is invited to take over as Customer admin.
    pub handover_pending: bool,
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

/// The audit trail's filters, each optional; empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// Part of the actor's email or label.
    #[serde(default)]
    pub who: String,
    /// Start of the action code, e.g. `organization.`.
    #[serde(default)]
    pub action: String,
    /// An organization id, or part of an organization's name.
    #[serde(default)]
    pub organization: String,
    /// First day included, `YYYY-MM-DD` (UTC).
    #[serde(default)]
    pub from: String,
    /// Last day included, `YYYY-MM-DD` (UTC).
    #[serde(default)]
    pub to: String,
}

#[server(prefix = "/api", endpoint = "admin/audit/list")]
pub async fn list_audit(
    #[server(default)] before: String,
    #[server(default)] action: String,
    #[server(default)] who: String,
    #[server(default)] organization: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
) -> Result<Page<AuditRow>, AppError> {
    let filter = AuditFilter {
        who,
        action,
        organization,
        from,
        to,
    };
    server::audit(&before, &filter).await
}

/// Customer organizations, newest first; `q` searches names, `status` is
/// `active`, `suspended` or empty for both.
#[server(prefix = "/api", endpoint = "admin/organizations/list")]
pub async fn list_organizations(
    #[server(default)] before: String,
    #[server(default)] q: String,
    #[server(default)] status: String,
) -> Result<Page<OrganizationRow>, AppError> {
    server::organizations(&before, &q, &status).await
}
