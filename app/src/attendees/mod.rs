//! Attendees: the people an organization sends to courses, reused across
//! course applications, with CSV export and an all-or-nothing CSV import.

mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::AttendeesPage;

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
