//! Support: a Customer admin's requests to the operator, and questions from
//! anonymous visitors sent through the public contact form. System
//! administrators answer both from one inbox; answers are mailed through
//! the outbox.

mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::{AdminSupportPage, ContactPage, SupportPage};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::validate;

/// A thread's subject: one line, 2 to 200 characters.
pub fn subject(value: &str) -> Result<String, String> {
    let value = validate::message(value, "Subject")?;
    if value.chars().count() < 2 {
        return Err("Subject must be at least 2 characters.".into());
    }
    if value.chars().count() > 200 {
        return Err("Subject must be at most 200 characters.".into());
    }
    if value.contains(['\n', '\r', '\t']) {
        return Err("Subject must be one line.".into());
    }
    Ok(value)
}

/// A message in a thread (1 to 4000 characters).
pub fn body(value: &str) -> Result<String, String> {
    validate::message(value, "Message")
}

/// The subject of every thread opened through the public contact form.
pub const CONTACT_SUBJECT: &str = "Question about applying";

/// Checks the public contact form; every field's message at once.
pub fn parse_contact(
    name: &str,
    email: &str,
    message: &str,
) -> Result<(String, String, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = errors.check("name", validate::contact_name(name));
    let email = errors.check("email", validate::Email::parse(email));
    let message = errors.check("message", body(message));
    match (name, email, message) {
        (Some(n), Some(e), Some(m)) if errors.is_empty() => Ok((n, e.as_str().to_string(), m)),
        _ => Err(errors),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    pub thread_id: String,
    pub subject: String,
    /// `open` or `answered`.
    pub status: String,
    /// Opened through the public contact form.
    pub is_public: bool,
    pub organization_name: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    /// For the customer: a reply they have not read; for an administrator:
    /// a message no administrator has read.
    pub unread: bool,
    pub created_at: i64,
    pub last_message_at: i64,
    /// `last_message_at` with its time in the viewer's zone.
    pub last_activity: crate::format::Stamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// `customer`, `visitor` or `operator`.
    pub author_kind: String,
    pub author_label: String,
    pub body: String,
    pub created_at: i64,
    /// `created_at` with its time in the viewer's zone.
    pub sent: crate::format::Stamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    pub summary: ThreadSummary,
    pub messages: Vec<Message>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxPage {
    pub threads: Vec<ThreadSummary>,
    /// Cursor for the next page, if there is one.
    pub next: Option<String>,
}

/// Opens a support request for the caller's organization; answers its id.
#[server(prefix = "/api", endpoint = "support/open")]
pub async fn open_request(
    #[server(default)] subject: String,
    #[server(default)] message: String,
) -> Result<String, AppError> {
    server::open(&subject, &message).await
}

/// The organization's threads, latest activity first.
#[server(prefix = "/api", endpoint = "support/list")]
pub async fn list_requests() -> Result<Vec<ThreadSummary>, AppError> {
    server::list().await
}

/// One of the organization's threads; marks the replies read.
#[server(prefix = "/api", endpoint = "support/thread")]
pub async fn get_request(id: String) -> Result<Thread, AppError> {
    server::thread(&id).await
}

#[server(prefix = "/api", endpoint = "support/reply")]
pub async fn reply_request(id: String, #[server(default)] message: String) -> Result<(), AppError> {
    server::reply(&id, &message).await
}

/// The public contact form: no account needed; rate limited per address.
#[server(prefix = "/api", endpoint = "support/contact")]
pub async fn contact(
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] message: String,
) -> Result<(), AppError> {
    server::contact(&name, &email, &message).await
}

/// The support inbox: `open` or `answered` threads, oldest first, 25 a page.
#[server(prefix = "/api", endpoint = "admin/support/inbox")]
pub async fn inbox(
    #[server(default)] status: String,
    #[server(default)] after: String,
) -> Result<InboxPage, AppError> {
    server::inbox(&status, &after).await
}

/// Any thread; marks the customer's messages read.
#[server(prefix = "/api", endpoint = "admin/support/thread")]
pub async fn admin_thread(id: String) -> Result<Thread, AppError> {
    server::admin_thread(&id).await
}

/// Answers a thread and mails the answer to the customer or visitor.
#[server(prefix = "/api", endpoint = "admin/support/reply")]
pub async fn admin_reply(id: String, #[server(default)] message: String) -> Result<(), AppError> {
    server::admin_reply(&id, &message).await
}
