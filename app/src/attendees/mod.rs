//! Attendees: the people an organization sends to courses, reused across
//! course applications, with CSV export and an all-or-nothing CSV import,
//! and one person's personal data exported as JSON or erased.

mod page;
#[cfg(feature = "ssr")]
mod personal;
mod personal_page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::AttendeesPage;
pub use personal_page::AttendeePersonalDataPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::validate::{self, Email};

/// Rows per page of the attendee list.
pub const PAGE_SIZE: usize = 50;

/// The columns of the CSV file, in the order export writes them.
pub const CSV_COLUMNS: [&str; 3] = ["name", "email", "job_title"];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttendeeInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub job_title: String,
}

/// Validated values, ready to store (the email still as typed).
#[derive(Clone, Debug, PartialEq)]
pub struct AttendeeValues {
    pub name: String,
    pub email: Email,
    pub job_title: String,
}

impl AttendeeInput {
    pub fn parse(&self) -> Result<AttendeeValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.check("name", validate::person_name(&self.name));
        let email = errors.check("email", Email::parse(&self.email));
        let job_title = errors.check("job_title", validate::job_title(&self.job_title));
        match (name, email, job_title) {
            (Some(name), Some(email), Some(job_title)) if errors.is_empty() => Ok(AttendeeValues {
                name,
                email,
                job_title,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub attendee_id: String,
    pub name: String,
    pub email: String,
    pub job_title: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendeePage {
    pub rows: Vec<Attendee>,
    /// Cursor of the next page, when there is one.
    pub next: Option<String>,
    /// Attendees matching the search, across all pages.
    pub total: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub count: usize,
}

/// A page of attendees in name order; `q` searches names and emails,
/// `after` is the previous page's `next`.
#[server(prefix = "/api", endpoint = "org/attendees/list")]
pub async fn list_attendees(
    #[server(default)] q: String,
    #[server(default)] after: String,
) -> Result<AttendeePage, AppError> {
    server::list(&q, &after).await
}

#[server(prefix = "/api", endpoint = "org/attendees/create")]
pub async fn create_attendee(attendee: AttendeeInput) -> Result<String, AppError> {
    server::create(&attendee).await
}

#[server(prefix = "/api", endpoint = "org/attendees/update")]
pub async fn update_attendee(id: String, attendee: AttendeeInput) -> Result<(), AppError> {
    server::update(&id, &attendee).await
}

#[server(prefix = "/api", endpoint = "org/attendees/delete")]
pub async fn delete_attendee(id: String) -> Result<(), AppError> {
    server::delete(&id).await
}

/// Every attendee as CSV text (UTF-8, a header row, RFC 4180 quoting).
#[server(prefix = "/api", endpoint = "org/attendees/export")]
pub async fn export_attendees() -> Result<String, AppError> {
    server::export().await
}

/// Imports CSV text with a header row naming `name`, `email` and optionally
/// `job_title`. Any bad row imports nothing; the 422 answer lists every bad
/// row as (`line N, column`, reason).
#[server(prefix = "/api", endpoint = "org/attendees/import")]
pub async fn import_attendees(csv: String) -> Result<Imported, AppError> {
    server::import(&csv).await
}

/// The name an erased attendee is shown under, on course applications and
/// wherever else the row is still referenced.
pub const ERASED_NAME: &str = "Erased attendee";

/// Everything Coursegate holds about one attendee: what the JSON export
/// downloads and the personal-data page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendeeData {
    /// When the export was made, in the organization's time zone.
    pub exported_at: String,
    pub organization: String,
    pub attendee: Attendee,
    /// The record's `created_at` and `updated_at` as the organization
    /// reads them.
    pub added: String,
    pub last_changed: String,
    pub course_applications: Vec<AttendeeCourse>,
    /// Changes made to the attendee record (by whom and when).
    pub history: Vec<AttendeeEvent>,
}

/// A course application that names the attendee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendeeCourse {
    pub course_application_id: String,
    pub course: String,
    pub starts: Option<String>,
    pub status: String,
    pub applied: String,
    pub decided: Option<String>,
    /// Marked by the operator after the course; `None` until then.
    pub attended: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendeeEvent {
    pub at: String,
    pub action: String,
    pub by: String,
}

/// One attendee's personal data, for the page and the JSON download.
#[server(prefix = "/api", endpoint = "org/attendees/personal_data")]
pub async fn attendee_personal_data(id: String) -> Result<AttendeeData, AppError> {
    personal::export(&id).await
}

/// Erases an attendee's personal data: `confirm` must be "on" (the
/// confirmation box). Course applications, attendance and the ledger keep
/// their rows and numbers; the person is shown as "Erased attendee".
#[server(prefix = "/api", endpoint = "org/attendees/erase")]
pub async fn erase_attendee(
    id: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    personal::erase(&id, &confirm).await?;
    leptos_axum::redirect("/org/attendees?erased=1");
    Ok(())
}
