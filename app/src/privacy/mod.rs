//! Privacy: the public privacy notice and terms of service, the version of
//! the terms an applicant accepts, and (server side) the retention purge of
//! rejected and withdrawn applications. Export and erasure of an attendee's
//! personal data live with the attendees.

mod pages;
#[cfg(feature = "ssr")]
pub mod purge;

pub use pages::{PrivacyPage, TermsPage};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The version of the terms of service and privacy notice the pages show
/// and an applicant accepts. It names text compiled into this program, so
/// it is a constant rather than a setting: change it with the text.
pub const TERMS_VERSION: &str = "2026-12-01";

/// The figures the privacy notice quotes from the running configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoticeFacts {
    pub terms_version: String,
    /// Days after the decision or withdrawal until a rejected or withdrawn
    /// application's personal data is purged.
    pub retention_days: i64,
    pub invitation_ttl_hours: i64,
    /// Minutes without use after which a session ends, for Customer admins
    /// and for system administrators, and hours after which any ends.
    pub session_idle_minutes: i64,
    pub session_admin_idle_minutes: i64,
    pub session_absolute_hours: i64,
}

#[server(prefix = "/api", endpoint = "privacy/facts")]
pub async fn privacy_facts() -> Result<NoticeFacts, AppError> {
    let st = crate::server::state()?;
    Ok(NoticeFacts {
        terms_version: TERMS_VERSION.to_string(),
        retention_days: st.settings.retention_days,
        invitation_ttl_hours: st.settings.invitation_ttl_hours,
        session_idle_minutes: st.settings.session_idle_minutes,
        session_admin_idle_minutes: st.settings.session_admin_idle_minutes,
        session_absolute_hours: st.settings.session_absolute_hours,
    })
}
