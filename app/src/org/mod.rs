//! The organization as the operator knows it: its details (shown on the
//! dashboard and edited on the details page) and its time zone.

mod details;
mod time_zone;

pub use details::{OrgDetailsInput, OrgDetailsPage};
pub use time_zone::{get_time_zone, update_time_zone, TimeZoneCard, TimeZoneSetting};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgOverview {
    pub legal_name: String,
    pub registration_id: String,
    pub country: String,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub website: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub phone: String,
    pub org_type: String,
    pub org_size: String,
    pub status: String,
    pub customer_since: i64,
    pub admin_email: String,
}

#[server(prefix = "/api", endpoint = "org/home")]
pub async fn org_home() -> Result<OrgOverview, AppError> {
    use crate::server::auth::require_customer;
    use crate::server::db::RowExt;
    use crate::server::{state, DbContext};

    let st = state()?;
    let customer = require_customer(&st).await?;
    let row = sqlx::query(
        "SELECT legal_name, registration_id, country, street_address, postal_code, city, website,
                contact_name, contact_email, phone, org_type, org_size, status, created_at
         FROM organization WHERE organization_id = $1",
    )
    .bind(&customer.organization_id)
    .fetch_optional(st.db.pool())
    .await
    .context("failed to load the organization")?
    .ok_or_else(|| AppError::NotFound(crate::i18n::request_locale().t("dashboard-not-found")))?;
    Ok(OrgOverview {
        legal_name: row.text("legal_name")?,
        registration_id: row.text("registration_id")?,
        country: row.text("country")?,
        street_address: row.text("street_address")?,
        postal_code: row.text("postal_code")?,
        city: row.text("city")?,
        website: row.opt_text("website")?,
        contact_name: row.text("contact_name")?,
        contact_email: row.text("contact_email")?,
        phone: row.text("phone")?,
        org_type: row.text("org_type")?,
        org_size: row.text("org_size")?,
        status: row.text("status")?,
        customer_since: row.int("created_at")?,
        admin_email: customer.email,
    })
}
