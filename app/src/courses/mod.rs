//! Course applications: a Customer admin applies for places on a course for
//! named attendees; a system administrator accepts, waitlists or rejects.
//! Accepted places use seats the organization bought for the course first;
//! the rest take free capacity and are charged as a course fee.

mod admin_page;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use admin_page::{AdminCourseApplicationPage, AdminCourseApplicationsPage};
pub use page::{CourseApplicationPage, CourseApplicationsPage, NewCourseApplicationPage};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Rows per page of the application lists.
pub const PAGE_SIZE: usize = 25;

/// The most attendees one application may name.
pub const MAX_ATTENDEES: usize = 50;

pub const STATUSES: [(&str, &str); 5] = [
    ("submitted", "Submitted"),
    ("waitlisted", "Waitlisted"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
];

pub fn status_label(code: &str) -> &'static str {
    STATUSES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Unknown", |(_, label)| label)
}

/// A status's name in `locale`.
pub fn status_label_in(locale: crate::i18n::Locale, code: &str) -> String {
    match code {
        "submitted" => locale.t("courses-status-submitted"),
        "waitlisted" => locale.t("courses-status-waitlisted"),
        "accepted" => locale.t("courses-status-accepted"),
        "rejected" => locale.t("courses-status-rejected"),
        "cancelled" => locale.t("courses-status-cancelled"),
        _ => locale.t("courses-status-unknown"),
    }
}

/// The CSS badge for a status, reusing the review console's colours.
pub fn status_badge(code: &str) -> &'static str {
    match code {
        "accepted" => "badge badge-approved",
        "waitlisted" => "badge badge-info_requested",
        "rejected" => "badge badge-rejected",
        "cancelled" => "badge badge-withdrawn",
        _ => "badge badge-submitted",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedAttendee {
    pub attendee_id: String,
    pub name: String,
    pub email: String,
    pub job_title: String,
    /// Marked by the operator after the course.
    pub attended: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseApplication {
    pub course_application_id: String,
    pub organization_id: String,
    pub organization_name: String,
    pub service_id: String,
    pub service_title: String,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub status: String,
    pub attendees: Vec<NamedAttendee>,
    pub billing_account_id: String,
    pub billing_account_name: String,
    pub note: String,
    pub decision_reason: Option<String>,
    pub created: String,
    pub decided: Option<String>,
    pub seats_from_orders: i64,
    pub seats_charged: i64,
    /// The course fee charged at acceptance less any refund, net of VAT,
    /// and its currency.
    pub fee_minor: i64,
    pub currency: String,
    /// Whether the customer may still change attendees or withdraw: the
    /// application is open and the course has not started.
    pub changeable: bool,
    /// Whether a withdrawal now still refunds the course fee.
    pub refundable: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseApplicationRow {
    pub course_application_id: String,
    pub organization_name: String,
    pub service_id: String,
    pub service_title: String,
    pub starts: Option<String>,
    pub status: String,
    pub places: i64,
    pub created: String,
    /// `created` as an instant, for the relative date in lists.
    pub applied: crate::format::Stamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseApplicationList {
    pub rows: Vec<CourseApplicationRow>,
    pub next: Option<String>,
}

/// A course that can be applied for, for the new-application form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenCourse {
    pub service_id: String,
    pub title: String,
    pub starts: Option<String>,
    pub seats_left: Option<i64>,
}

// ---- Customer admin ----

/// The organization's applications, newest first; `status` narrows.
#[server(prefix = "/api", endpoint = "org/courses/list")]
pub async fn list_course_applications(
    #[server(default)] status: String,
    #[server(default)] after: String,
) -> Result<CourseApplicationList, AppError> {
    server::list(&status, &after).await
}

#[server(prefix = "/api", endpoint = "org/courses/get")]
pub async fn get_course_application(id: String) -> Result<CourseApplication, AppError> {
    server::get(&id).await
}

/// Published courses that have not started, soonest first.
#[server(prefix = "/api", endpoint = "org/courses/open")]
pub async fn open_courses() -> Result<Vec<OpenCourse>, AppError> {
    server::open_courses().await
}

/// Applies for places on a course. `attendee_ids` are the organization's
/// attendees (as `attendee_ids[0]`, `attendee_ids[1]`, … on the wire);
/// `key` is the form's one-time key against double submission.
#[server(prefix = "/api", endpoint = "org/courses/create")]
pub async fn apply_for_course(
    service_id: String,
    billing_account_id: String,
    #[server(default)] attendee_ids: Vec<String>,
    #[server(default)] note: String,
    key: String,
) -> Result<String, AppError> {
    server::create(&service_id, &billing_account_id, &attendee_ids, &note, &key).await
}

/// Replaces the attendees before the course starts. An accepted
/// application keeps its number of places: swap people, not seats.
#[server(prefix = "/api", endpoint = "org/courses/attendees")]
pub async fn change_attendees(
    id: String,
    #[server(default)] attendee_ids: Vec<String>,
) -> Result<(), AppError> {
    server::change_attendees(&id, &attendee_ids).await
}

/// Withdraws before the course starts; an accepted application's seats go
/// back to the course, and its fee is refunded before the deadline.
#[server(prefix = "/api", endpoint = "org/courses/withdraw")]
pub async fn withdraw_course_application(id: String) -> Result<(), AppError> {
    server::withdraw(&id).await
}

// ---- System administrator ----

/// Every organization's applications; `status` empty means the open ones
/// (submitted and waitlisted), oldest first.
#[server(prefix = "/api", endpoint = "admin/courses/list")]
pub async fn admin_list_course_applications(
    #[server(default)] status: String,
    #[server(default)] after: String,
) -> Result<CourseApplicationList, AppError> {
    server::admin_list(&status, &after).await
}

#[server(prefix = "/api", endpoint = "admin/courses/get")]
pub async fn admin_get_course_application(id: String) -> Result<CourseApplication, AppError> {
    server::admin_get(&id).await
}

/// `accept`, `waitlist` or `reject` (a reason is required to reject).
#[server(prefix = "/api", endpoint = "admin/courses/decide")]
pub async fn decide_course_application(
    id: String,
    #[server(default)] decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    server::decide(&id, &decision, &reason).await
}

/// Marks whether an attendee of an accepted application attended.
#[server(prefix = "/api", endpoint = "admin/courses/attendance")]
pub async fn mark_attendance(
    id: String,
    attendee_id: String,
    attended: bool,
) -> Result<(), AppError> {
    server::mark_attendance(&id, &attendee_id, attended).await
}
