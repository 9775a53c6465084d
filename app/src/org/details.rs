//! The Customer admin edits the organization's address and contact details.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::{org_home, OrgOverview, TimeZoneCard};
use crate::components::field_error;
use crate::error::AppError;
use crate::toast::toast_on_success;

/// The form as sent: `details[street_address]` and so on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrgDetailsInput {
    #[serde(default)]
    pub street_address: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub phone: String,
}

#[server(prefix = "/api", endpoint = "org/details/update")]
pub async fn update_org_details(
    #[server(default)] details: OrgDetailsInput,
) -> Result<(), AppError> {
    server::update(details).await?;
    leptos_axum::redirect("/org?saved=details");
    Ok(())
}

#[cfg(feature = "ssr")]
mod server {
    use super::OrgDetailsInput;
    use crate::error::{AppError, FieldErrors};
    use crate::server::audit::{self, Entry};
    use crate::server::auth::require_customer;
    use crate::server::db::RowExt;
    use crate::server::{now_ms, state, DbContext};
    use crate::validate::{self, Email};

    const FIELDS: [&str; 7] = [
        "street_address",
        "postal_code",
        "city",
        "website",
        "contact_name",
        "contact_email",
        "phone",
    ];

    pub async fn update(input: OrgDetailsInput) -> Result<(), AppError> {
        let st = state()?;
        let customer = require_customer(&st).await?;
        let mut errors = FieldErrors::default();
        let street = errors.check(
            "street_address",
            validate::street_address(&input.street_address),
        );
        let postal = errors.check("postal_code", validate::postal_code(&input.postal_code));
        let city = errors.check("city", validate::city(&input.city));
        let website = errors.check("website", validate::website(&input.website));
        let contact = errors.check("contact_name", validate::contact_name(&input.contact_name));
        let email = errors.check("contact_email", Email::parse(&input.contact_email));
        let phone = errors.check("phone", validate::phone(&input.phone));
        let (
            Some(street),
            Some(postal),
            Some(city),
            Some(website),
            Some(contact),
            Some(email),
            Some(phone),
        ) = (street, postal, city, website, contact, email, phone)
        else {
            return Err(AppError::Validation(errors));
        };
        let after: [String; 7] = [
            street,
            postal,
            city,
            website.unwrap_or_default(),
            contact,
            email.as_str().to_string(),
            phone,
        ];

        let mut tx = st
            .db
            .begin_write()
            .await
            .context("failed to start a transaction")?;
        let row = sqlx::query(&format!(
            "SELECT street_address, postal_code, city, website, contact_name, contact_email, phone
             FROM organization WHERE organization_id = $1{}",
            st.db.for_update()
        ))
        .bind(&customer.organization_id)
        .fetch_optional(&mut *tx)
        .await
        .context("failed to load the organization")?
        .ok_or_else(|| {
            AppError::NotFound(crate::i18n::request_locale().t("dashboard-not-found"))
        })?;
        let mut changes = Vec::new();
        for (field, new) in FIELDS.iter().zip(&after) {
            let old = row.opt_text(field)?.unwrap_or_default();
            if &old != new {
                changes.push(format!("{field}: {old:?} → {new:?}"));
            }
        }
        if changes.is_empty() {
            return Ok(());
        }
        let website = (!after[3].is_empty()).then_some(after[3].as_str());
        sqlx::query(
            "UPDATE organization SET street_address = $2, postal_code = $3, city = $4, website = $5,
                    contact_name = $6, contact_email = $7, phone = $8, updated_at = $9
             WHERE organization_id = $1",
        )
        .bind(&customer.organization_id)
        .bind(&after[0])
        .bind(&after[1])
        .bind(&after[2])
        .bind(website)
        .bind(&after[4])
        .bind(&after[5])
        .bind(&after[6])
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("failed to store the organization details")?;
        let detail = changes.join("; ");
        audit::record(
            &mut tx,
            Entry {
                actor_user_id: Some(&customer.user_id),
                actor_label: &customer.email,
                action: "organization.details_updated",
                subject_kind: "organization",
                subject_id: &customer.organization_id,
                organization_id: Some(&customer.organization_id),
                detail: &detail,
            },
        )
        .await?;
        tx.commit()
            .await
            .context("failed to commit the organization details")?;
        tracing::info!(organization_id = %customer.organization_id, "organization details updated");
        Ok(())
    }
}

#[component]
pub fn OrgDetailsPage() -> impl IntoView {
    let l = crate::i18n::use_locale();
    let home = Resource::new(|| (), |_| org_home());
    view! {
        <Title text=l.t("org-details-title")/>
        <section class="page narrow">
            <h1>{l.t("dashboard-address-link")}</h1>
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match home.await {
                        Ok(org) => view! { <OrgDetailsForm org/> }.into_any(),
                        Err(e) => view! {
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <TimeZoneCard/>
        </section>
    }
}

#[component]
fn OrgDetailsForm(org: OrgOverview) -> impl IntoView {
    let l = crate::i18n::use_locale();
    let action = ServerAction::<UpdateOrgDetails>::new();
    toast_on_success(action);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let general = move || match error.get() {
        Some(AppError::Validation(_)) => Some(l.t("org-correct-fields")),
        Some(other) => Some(other.message(l)),
        None => None,
    };
    let field = move |name: &'static str,
                      label: String,
                      value: String,
                      kind: &'static str,
                      autocomplete: &'static str| {
        let id = format!("org-{}", name.replace('_', "-"));
        view! {
            <div class="field" class:field-invalid=move || field_error(&error.get(), name).is_some()>
                <label for=id.clone()>{label}</label>
                <input id=id type=kind name=format!("details[{name}]") value=value autocomplete=autocomplete
                    data-testid=format!("org-{name}")/>
                <p class="field-error" aria-live="polite">{move || field_error(&error.get(), name)}</p>
            </div>
        }
    };
    view! {
        <p class="muted">{org.legal_name.clone()}</p>
        {move || general().map(|m| view! {
            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
        })}
        <ActionForm action attr:class="form" attr:data-testid="org-details-form">
            {field("street_address", l.t("field-street_address"), org.street_address.clone(), "text", "street-address")}
            {field("postal_code", l.t("field-postal_code"), org.postal_code.clone(), "text", "postal-code")}
            {field("city", l.t("field-city"), org.city.clone(), "text", "address-level2")}
            {field("website", format!("{} {}", l.t("field-website"), l.t("form-optional")), org.website.clone().unwrap_or_default(), "url", "url")}
            {field("contact_name", l.t("field-contact_name"), org.contact_name.clone(), "text", "name")}
            {field("contact_email", l.t("field-contact_email"), org.contact_email.clone(), "email", "email")}
            {field("phone", l.t("field-phone"), org.phone.clone(), "tel", "tel")}
            <button type="submit" class="button primary" data-testid="org-details-submit"
                disabled=move || action.pending().get()>{l.t("org-save-details")}</button>
            " "
            <a class="button" href="/org">{l.t("form-cancel")}</a>
        </ActionForm>
    }
}
