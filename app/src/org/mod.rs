//! The Customer admin's home: the organization as the operator knows it.

mod details;
mod time_zone;

pub use details::{OrgDetailsInput, OrgDetailsPage};
pub use time_zone::{get_time_zone, update_time_zone, TimeZoneCard, TimeZoneSetting};

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::format;
use crate::validate::{country_name, OrgSize, OrgType};

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
    .ok_or_else(|| AppError::NotFound("Your organization was not found.".into()))?;
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

#[component]
pub fn OrgHomePage() -> impl IntoView {
    let home = Resource::new(|| (), |_| org_home());
    view! {
        <Title text="Your organization — Coursegate"/>
        <section class="page wide">
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match home.await {
                        Ok(org) => view! { <OrgHomeBody org/> }.into_any(),
                        Err(e) => view! {
                            <h1>"Your organization"</h1>
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div>
                            {matches!(e, AppError::Unauthorized).then(|| view! { <a class="button primary" href="/sign-in">"Sign in"</a> })}
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn OrgHomeBody(org: OrgOverview) -> impl IntoView {
    let active = org.status == "active";
    let query = use_query_map();
    let saved = move || query.read().get("saved").as_deref() == Some("details");
    view! {
        {move || saved().then(|| view! {
            <div class="banner banner-success" role="status" data-testid="org-details-saved">
                "The address and contact details are saved."
            </div>
        })}
        <p class="eyebrow">"Customer organization"</p>
        <h1 data-testid="org-name">{org.legal_name.clone()}</h1>
        <p class="status-line">
            <span class=format!("badge badge-{}", org.status) data-testid="org-status">
                {if active { "Active customer" } else { "Suspended" }}
            </span>
            <span class="muted">{format!(" Customer since {}", format::time(org.customer_since))}</span>
        </p>
        <div class="grid-2">
            <div class="card">
                <h2>"Organization"</h2>
                <dl class="facts">
                    <dt>"Legal name"</dt><dd>{org.legal_name.clone()}</dd>
                    <dt>"Registration ID"</dt><dd class="mono">{org.registration_id.clone()}</dd>
                    <dt>"Type"</dt><dd>{OrgType::parse(&org.org_type).map(|t| t.label()).unwrap_or("—")}</dd>
                    <dt>"Size"</dt><dd>{OrgSize::parse(&org.org_size).map(|t| t.label()).unwrap_or("—")}</dd>
                    <dt>"Website"</dt><dd>{org.website.clone().unwrap_or_else(|| "—".into())}</dd>
                </dl>
            </div>
            <div class="card">
                <h2>"Address and contact"</h2>
                <dl class="facts">
                    <dt>"Address"</dt>
                    <dd>{org.street_address.clone()}<br/>{format!("{} {}", org.postal_code, org.city)}<br/>{country_name(&org.country)}</dd>
                    <dt>"Contact person"</dt><dd>{org.contact_name.clone()}</dd>
                    <dt>"Contact email"</dt><dd>{org.contact_email.clone()}</dd>
                    <dt>"Phone"</dt><dd>{org.phone.clone()}</dd>
                </dl>
                <a class="button small" href="/org/details" data-testid="edit-org-details">"Edit address and contact"</a>
            </div>
            <div class="card">
                <h2>"Your account"</h2>
                <dl class="facts">
                    <dt>"Signed in as"</dt><dd data-testid="org-admin-email">{org.admin_email.clone()}</dd>
                    <dt>"Role"</dt><dd>"Customer admin — the organization's single point of contact"</dd>
                </dl>
            </div>
        </div>
    }
}
