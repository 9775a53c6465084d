//! The review console: the application queue and the decisions on it.

mod detail;
mod queue;
#[cfg(feature = "ssr")]
pub mod server;

pub use detail::ApplicationDetailPage;
pub use queue::QueuePage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::applications::{ApplicationInput, Status, TimelineEntry};
use crate::error::AppError;

/// Rows per page of the queue.
pub const PAGE_SIZE: usize = 25;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueSummary {
    pub counts: Vec<(Status, i64)>,
    /// Latest change anywhere in the queue; the console refetches its page
    /// when this moves.
    pub changed_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueRow {
    pub application_id: String,
    pub legal_name: String,
    pub country: String,
    pub registration_id: String,
    pub contact_email: String,
    pub status: Status,
    pub created_at: i64,
    /// `created_at` with its time in the operator's zone.
    pub submitted: crate::format::Stamp,
    pub claimed_by: Option<String>,
    pub possible_duplicate: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuePageData {
    pub rows: Vec<QueueRow>,
    /// Cursor of the next page, when there is one.
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuplicateHint {
    pub reason: String,
    pub other: String,
    /// Review-console path of the other application, when it is one.
    pub link: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerAccount {
    pub organization_id: String,
    pub user_id: String,
    pub email: String,
    pub user_status: String,
    pub invitation_expires_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub application_id: String,
    pub status: Status,
    pub values: ApplicationInput,
    pub created_at: i64,
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
    pub info_request: Option<(String, Vec<String>)>,
    pub rejection_reason: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub duplicates: Vec<DuplicateHint>,
    pub account: Option<CustomerAccount>,
    /// The terms version the applicant accepted and when; `None` for
    /// applications sent before versions were recorded.
    pub terms: Option<(String, i64)>,
    /// When the retention purge removed the personal data.
    pub purged_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Approved {
    pub organization_id: String,
    pub user_id: String,
}

#[server(prefix = "/api", endpoint = "admin/applications/counts")]
pub async fn queue_counts() -> Result<QueueSummary, AppError> {
    server::counts().await
}

#[server(prefix = "/api", endpoint = "admin/applications/list")]
pub async fn list_applications(
    #[server(default)] status: String,
    #[server(default)] q: String,
    #[server(default)] after: String,
) -> Result<QueuePageData, AppError> {
    server::list(&status, &q, &after).await
}

#[server(prefix = "/api", endpoint = "admin/applications/get")]
pub async fn get_application(id: String) -> Result<ApplicationDetail, AppError> {
    server::get(&id).await
}

#[server(prefix = "/api", endpoint = "admin/applications/claim")]
pub async fn claim_application(
    id: String,
    #[server(default)] take_over: bool,
) -> Result<(), AppError> {
    server::claim(&id, take_over).await
}

#[server(prefix = "/api", endpoint = "admin/applications/request_info")]
pub async fn request_info(
    id: String,
    #[server(default)] fields: String,
    #[server(default)] message: String,
) -> Result<(), AppError> {
    server::request_info(&id, &fields, &message).await
}

#[server(prefix = "/api", endpoint = "admin/applications/approve")]
pub async fn approve_application(
    id: String,
    #[server(default)] admin_email: String,
) -> Result<Approved, AppError> {
    server::approve(&id, &admin_email).await
}

#[server(prefix = "/api", endpoint = "admin/applications/reject")]
pub async fn reject_application(
    id: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    server::reject(&id, &reason).await
}

#[server(prefix = "/api", endpoint = "admin/invitations/resend")]
pub async fn resend_invitation(user_id: String) -> Result<i64, AppError> {
    server::resend_invitation(&user_id).await
}
