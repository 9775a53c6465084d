//! Who may use the platform: customer organizations' standing (suspend,
//! reactivate), the handover of an organization's Customer admin to a new
//! person, and the system administrators themselves.

mod admins_page;
mod organization_page;
#[cfg(feature = "ssr")]
pub mod server;

pub use admins_page::AdminsPage;
pub use organization_page::OrganizationPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Longest suspension reason accepted.
pub const REASON_MAX: usize = 1000;

/// A person holding, or invited to, an organization's Customer admin role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgPerson {
    pub user_id: String,
    pub email: String,
    /// `invited` or `active`.
    pub status: String,
    pub created_at: i64,
    /// Expiry of the unused set-password link, if one is out.
    pub invitation_expires_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganizationDetail {
    pub organization_id: String,
    pub application_id: String,
    pub legal_name: String,
    pub country: String,
    pub city: String,
    pub contact_email: String,
    /// `active` or `suspended`.
    pub status: String,
    pub status_reason: Option<String>,
    pub status_changed_at: Option<i64>,
    pub created_at: i64,
    /// The Customer admin: the active one, or the invited one while nobody
    /// has set a password yet.
    pub admin: Option<OrgPerson>,
    /// The person invited to take over, until they set their password.
    pub pending: Option<OrgPerson>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminRow {
    pub user_id: String,
    pub email: String,
    /// `invited`, `active` or `deactivated`.
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The caller's own account (which they cannot deactivate).
    pub is_me: bool,
    pub invitation_expires_at: Option<i64>,
}

#[server(prefix = "/api", endpoint = "admin/organizations/get")]
pub async fn get_organization(id: String) -> Result<OrganizationDetail, AppError> {
    server::organization(&id).await
}

/// Suspends a customer organization: its people are signed out at once and
/// cannot sign in until it is reactivated.
#[server(prefix = "/api", endpoint = "admin/organizations/suspend")]
pub async fn suspend_organization(
    id: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    server::suspend(&id, &reason).await
}

#[server(prefix = "/api", endpoint = "admin/organizations/reactivate")]
pub async fn reactivate_organization(id: String) -> Result<(), AppError> {
    server::reactivate(&id).await
}

/// Invites a new person to become the organization's Customer admin;
/// answers the new user's id. The current admin stays until the new one
/// sets a password.
#[server(prefix = "/api", endpoint = "admin/organizations/handover")]
pub async fn start_handover(
    id: String,
    #[server(default)] email: String,
) -> Result<String, AppError> {
    server::start_handover(&id, &email).await
}

/// Withdraws the pending handover's invitation; the current admin stays.
#[server(prefix = "/api", endpoint = "admin/organizations/handover_cancel")]
pub async fn cancel_handover(id: String) -> Result<(), AppError> {
    server::cancel_handover(&id).await
}

#[server(prefix = "/api", endpoint = "admin/admins/list")]
pub async fn list_admins() -> Result<Vec<AdminRow>, AppError> {
    server::admins().await
}

/// Invites another system administrator; answers the new user's id.
#[server(prefix = "/api", endpoint = "admin/admins/invite")]
pub async fn invite_admin(#[server(default)] email: String) -> Result<String, AppError> {
    server::invite_admin(&email).await
}

/// Deactivates another system administrator and ends their sessions.
#[server(prefix = "/api", endpoint = "admin/admins/deactivate")]
pub async fn deactivate_admin(user_id: String) -> Result<(), AppError> {
    server::deactivate_admin(&user_id).await
}

#[server(prefix = "/api", endpoint = "admin/admins/reactivate")]
pub async fn reactivate_admin(user_id: String) -> Result<(), AppError> {
    server::reactivate_admin(&user_id).await
}
